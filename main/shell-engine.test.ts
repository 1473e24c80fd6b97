import { beforeEach, expect, test, vi } from 'vitest'
import type { WebContents } from 'electron'
import { CHANNELS } from './channels.js'
import type { EngineConfig } from './engine-messages.js'
import { RendererLink } from './renderer-link.js'
import { EngineSupervisor } from './supervisor.js'
import type { SupervisorOptions } from './supervisor.js'
import { FakeWebContents, forks } from './testing/fake-electron.js'
import type { FakeUtilityProcess } from './testing/fake-electron.js'

vi.mock('electron', () => import('./testing/fake-electron.js'))

const config: EngineConfig = {
  storage: '/profile',
  bootstrap: '127.0.0.1:49737',
  offline: false,
  keychain: false
}

beforeEach(() => {
  forks.length = 0
  vi.useRealTimers()
})

function setUp(options: Partial<SupervisorOptions> = {}) {
  let clock = 1_000_000
  const supervisor = new EngineSupervisor({
    modulePath: '/app/dist/main/engine-host.cjs',
    config,
    now: () => clock,
    log: () => undefined,
    ...options
  })
  const link = new RendererLink(supervisor)
  const contents = new FakeWebContents()
  supervisor.start()
  link.attach(contents as unknown as WebContents)
  return {
    supervisor,
    link,
    contents,
    advance: (ms: number) => {
      clock += ms
    }
  }
}

function child(n: number): FakeUtilityProcess {
  const c = forks[n]
  if (!c) throw new Error(`no fork #${n}`)
  return c
}

const statuses = (contents: FakeWebContents) =>
  contents.sent.filter((s) => s.channel === CHANNELS.status).map((s) => s.payload)

test('shell: the engine starts in a utility process with the profile and network settings', () => {
  setUp()
  expect(forks).toHaveLength(1)
  expect(child(0).modulePath).toBe('/app/dist/main/engine-host.cjs')
  expect(child(0).messages[0]).toEqual({ message: { type: 'start', config }, ports: [] })
})

test('shell: the window gets its own port to the engine, and the engine gets the other end', () => {
  const { contents } = setUp()
  const sent = contents.sent.find((s) => s.how === 'postMessage')
  expect(sent?.channel).toBe(CHANNELS.port)
  const engineEnd = child(0).messages.find((m) => (m.message as { type: string }).type === 'connect')
  expect(engineEnd?.ports).toHaveLength(1)
  expect(sent?.ports).toHaveLength(1)
  expect(sent?.ports?.[0]).not.toBe(engineEnd?.ports[0])
  child(0).emit('message', { type: 'ready' })
  expect(statuses(contents)).toEqual([{ state: 'ready' }])
})

test('shell: after a crash the engine is started again; the window hears "restarting", then gets a new port, then "ready"', () => {
  const { contents } = setUp()
  child(0).emit('message', { type: 'ready' })
  contents.sent.length = 0

  child(0).emit('exit', 134)

  expect(forks).toHaveLength(2)
  expect(child(1).messages[0]?.message).toEqual({ type: 'start', config })
  expect(contents.sent.map((s) => [s.how, s.channel])).toEqual([
    ['send', CHANNELS.status],
    ['postMessage', CHANNELS.port]
  ])
  expect(contents.sent[0]?.payload).toEqual({
    state: 'restarting',
    reason: expect.stringMatching(/stopped unexpectedly \(exit code 134\)/)
  })
  // The new port leads to the new engine, not the dead one.
  expect(child(1).messages.some((m) => (m.message as { type: string }).type === 'connect')).toBe(true)

  child(1).emit('message', { type: 'ready' })
  expect(statuses(contents).at(-1)).toEqual({ state: 'ready' })
})

test('shell: after repeated rapid crashes the shell gives up and says the engine failed', () => {
  const { contents, advance } = setUp({ restartDelayMs: () => 0 })
  child(0).emit('exit', 1)
  advance(2_000)
  child(1).emit('exit', 1)
  advance(2_000)
  child(2).emit('exit', 1)

  expect(forks).toHaveLength(3)
  expect(statuses(contents)).toEqual([
    { state: 'restarting', reason: expect.any(String) },
    { state: 'restarting', reason: expect.any(String) },
    { state: 'failed', reason: expect.stringMatching(/stopped 3 times in 60 seconds/) }
  ])
})

test('shell: crashes far apart are each restarted', () => {
  const { contents, advance } = setUp({ restartDelayMs: () => 0 })
  for (let i = 0; i < 5; i++) {
    child(i).emit('exit', 1)
    advance(61_000)
  }
  expect(forks).toHaveLength(6)
  expect(statuses(contents).every((s) => (s as { state: string }).state === 'restarting')).toBe(true)
})

test('shell: the second restart in a row waits a moment first', () => {
  vi.useFakeTimers()
  const { advance } = setUp()
  child(0).emit('exit', 1)
  expect(forks).toHaveLength(2)
  advance(100)
  child(1).emit('exit', 1)
  expect(forks).toHaveLength(2)
  vi.advanceTimersByTime(1_000)
  expect(forks).toHaveLength(3)
})

test('shell: an engine that cannot start for good reason (a bad setting) is not restarted', () => {
  const { contents } = setUp()
  child(0).emit('message', { type: 'fatal', reason: 'bootstrap "x" must look like HOST:PORT', retry: false })
  child(0).emit('exit', 1)
  expect(forks).toHaveLength(1)
  expect(statuses(contents)).toEqual([{ state: 'failed', reason: 'bootstrap "x" must look like HOST:PORT' }])
})

test('shell: quitting asks the engine to close its storage and does not restart it when it exits', async () => {
  const { supervisor, contents } = setUp()
  const stopped = supervisor.stop()
  expect(child(0).messages.at(-1)?.message).toEqual({ type: 'stop' })
  child(0).emit('exit', 0)
  await stopped
  expect(forks).toHaveLength(1)
  expect(statuses(contents)).toEqual([])
  expect(child(0).killed).toBe(false)
})

test('shell: an engine that does not close in time is killed', async () => {
  vi.useFakeTimers()
  const { supervisor } = setUp({ stopTimeoutMs: 5_000 })
  const stopped = supervisor.stop()
  vi.advanceTimersByTime(5_000)
  await stopped
  expect(child(0).killed).toBe(true)
})

test('shell: messages from the engine that are not understood are ignored', () => {
  const { contents } = setUp()
  for (const junk of [
    null,
    'ready',
    { type: 'ready!' },
    { type: 'fatal' },
    { type: 'fatal', reason: 1, retry: 'no' }
  ])
    child(0).emit('message', junk)
  expect(statuses(contents)).toEqual([])
})

test('shell: a reloaded page asks again and gets a fresh port plus the current status', () => {
  const { link, contents } = setUp()
  child(0).emit('message', { type: 'ready' })
  contents.sent.length = 0
  link.attach(contents as unknown as WebContents)
  expect(contents.sent.map((s) => [s.how, s.channel, s.payload])).toEqual([
    ['send', CHANNELS.status, { state: 'ready' }],
    ['postMessage', CHANNELS.port, null]
  ])
})
