import { expect, test, vi } from 'vitest'
import type { EnginePort } from './preload-link.js'
import { createBridgeLink } from './preload-link.js'

function fakePort() {
  const sent: unknown[] = []
  let deliver: ((message: unknown) => void) | null = null
  const port: EnginePort & { closed: boolean } = {
    closed: false,
    send: (message) => sent.push(message),
    listen: (d) => {
      deliver = d
    },
    close() {
      this.closed = true
    }
  }
  return { port, sent, reply: (message: unknown) => deliver?.(message) }
}

function setUp() {
  const main = { openExternal: vi.fn(async (_url: string): Promise<unknown> => true), setBadgeCount: vi.fn() }
  const link = createBridgeLink(main)
  const received: unknown[] = []
  link.api.onMessage((m) => received.push(m))
  return { link, main, received }
}

const req = (id: number) => ({ t: 'req', id, method: 'communities.list', params: {} })
const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve))

test('shell: requests made before the engine port arrives are sent when it does', () => {
  const { link } = setUp()
  link.api.send(req(1))
  link.api.send(req(2))
  const { port, sent } = fakePort()
  link.attachPort(port)
  expect(sent).toEqual([req(1), req(2)])
})

test('shell: engine replies and events reach the page', () => {
  const { link, received } = setUp()
  const { port, reply } = fakePort()
  link.attachPort(port)
  reply({ t: 'evt', event: { type: 'communities-changed' } })
  expect(received).toEqual([{ t: 'evt', event: { type: 'communities-changed' } }])
})

test('shell: requests still waiting when the engine restarts are answered with a "closed" error, so nothing hangs', async () => {
  const { link, received } = setUp()
  const first = fakePort()
  link.attachPort(first.port)
  link.api.send(req(1))
  link.api.send(req(2))
  first.reply({ t: 'res', id: 1, ok: true, result: [] })

  link.setStatus({ state: 'restarting', reason: 'the Mutual engine stopped unexpectedly (exit code 1)' })
  await flush()
  expect(first.port.closed).toBe(true)
  expect(received).toEqual([
    { t: 'res', id: 1, ok: true, result: [] },
    { t: 'res', id: 2, ok: false, error: { code: 'closed', message: expect.stringMatching(/restarted/) } }
  ])

  // Sent between 'restarting' and the new port: queued for the new engine.
  link.api.send(req(3))
  const second = fakePort()
  link.attachPort(second.port)
  expect(second.sent).toEqual([req(3)])
  // A late message from the old engine is not delivered.
  first.reply({ t: 'res', id: 3, ok: true, result: 'stale' })
  expect(received).toHaveLength(2)
})

test('shell: once the engine has failed, requests are answered with an error at once', async () => {
  const { link, received } = setUp()
  link.api.send(req(1))
  link.setStatus({ state: 'failed', reason: 'it kept crashing' })
  link.api.send(req(2))
  await flush()
  expect(received).toEqual([
    {
      t: 'res',
      id: 1,
      ok: false,
      error: { code: 'closed', message: expect.stringMatching(/kept crashing/) }
    },
    { t: 'res', id: 2, ok: false, error: { code: 'closed', message: expect.stringMatching(/kept crashing/) } }
  ])
})

test('shell: a page that subscribes late still learns the engine status, and nonsense statuses are ignored', async () => {
  const { link } = setUp()
  link.setStatus({ state: 'ready' })
  link.setStatus({ state: 'on fire' })
  link.setStatus({ state: 'failed' })
  const seen: unknown[] = []
  link.api.onEngineStatus((s) => seen.push(s))
  await flush()
  expect(seen).toEqual([{ state: 'ready' }])
  link.setStatus({ state: 'restarting', reason: 'crash' })
  expect(seen).toEqual([{ state: 'ready' }, { state: 'restarting', reason: 'crash' }])
})

test('shell: unsubscribing stops delivery', () => {
  const { link } = setUp()
  const seen: unknown[] = []
  const off = link.api.onMessage((m) => seen.push(m))
  off()
  const { port, reply } = fakePort()
  link.attachPort(port)
  reply({ t: 'evt', event: { type: 'communities-changed' } })
  expect(seen).toEqual([])
})

test('shell: openExternal and setBadgeCount pass only well-formed values to the main process', async () => {
  const { link, main } = setUp()
  await expect(link.api.openExternal('https://example.org/')).resolves.toBe(true)
  await expect(link.api.openExternal(42 as unknown as string)).resolves.toBe(false)
  main.openExternal.mockRejectedValueOnce(new Error('ipc gone'))
  await expect(link.api.openExternal('https://example.org/')).resolves.toBe(false)
  expect(main.openExternal).toHaveBeenCalledTimes(2)

  link.api.setBadgeCount(3)
  link.api.setBadgeCount(-1)
  link.api.setBadgeCount(1.5)
  link.api.setBadgeCount(Number.NaN)
  expect(main.setBadgeCount.mock.calls).toEqual([[3]])
})

test('shell: a notification click asks the page to open the thread, even if it subscribes afterwards', async () => {
  const { link } = setUp()
  link.openThread({ communityId: 'c', root: 'r' })
  link.openThread({ communityId: 1 })
  const opened: unknown[] = []
  link.api.onOpenThread((t) => opened.push(t))
  await flush()
  expect(opened).toEqual([{ communityId: 'c', root: 'r' }])
  link.openThread({ communityId: 'c', root: 's' })
  expect(opened).toEqual([
    { communityId: 'c', root: 'r' },
    { communityId: 'c', root: 's' }
  ])
  link.openThread({ communityId: 'c', memberId: 'm' })
  link.openThread({ communityId: 'c', reachOuts: true })
  link.openThread({ communityId: 'c', reachOuts: 'yes' })
  link.openThread({ communityId: 'c', memberId: 3 })
  expect(opened.slice(2)).toEqual([
    { communityId: 'c', memberId: 'm' },
    { communityId: 'c', reachOuts: true }
  ])
})
