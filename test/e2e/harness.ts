// Browser tests of the production renderer against real engines. Each member
// is a Chromium page (its own browser context) whose `window.mutual` forwards
// RPC envelopes to a real Mutual engine in this process, over the same RPC
// protocol the Electron shell carries; only the transport differs.
// Network rule: everything binds to 127.0.0.1 and engines use a local testnet.
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import createTestnet from 'hyperdht/testnet.js'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import { Mutual } from '../../core/mutual.js'
import type { MutualOptions } from '../../core/mutual.js'
import type { EngineEvent } from '../../core/domain/types.js'
import type { EngineStatus } from '../../core/rpc/bridge.js'
import type { Transport } from '../../core/rpc/protocol.js'
import { serveRpc } from '../../core/rpc/server.js'
import { createHandlers } from '../../core/rpc/handlers.js'
import type { EventSource, Handlers } from '../../core/rpc/server.js'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const DIST = join(ROOT, 'dist/renderer')
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots')
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js')

/** Builds dist/renderer when any renderer (or shared engine) source is newer than the bundle. */
export async function ensureRendererBuilt(): Promise<void> {
  const built = await stat(join(DIST, 'app.js')).then(
    (s) => s.mtimeMs,
    () => 0
  )
  const sources = [
    ...(await files(join(ROOT, 'renderer'))),
    ...(await files(join(ROOT, 'core/domain'))),
    ...(await files(join(ROOT, 'core/rpc'))),
    join(ROOT, 'core/errors.ts'),
    join(ROOT, 'scripts/build-renderer.mjs')
  ]
  const newest = Math.max(...(await Promise.all(sources.map(async (f) => (await stat(f)).mtimeMs))))
  if (built >= newest) return
  await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/build-renderer.mjs')], { cwd: ROOT })
}

async function files(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await files(path)))
    else out.push(path)
  }
  return out
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8'
}

/** Where the test server offers axe-core, beside the bundle (see seriousA11yViolations). */
const AXE_PATH = '/__test__/axe.min.js'

/** A static server for dist/renderer on 127.0.0.1. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const file =
      path === AXE_PATH ? AXE : resolve(DIST, normalize(path === '/' ? 'index.html' : path.slice(1)))
    if (file !== AXE && !file.startsWith(DIST + '/')) {
      res.writeHead(404).end()
      return
    }
    readFile(file).then(
      (body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end()
    )
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('no address')
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic'
    ]
  })
}

/** What the page sees as globalThis, for code evaluated inside it. */
interface PageGlobals {
  mutual: unknown
  __mutualSend(message: unknown): void
  __mutualBadge(count: number): void
  __mutualDeliver(message: unknown): void
  __mutualStatus(status: unknown): void
}

/** A browser page with its own context, wired to an engine through `window.mutual`. */
export interface Window {
  name: string
  page: Page
  context: BrowserContext
  badges: number[]
  /** Console errors, failed requests and CSP violations seen by the page. */
  problems: string[]
}

export interface Member extends Window {
  /** The member's current engine (a new one after `restartEngine`). */
  engine: Mutual
  /** The RPC handlers serving the current engine, for steps a test takes without the page. */
  handlers: Handlers
  storage: string
  /**
   * Stops the engine under the open page and starts it again on the same
   * storage, telling the page as the shell does; `whileDown` runs in between.
   */
  restartEngine(whileDown?: () => Promise<void>): Promise<void>
}

/** What a page can be served by: a real engine, or a stand-in with the same RPC handlers. */
export interface Served {
  handlers: Handlers
  events: EventSource
}

interface Wiring {
  window: Window
  /** Serves the page from `engine` until the returned function is called. */
  serve(engine: Served): () => void
  status(status: EngineStatus): Promise<void>
}

/** A local DHT testnet, a browser and the pages around them; `close()` ends everything it opened. */
export class Stage {
  private testnet: createTestnet.Testnet | null = null
  private browser: Browser | null = null
  private server: { url: string; close: () => Promise<void> } | null = null
  private readonly engines = new Set<Mutual>()
  private readonly dirs: string[] = []
  private readonly windows: Window[] = []
  /** What each member's engine said, for a failure's report (see reportFailures). */
  private readonly journal: string[] = []
  private readonly openedAt = Date.now()

