// Black-box test of the `mutual` command: a loopback testnet and two daemons
// run as child processes, driven only through bin/mutual.js as a person or a
// script would. Every process is bound to 127.0.0.1; nothing reaches the
// public DHT (daemons always get --bootstrap, and MUTUAL_BOOTSTRAP is set too).
import { spawn, execFileSync } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = path.join(ROOT, 'bin', 'mutual.js')
const STACK_LINE = /^\s+at /m
const COMMUNITY_ID = /^[a-z0-9]{52}$/
const POST_ID = /^[0-9a-f]{16}$/
/** Bound for anything that crosses the (loopback) network. */
const SYNC_DEADLINE_MS = 60_000

interface Outcome {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

interface Running {
  child: ChildProcessWithoutNullStreams
  stdout: () => string
  stderr: () => string
  exited: Promise<Outcome>
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'mutual-cli-'))
const everyStderr: { args: string[]; text: () => string }[] = []
const started: Running[] = []
let bootstrap = ''

function env(): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...process.env }
  for (const key of Object.keys(clean)) if (key.startsWith('MUTUAL_')) delete clean[key]
  // A forgotten --storage must not touch the real profile, nor a forgotten --bootstrap the public DHT.
  return {
    ...clean,
    MUTUAL_STORAGE: path.join(scratch, 'default'),
    MUTUAL_BOOTSTRAP: bootstrap || '127.0.0.1:1'
  }
}

function start(args: string[]): Running {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: env() })
  let out = ''
  let err = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  const exited = new Promise<Outcome>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: err }))
  )
  everyStderr.push({ args, text: () => err })
  const running: Running = {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitForLine(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs
      let exitedEarly = false
      void exited.then(() => (exitedEarly = true))
      for (;;) {
        const line = out.split('\n').find((l) => pattern.test(l))
        if (line !== undefined) return line
        if (exitedEarly) throw new Error(`mutual ${args.join(' ')} exited before printing ${pattern}: ${err}`)
        if (Date.now() > deadline)
          throw new Error(`mutual ${args.join(' ')} printed no ${pattern} in ${timeoutMs}ms: ${err}`)
        await delay(50)
      }
    }
  }
  started.push(running)
  return running
}

/** Runs one CLI command to completion. */
function mutual(...args: string[]): Promise<Outcome> {
  const running = start(args)
  const timer = setTimeout(() => running.child.kill('SIGKILL'), SYNC_DEADLINE_MS)
  return running.exited.finally(() => clearTimeout(timer))
}

async function ok(...args: string[]): Promise<string> {
  const result = await mutual(...args)
  if (result.code !== 0) throw new Error(`mutual ${args.join(' ')} exited ${result.code}: ${result.stderr}`)
  return result.stdout.trim()
}

