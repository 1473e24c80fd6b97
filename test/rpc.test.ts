import { afterAll, beforeAll, expect, test } from 'vitest'
import { Lab } from './support/peers.js'
import type { Peer } from './support/peers.js'
import { EventEmitter } from 'node:events'
import { RpcClient } from '../core/rpc/client.js'
import { memoryTransportPair } from '../core/rpc/memory.js'
import type { FlowControl, Transport } from '../core/rpc/protocol.js'
import { serveRpc } from '../core/rpc/server.js'
import { createHandlers } from '../core/rpc/handlers.js'
import type { Handlers } from '../core/rpc/server.js'

const lab = new Lab()
let ash: Peer
let id: string
beforeAll(async () => {
  await lab.start()
  ash = await lab.peer()
  ;({ id } = await ash.rpc.call('communities.create', { name: 'Night owls', displayName: 'Ash' }))
})
afterAll(() => lab.stop())

/** Calls a method with arbitrary params, as an untrusted renderer could. */
const raw = (method: string, params: unknown) =>
  (ash.rpc.call as (m: string, p: unknown) => Promise<unknown>).call(ash.rpc, method, params)

test('rpc: calls with bad arguments get a clear error and the engine keeps serving', async () => {
  const cases: [string, unknown, RegExp][] = [
    ['no.such.method', {}, /unknown method "no.such.method"/],
    ['posts.create', { communityId: id }, /text/],
    ['posts.create', { communityId: id, text: '   ' }, /cannot be empty/],
    ['posts.create', { communityId: id, text: 'x'.repeat(20_001) }, /at most 20000 characters/],
    ['posts.create', { communityId: id, text: 'hi', mode: 'lecture' }, /mode/],
    ['posts.create', { communityId: 'not-an-id', text: 'hi' }, /community id/],
    ['posts.create', { communityId: id, text: 'hi', sneaky: true }, /sneaky/],
    ['posts.feed', { communityId: id, limit: -1 }, /limit/],
    ['posts.feed', { communityId: id, limit: 'ten' }, /limit/],
    ['communities.create', { name: '', displayName: 'Ash' }, /needs a name/],
    ['communities.create', null, /name/],
    ['reactions.add', { communityId: id, postId: '0123456789abcdef', kind: 'applause' }, /kind/],
    ['invites.create', { communityId: id, maxUses: 0 }, /maxUses/],
    ['invites.create', { communityId: id, expiresInMs: 1000 }, /at least a minute/]
  ]
  for (const [method, params, message] of cases) {
    await expect(
      raw(method, params),
      `${method} ${JSON.stringify(params)?.slice(0, 60)}`
    ).rejects.toMatchObject({
      code: 'bad-request',
      message: expect.stringMatching(message)
    })
  }
  await expect(raw('posts.create', { communityId: 'a'.repeat(52), text: 'hi' })).rejects.toMatchObject({
    code: 'not-found'
  })
  await expect(raw('posts.feed', { communityId: id, topic: 'nowhere' })).rejects.toMatchObject({
    code: 'not-found'
  })
  await expect(
    raw('posts.create', { communityId: id, text: 'hi', replyTo: '0123456789abcdef' })
  ).rejects.toMatchObject({
    code: 'not-found'
  })
  await expect(raw('posts.create', { communityId: id, text: 'Still listening.' })).resolves.toMatchObject({
    id: expect.stringMatching(/^[0-9a-f]{16}$/)
  })
})

test('rpc: malformed envelopes are all answered, with a null id when they have none, and never stop the server', async () => {
  const { client, replies, answered } = served(9)
  client.send('garbage')
  client.send({ t: 'req' })
  client.send({ id: 7, method: 42 })
  client.send({ t: 'req', id: 9, method: 'communities.list', params: {} })
  await answered
  expect(replies).toEqual([
    {
      t: 'res',
      id: null,
      ok: false,
      error: { code: 'bad-request', message: 'a request must be a JSON object' }
    },
    {
      t: 'res',
      id: null,
      ok: false,
      error: { code: 'bad-request', message: 'a request needs a whole-number id, 0 or more' }
    },
    { t: 'res', id: 7, ok: false, error: { code: 'bad-request', message: 'not a valid request' } },
    { t: 'res', id: 9, ok: true, result: [expect.objectContaining({ id, name: 'Night owls' })] }
  ])
  client.close()
})

test('rpc: a request with a negative or fractional id gets one error reply carrying that id', async () => {
  const { client, replies, answered } = served(3)
  client.send({ t: 'req', id: -1, method: 'communities.list', params: {} })
  client.send({ t: 'req', id: 1.5, method: 'communities.list', params: {} })
  client.send({ t: 'req', id: 3, method: 'communities.list', params: {} })
  await answered
  const invalidId = { code: 'bad-request', message: 'a request needs a whole-number id, 0 or more' }
  expect(replies.slice(0, 2)).toEqual([
    { t: 'res', id: -1, ok: false, error: invalidId },
    { t: 'res', id: 1.5, ok: false, error: invalidId }
  ])
  expect(replies).toHaveLength(3)
  client.close()
})