  async open(opts: { testnet?: boolean } = {}): Promise<void> {
    await Promise.all([ensureRendererBuilt(), mkdir(SCREENSHOTS, { recursive: true })])
    const [testnet, browser, server] = await Promise.all([
      opts.testnet === false ? null : createTestnet(3, { host: '127.0.0.1' }),
      launchChromium(),
      serveDist()
    ])
    this.testnet = testnet
    this.browser = browser
    this.server = server
  }

  get url(): string {
    if (!this.server) throw new Error('stage not open')
    return this.server.url
  }

  /** A member: a fresh engine with its own storage, and a page connected to it. */
  async member(
    name: string,
    opts: { colorScheme?: 'light' | 'dark'; engine?: Partial<MutualOptions> } = {}
  ): Promise<Member> {
    const testnet = this.testnet
    if (!testnet) throw new Error('stage has no testnet')
    const storage = await mkdtemp(join(tmpdir(), `mutual-e2e-${name.toLowerCase()}-`))
    this.dirs.push(storage)
    const startEngine = async () => {
      const engine = new Mutual({ storage, bootstrap: testnet.bootstrap, ackInterval: 200, ...opts.engine })
      this.engines.add(engine)
      engine.on('event', (e) => this.note(name, e))
      await engine.ready()
      return engine
    }
    const wiring = await this.wire(name, opts.colorScheme ?? 'light')
    const engine = await startEngine()
    const handlers = createHandlers(engine)
    let stop = wiring.serve({ handlers, events: engine })
    const member: Member = {
      ...wiring.window,
      engine,
      handlers,
      storage,
      restartEngine: async (whileDown) => {
        await wiring.status({ state: 'restarting', reason: 'test restart' })
        stop()
        await member.engine.close()
        this.engines.delete(member.engine)
        await whileDown?.()
        member.engine = await startEngine()
        member.handlers = createHandlers(member.engine)
        stop = wiring.serve({ handlers: member.handlers, events: member.engine })
        await wiring.status({ state: 'ready' })
      }
    }
    await member.page.goto(this.url)
    return member
  }

  /** A page served by a stand-in engine (for loads a real engine would take minutes to build). */
  async window(name: string, engine: Served): Promise<Window> {
    const wiring = await this.wire(name, 'light')
    wiring.serve(engine)
    await wiring.window.page.goto(this.url)
    return wiring.window
  }