/** Polls until `probe` returns a value, within a bounded deadline. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + SYNC_DEADLINE_MS
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await delay(200)
  }
}

interface FeedPost {
  id: string
  author: string
  text: string
  topic: string
  replyTo: string | null
  reactions: Record<string, number>
  state: string
}

async function feed(storage: string, communityId: string): Promise<FeedPost[]> {
  return JSON.parse(await ok('feed', communityId, '--storage', storage)) as FeedPost[]
}

function startDaemon(storage: string, ...extra: string[]): Running {
  return start(['daemon', '--storage', storage, '--bootstrap', bootstrap, ...extra])
}

function expectOneLineError(result: Outcome, code: number, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(code)
  expect(result.stdout).toBe('')
  const lines = result.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
}

const founderDir = path.join(scratch, 'founder')
const joinerDir = path.join(scratch, 'joiner')
let testnet: Running
let founder: Running
let joiner: Running
let communityId = ''
let founderPost = ''

beforeAll(async () => {
  // Test what `npm install` ships: the bundle, started through the bin script.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' })
  testnet = start(['testnet'])
  bootstrap = await testnet.waitForLine(/^127\.0\.0\.1:\d+$/)
  founder = startDaemon(founderDir)
  joiner = startDaemon(joinerDir)
  await Promise.all([founder.waitForLine(/ready/), joiner.waitForLine(/ready/)])
})

afterAll(async () => {
  // Normally the shutdown test has stopped everything; this covers failures.
  for (const running of started) if (running.child.exitCode === null) running.child.kill('SIGKILL')
  await Promise.all(started.map((r) => r.exited))
  rmSync(scratch, { recursive: true, force: true })
})

describe('cli: behaviour', () => {
  it('creates a community, invites, and lets a second daemon join with the invite', async () => {
    communityId = await ok('create', 'Night owls', '--as', 'Ana', '--storage', founderDir)
    expect(communityId).toMatch(COMMUNITY_ID)

    const invite = JSON.parse(
      await ok('invite', communityId, '--expires', '1h', '--storage', founderDir)
    ) as {
      invite: string
    }
    expect(typeof invite.invite).toBe('string')

    const joined = await mutual('join', invite.invite, '--as', 'Ben', '--storage', joinerDir)
    expect(joined.code, joined.stderr).toBe(0)
    expect(joined.stdout.trim()).toBe(communityId)
    expect(joined.stderr).toContain('Looking for a member who can let you in…')
  })

  it("shows each member's posts in the other member's feed", async () => {
    founderPost = await ok('post', communityId, 'Anyone else awake?', '--storage', founderDir)
    expect(founderPost).toMatch(POST_ID)
    const joinerPost = await ok('post', 'Night owls', 'Yes, me too.', '--storage', joinerDir)
    expect(joinerPost).toMatch(POST_ID)

    const seenByJoiner = await eventually('the founder post in the joiner feed', async () =>
      (await feed(joinerDir, communityId)).find((p) => p.id === founderPost)
    )
    expect(seenByJoiner).toMatchObject({ author: 'Ana', text: 'Anyone else awake?', replyTo: null })
    expect(typeof seenByJoiner.topic).toBe('string')
    expect(seenByJoiner.reactions).toMatchObject({ 'me-too': 0, 'hear-you': 0, thanks: 0 })
    expect(['local', 'replicated', 'confirmed']).toContain(seenByJoiner.state)

    const seenByFounder = await eventually('the joiner post in the founder feed', async () =>
      (await feed(founderDir, communityId)).find((p) => p.id === joinerPost)
    )
    expect(seenByFounder).toMatchObject({ author: 'Ben', text: 'Yes, me too.' })
  })

  it('carries replies and reactions between members', async () => {
    const reply = await ok(
      'post',
      communityId,
      'Glad it is not just me.',
      '--reply-to',
      founderPost,
      '--mode',
      'listen',
      '--storage',
      joinerDir
    )
    await ok('react', communityId, founderPost, 'hear-you', '--storage', joinerDir)

    const thread = await eventually('the reply and reaction at the founder', async () => {
      const t = JSON.parse(
        await ok('thread', communityId, founderPost, '--json', '--storage', founderDir)
      ) as {
        root: FeedPost
        replies: FeedPost[]
      }
      const arrived = t.replies.some((r) => r.id === reply) && t.root.reactions['hear-you'] === 1
      return arrived ? t : undefined
    })
    expect(thread.replies.find((r) => r.id === reply)).toMatchObject({ replyTo: founderPost, author: 'Ben' })
  })

  it('lists communities, members and sync status as JSON', async () => {
    const communities = JSON.parse(await ok('communities', '--json', '--storage', joinerDir)) as {
      id: string
      writable: boolean
    }[]
    expect(communities).toEqual([
      expect.objectContaining({ id: communityId, name: 'Night owls', writable: true })
    ])

    const names = await eventually('both members at the founder', async () => {
      const list = JSON.parse(await ok('members', communityId, '--json', '--storage', founderDir)) as {
        name: string
      }[]
      const found = list.map((m) => m.name).sort()
      return found.length === 2 ? found : undefined
    })
    expect(names).toEqual(['Ana', 'Ben'])

    const status = JSON.parse(await ok('status', '--json', '--storage', founderDir)) as {
      communityId: string
    }[]
    expect(status).toEqual([expect.objectContaining({ communityId, online: true })])
    expect(await ok('status', '--storage', founderDir)).toContain('Night owls')
  })

  it('exits 2 with one clear line for bad usage and bad input', async () => {
    const [
      unknown,
      noText,
      noName,
      noInvite,
      unknownFlag,
      garbageInvite,
      zeroLimit,
      wordLimit,
      badExpiry,
      badMode
    ] = await Promise.all([
      mutual('frobnicate'),
      mutual('post', communityId, '--storage', founderDir),
      mutual('create', 'Somewhere', '--storage', founderDir),
      mutual('join', '--as', 'Cleo', '--storage', joinerDir),
      mutual('feed', communityId, '--colour', 'blue', '--storage', founderDir),
      mutual('join', 'this-is-not-an-invite', '--as', 'Cleo', '--storage', joinerDir),
      mutual('feed', communityId, '--limit', '0', '--storage', founderDir),
      mutual('feed', communityId, '--limit', 'ten', '--storage', founderDir),
      mutual('invite', communityId, '--expires', 'soon', '--storage', founderDir),
      mutual('post', communityId, 'hi', '--mode', 'shout', '--storage', founderDir)
    ])
    expectOneLineError(unknown, 2, /unknown command "frobnicate"/)
    expectOneLineError(noText, 2, /TEXT/)
    expectOneLineError(noName, 2, /--as/)
    expectOneLineError(noInvite, 2, /INVITE/)
    expectOneLineError(unknownFlag, 2, /--colour/)
    expectOneLineError(garbageInvite, 2, /invite/i)
    expectOneLineError(zeroLimit, 2, /--limit/)
    expectOneLineError(wordLimit, 2, /--limit/)
    expectOneLineError(badExpiry, 2, /--expires/)
    expectOneLineError(badMode, 2, /--mode/)
  })

  it('exits 2 when the daemon refuses the request as invalid', async () => {
    const [emptyPost, missingPost, unknownCommunity] = await Promise.all([
      mutual('post', communityId, '   ', '--storage', founderDir),
      mutual('thread', communityId, '0000000000000000', '--storage', founderDir),
      mutual('feed', 'No such place', '--storage', founderDir)
    ])
    expectOneLineError(emptyPost, 2, /empty/)
    expectOneLineError(missingPost, 2, /.+/)
    expectOneLineError(unknownCommunity, 2, /No such place/)
  })

  it('exits 1 and says how to start a daemon when none is running', async () => {
    const empty = path.join(scratch, 'nobody-home')
    expectOneLineError(
      await mutual('communities', '--storage', empty),
      1,
      /^mutual: no Mutual daemon is running for .*nobody-home; start one with: mutual daemon --storage /
    )
  })

  it('refuses a second daemon on the same storage folder at once, and the first keeps serving', async () => {
    const second = await startDaemon(founderDir).exited
    expectOneLineError(second, 1, /already running/)
    expect(await ok('communities', '--storage', founderDir)).toContain('Night owls')
  })

  it.skipIf(process.platform === 'win32')(
    'starts over the socket left behind by a daemon that was killed',
    async () => {
      const dir = path.join(scratch, 'crashed')
      const first = startDaemon(dir, '--offline')
      await first.waitForLine(/ready/)
      first.child.kill('SIGKILL')
      await first.exited
      expect(existsSync(path.join(dir, 'mutual.sock'))).toBe(true)
      expectOneLineError(await mutual('communities', '--storage', dir), 1, /no Mutual daemon is running/)

      const second = startDaemon(dir, '--offline')
      await second.waitForLine(/ready/)
      expect(await ok('communities', '--json', '--storage', dir)).toBe('[]')
      second.child.kill('SIGTERM')
      expect((await second.exited).code).toBe(0)
    }
  )

  it.skipIf(process.platform === 'win32')(
    'listens in a private temp folder when the storage path is too long for a unix socket',
    async () => {
      const longDir = path.join(scratch, 'a'.repeat(60), 'b'.repeat(60))
      const daemon = startDaemon(longDir, '--offline')
      const ready = await daemon.waitForLine(/ready/)
      const socketPath = readFileSync(path.join(longDir, 'control-socket'), 'utf8').trim()
      expect(ready).toContain(socketPath)
      expect(socketPath.length).toBeLessThanOrEqual(100)
      expect(await ok('communities', '--json', '--storage', longDir)).toBe('[]')

      daemon.child.kill('SIGTERM')
      expect((await daemon.exited).code).toBe(0)
      expect(existsSync(socketPath)).toBe(false)
      expect(existsSync(path.join(longDir, 'control-socket'))).toBe(false)
    }
  )

  it('stops daemons and the testnet cleanly on SIGTERM with exit status 0', async () => {
    founder.child.kill('SIGTERM')
    joiner.child.kill('SIGTERM')
    const [a, b] = await Promise.all([founder.exited, joiner.exited])
    expect(a.code, a.stderr).toBe(0)
    expect(b.code, b.stderr).toBe(0)
    if (process.platform !== 'win32') {
      expect(existsSync(path.join(founderDir, 'mutual.sock'))).toBe(false)
      expect(existsSync(path.join(joinerDir, 'mutual.sock'))).toBe(false)
    }
    testnet.child.kill('SIGTERM')
    expect((await testnet.exited).code).toBe(0)
  })

  it('never prints a stack trace', () => {
    const withStacks = everyStderr.filter((e) => STACK_LINE.test(e.text())).map((e) => e.args.join(' '))
    expect(withStacks).toEqual([])
  })
})