test('rpc: the client passes over an error reply with a null id and its calls still settle', async () => {
  const [server, client] = memoryTransportPair()
  server.onMessage((m) => {
    const { id } = m as { id: number }
    server.send({ t: 'res', id: null, ok: false, error: { code: 'bad-request', message: 'unreadable' } })
    server.send({ t: 'res', id, ok: true, result: [] })
  })
  const rpc = new RpcClient(client)
  await expect(rpc.call('communities.list', {})).resolves.toEqual([])
  rpc.close()
})

/** A transport with flow control whose state a test sets by hand, standing in for a socket. */
function flowTransport() {
  const state = { paused: false, needsDrain: false, backlog: 0, aborted: false }
  const sent: unknown[] = []
  const waiting: unknown[] = []
  const drained: (() => void)[] = []
  let receive: (m: unknown) => void = () => undefined
  const deliver = (): void => {
    while (!state.paused && waiting.length > 0) receive(waiting.shift())
  }
  const flow: FlowControl = {
    pause: () => void (state.paused = true),
    resume: () => {
      state.paused = false
      deliver()
    },
    get needsDrain() {
      return state.needsDrain
    },
    get backlog() {
      return state.backlog
    },
    onDrain: (h) => void drained.push(h),
    abort: () => void (state.aborted = true)
  }
  const transport: Transport = {
    send: (m) => void sent.push(m),
    onMessage: (h) => void (receive = h),
    onClose: () => undefined,
    close: () => undefined,
    flow
  }
  return {
    transport,
    state,
    sent,
    waiting,
    /** Messages arrive as from a socket: they wait while reading is paused. */
    arrive(messages: unknown[]) {
      waiting.push(...messages)
      deliver()
    },
    drain() {
      state.needsDrain = false
      for (const h of drained) h()
    }
  }
}

const listRequests = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ t: 'req', id: i, method: 'communities.list', params: {} }))
const settled = () => new Promise((resolve) => setImmediate(resolve))

test('rpc: a server reads at most 16 requests ahead of its replies over a transport with flow control', async () => {
  const t = flowTransport()
  const release: (() => void)[] = []
  const handlers: Handlers = {
    ...createHandlers(ash.engine),
    'communities.list': () => new Promise((resolve) => release.push(() => resolve([])))
  }
  serveRpc(t.transport, handlers, new EventEmitter())
  t.arrive(listRequests(40))
  expect(release).toHaveLength(16)
  expect(t.state.paused).toBe(true)
  expect(t.waiting).toHaveLength(24)

  release.splice(0, 4).forEach((r) => r())
  await settled()
  expect(t.sent).toHaveLength(4)
  expect(release).toHaveLength(16)
  expect(t.waiting).toHaveLength(20)

  // Replies the client has not taken hold reading back too, until it drains.
  t.state.needsDrain = true
  release.splice(0, 1).forEach((r) => r())
  await settled()
  expect(t.state.paused).toBe(true)
  expect(release).toHaveLength(15)
  t.drain()
  expect(t.state.paused).toBe(true)
  expect(release).toHaveLength(16)
  expect(t.waiting).toHaveLength(19)

  while (release.length > 0) {
    release.splice(0).forEach((r) => r())
    await settled()
  }
  expect(t.sent).toHaveLength(40)
  expect(t.state.paused).toBe(false)
})

test('rpc: a client that leaves more than 8 MB unread is dropped rather than sent more events', () => {
  const t = flowTransport()
  const events = new EventEmitter()
  serveRpc(t.transport, createHandlers(ash.engine), events)
  events.emit('event', { type: 'communities-changed' })
  expect(t.sent).toHaveLength(1)
  t.state.backlog = 8 * 1024 * 1024 + 1
  events.emit('event', { type: 'communities-changed' })
  expect(t.sent).toHaveLength(1)
  expect(t.state.aborted).toBe(true)
})

/** A raw channel to Ash's engine keeping every reply; `answered` settles once request `lastId` is. */
function served(lastId: number) {
  const [server, client] = memoryTransportPair()
  serveRpc(server, createHandlers(ash.engine), ash.engine)
  const replies: unknown[] = []
  // Events (acks landing) may interleave; only replies matter here.
  client.onMessage((m) => (m as { t?: string }).t === 'res' && replies.push(m))
  const answered = new Promise<void>((resolve) =>
    client.onMessage((m) => (m as { id?: number }).id === lastId && resolve())
  )
  return { client, replies, answered }
}