  private async wire(name: string, colorScheme: 'light' | 'dark'): Promise<Wiring> {
    if (!this.browser) throw new Error('stage not open')
    const context = await this.browser.newContext({
      viewport: { width: 1180, height: 800 },
      colorScheme,
      reducedMotion: 'reduce'
    })
    const page = await context.newPage()
    page.setDefaultTimeout(30_000)
    const window: Window = { name, page, context, badges: [], problems: [] }
    this.windows.push(window)
    page.on('console', (message) => {
      if (message.type() === 'error') window.problems.push(message.text())
    })
    page.on('pageerror', (error) => window.problems.push(error.message))

    // Engine → page: one evaluate at a time, so messages keep their order.
    let delivering: Promise<unknown> = Promise.resolve()
    const toPage = (kind: 'message' | 'status', value: unknown) => {
      delivering = delivering
        .then(() =>
          page.evaluate(
            ([k, v]) => {
              const g = globalThis as unknown as PageGlobals
              if (k === 'message') g.__mutualDeliver(v)
              else g.__mutualStatus(v)
            },
            [kind, value] as const
          )
        )
        .catch(() => undefined)
      return delivering
    }
    // Page → engine: to whichever engine serves the page now.
    let receive: (message: unknown) => void = () => undefined
    let current: Transport | null = null
    page.once('close', () => current?.close())
    const serve = (engine: Served): (() => void) => {
      const receivers: ((message: unknown) => void)[] = []
      const closers: (() => void)[] = []
      let open = true
      const transport: Transport = {
        send(message) {
          if (open) void toPage('message', message)
        },
        onMessage: (handler) => receivers.push(handler),
        onClose: (handler) => closers.push(handler),
        close() {
          if (!open) return
          open = false
          closers.forEach((c) => c())
        }
      }
      serveRpc(transport, engine.handlers, engine.events)
      receive = (message) => receivers.forEach((r) => r(message))
      current = transport
      return () => {
        receive = () => undefined
        transport.close()
      }
    }

    await page.exposeBinding('__mutualSend', (_source, message: unknown) => receive(message))
    await page.exposeBinding('__mutualBadge', (_source, count: number) => {
      window.badges.push(count)
    })
    await page.addInitScript(() => {
      const g = globalThis as unknown as PageGlobals
      const listeners = new Set<(message: unknown) => void>()
      const statusListeners = new Set<(status: unknown) => void>()
      g.__mutualDeliver = (message) => {
        for (const listener of listeners) listener(message)
      }
      g.__mutualStatus = (status) => {
        for (const listener of statusListeners) listener(status)
      }
      g.mutual = {
        send: (message: unknown) => g.__mutualSend(message),
        onMessage(listener: (message: unknown) => void) {
          listeners.add(listener)
          return () => listeners.delete(listener)
        },
        onEngineStatus(listener: (status: unknown) => void) {
          statusListeners.add(listener)
          return () => statusListeners.delete(listener)
        },
        openExternal: async () => false,
        setBadgeCount: (count: number) => g.__mutualBadge(count)
      }
    })
    return { window, serve, status: (status) => toPage('status', status).then(() => undefined) }
  }

  private note(name: string, e: EngineEvent): void {
    const line =
      e.type === 'join-progress'
        ? `join ${e.progress.stage} ${e.progress.have}/${e.progress.total}`
        : e.type === 'engine-error'
          ? `error ${e.message}`
          : e.type === 'communities-changed' || e.type === 'notice'
            ? e.type
            : null
    if (line === null) return
    const entry = `${Date.now() - this.openedAt} ms ${name}: ${line}`
    // Join progress repeats every 250 ms; one line per change is enough.
    if (this.journal.at(-1)?.endsWith(`${name}: ${line}`)) return
    this.journal.push(entry)
    if (this.journal.length > 200) this.journal.shift()
  }

  /** What each member's engine said and each page shows now: printed when a test fails. */
  async report(): Promise<string> {
    const pages = await Promise.all(
      this.windows.map(async (w) => {
        const text = await w.page
          .locator('body')
          .innerText({ timeout: 2000 })
          .catch((err: unknown) => `(unreadable: ${String(err)})`)
        const problems = w.problems.length ? `\n  problems: ${w.problems.join(' | ')}` : ''
        return `${w.name} sees: ${text.replace(/\s+/g, ' ').slice(0, 600)}${problems}`
      })
    )
    return ['engines said:', ...this.journal, ...pages].join('\n')
  }

  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined)
    for (const engine of this.engines) await engine.close().catch(() => undefined)
    await this.testnet?.destroy()
    await this.server?.close()
    for (const dir of this.dirs) await rm(dir, { recursive: true, force: true })
  }
}

/** Who takes part in a file's scenarios: a name, and how their screen and engine start. */
export type Cast = ReadonlyArray<readonly [name: string, opts?: Parameters<Stage['member']>[1]]>

/**
 * The stage for one file's scenarios: opened with its members before the
 * first, closed after the last, failures reported, and the timings the
 * scenarios noted printed with how long they took in all.
 */
export function sceneFor(
  what: string,
  cast: Cast,
  ready: (members: Member[]) => void
): { stage: Stage; timings: string[] } {
  const stage = new Stage()
  const timings: string[] = []
  let started = 0
  reportFailures(stage)
  beforeAll(async () => {
    started = Date.now()
    await stage.open()
    ready(await Promise.all(cast.map(([name, opts]) => stage.member(name, opts))))
  })
  afterAll(async () => {
    await stage.close()
    for (const line of timings) console.log(`e2e: ${line}`)
    console.log(`e2e: ${what} scenarios took ${Date.now() - started} ms in all`)
  })
  return { stage, timings }
}

