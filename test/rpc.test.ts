import { afterAll, beforeAll, expect, test } from 'vitest'
import { Lab } from './support/peers.js'
import type { Peer } from './support/peers.js'
import { memoryTransportPair } from '../core/rpc/memory.js'
import { serveRpc } from '../core/rpc/server.js'

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

test('rpc: malformed envelopes are answered when they carry an id and never stop the server', async () => {
  const [server, client] = memoryTransportPair()
  serveRpc(server, ash.engine.handlers, ash.engine)
  const replies: unknown[] = []
  // Events (acks landing) may interleave; only replies matter here.
  client.onMessage((m) => (m as { t?: string }).t === 'res' && replies.push(m))
  const answered = new Promise<void>((resolve) =>
    client.onMessage((m) => (m as { id?: number }).id === 9 && resolve())
  )
  client.send('garbage')
  client.send({ t: 'req' })
  client.send({ id: 7, method: 42 })
  client.send({ t: 'req', id: 9, method: 'communities.list', params: {} })
  await answered
  expect(replies).toEqual([
    { t: 'res', id: 7, ok: false, error: { code: 'bad-request', message: 'not a valid request' } },
    { t: 'res', id: 9, ok: true, result: [expect.objectContaining({ id, name: 'Night owls' })] }
  ])
  client.close()
})