/** Prints the stage's report when a test in this file fails, so a rare failure in CI can be read. */
export function reportFailures(stage: Stage): void {
  beforeEach(({ onTestFailed }) => {
    onTestFailed(async () => {
      console.log(`e2e failure report\n${await stage.report()}`)
    })
  })
}

export async function screenshot(member: Window, name: string): Promise<void> {
  await member.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
}

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/**
 * Runs axe-core in the page; returns violations of serious or critical impact.
 * The page keeps its strict CSP (script-src 'self'), which refuses the inline
 * script addScriptTag({ path }) would add, so axe comes from the same origin.
 */
export async function seriousA11yViolations(member: Window): Promise<AxeViolation[]> {
  await member.page.addScriptTag({ url: AXE_PATH })
  const violations = await member.page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> }
      }
    ).axe
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      resultTypes: ['violations']
    })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target }))
    }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** Scrolls `show` into view, saves a screenshot, and fails on any serious accessibility violation. */
export async function screenshotAndScan(window: Window, name: string, show?: Locator): Promise<void> {
  await show?.scrollIntoViewIfNeeded()
  await screenshot(window, name)
  expect(await seriousA11yViolations(window)).toEqual([])
}

/** Starts a community from the welcome screen, as a person would, and waits until it opens. */
export async function startCommunity(window: Window, name: string, displayName: string): Promise<void> {
  await window.page.getByRole('button', { name: /Start a community/ }).click()
  await window.page.getByLabel('Community name').fill(name)
  await window.page.getByLabel('Your name here').fill(displayName)
  await window.page.getByRole('button', { name: 'Start community' }).click()
  await window.page.getByRole('heading', { level: 1, name }).waitFor()
}

/** Fails on any serious accessibility violation on the window's page as it is now. */
export async function expectAccessible(window: Window): Promise<void> {
  expect(await seriousA11yViolations(window)).toEqual([])
}

/** A post on the window's page, found by its text. */
export const postOn = (window: Window, text: string): Locator =>
  window.page.locator('article', { hasText: text })

/** A tab of the community page's navigation. */
export const tabOn = (window: Window, name: RegExp): Locator =>
  window.page.getByRole('navigation', { name: 'In this community' }).getByRole('button', { name })

/** Makes an invite in the invite dialog (`uses` as the dialog words it, e.g. '5 times') and returns its key. */
export async function makeInvite(window: Window, community: string, uses?: string): Promise<string> {
  await window.page.getByRole('button', { name: 'Invite someone' }).click()
  const dialog = window.page.getByRole('dialog', { name: `Invite someone to ${community}` })
  if (uses) await dialog.getByLabel('Can be used').selectOption({ label: uses })
  await dialog.getByRole('button', { name: 'Create invite key' }).click()
  const key = await dialog.getByRole('textbox', { name: 'Invite key' }).inputValue()
  await dialog.getByRole('button', { name: 'Done' }).click()
  return key
}

/** Joins with an invite key from the welcome screen, under the member's own name, until the community opens. */
export async function joinWith(member: Member, key: string, community: string): Promise<void> {
  await member.page.getByRole('button', { name: /Join with an invite key/ }).click()
  await member.page.getByLabel('Invite key').fill(key)
  await member.page.getByLabel('Your name here').fill(member.name)
  await member.page.getByRole('button', { name: 'Join', exact: true }).click()
  await member.page.getByRole('heading', { level: 1, name: community }).waitFor()
}

/** Says "I agree" to the agreements shown before a first post, until the compose box appears. */
export async function agreeIn(window: Window, community: string): Promise<void> {
  await window.page
    .getByRole('region', { name: 'Before you share: what this community has agreed' })
    .getByRole('button', { name: 'I agree' })
    .click()
  await window.page.getByLabel(`Share with ${community}`).waitFor()
}
