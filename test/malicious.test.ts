import { afterAll, beforeAll, expect, test } from 'vitest'
import { Lab, until, community, hasPost, sameView, postSeen } from './support/peers.js'
import type { Peer } from './support/peers.js'

const lab = new Lab()
beforeAll(() => lab.start())
afterAll(() => lab.stop())

/** Appends raw bytes to a member's own writer, bypassing every check the RPC makes. */
async function appendRaw(peer: Peer, communityId: string, value: unknown): Promise<void> {
  const bytes = typeof value === 'string' ? Buffer.from(value) : Buffer.from(JSON.stringify(value))
  await peer.engine.get(communityId).base.append(bytes)
}

test('log: malformed, oversized, forged and unauthorized ops are skipped the same way on every peer', async () => {
  const [ash, bo, mal] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
  const id = await community(ash, [bo, mal])
  const target = await postSeen(ash, [mal], id, 'My own words.')
  const before = await ash.rpc.call('posts.get', { communityId: id, postId: target })
  const ashKey = before.authorId

  const bad: unknown[] = [
    '{not json',
    '\u0000\u0001binary',
    { type: 'post/create' },
    { v: 1, type: 'no/such-op' },
    {
      v: 1,
      type: 'post/edit',
      id: target,
      text: 'rewritten by someone else',
      mode: 'share',
      note: null,
      at: 1
    },
    { v: 1, type: 'post/delete', id: target },
    {
      v: 1,
      type: 'post/create',
      id: 'aaaaaaaaaaaaaaaa',
      topic: 'general',
      replyTo: null,
      mode: 'share',
      note: null,
      text: 'x'.repeat(20_001),
      at: 1
    },
    {
      v: 1,
      type: 'post/create',
      id: 'bbbbbbbbbbbbbbbb',
      topic: 'general',
      replyTo: null,
      mode: 'share',
      note: null,
      text: 'I am Ash',
      at: 1,
      author: ashKey
    },
    {
      v: 1,
      type: 'post/create',
      id: target,
      topic: 'general',
      replyTo: null,
      mode: 'share',
      note: null,
      text: 'same id as Ash',
      at: 1
    },
    { v: 1, type: 'profile/set', displayName: 'x'.repeat(61), color: null },
    { v: 1, type: 'community/init', name: 'Taken over', displayName: 'Boss' },
    { v: 1, type: 'member/admit', inviteId: 'ab'.repeat(32), writerKey: 'cd'.repeat(32), at: 1 },
    { v: 1, type: 'invite/revoke', inviteId: 'ab'.repeat(32) },
    { v: 1, type: 'reaction/add', postId: 'cccccccccccccccc', kind: 'me-too' },
    { v: 1, type: 'reaction/add', postId: target, kind: 'applause' },
    { v: 0, type: 'post/delete', id: target },
    { v: 1.5, type: 'post/delete', id: target },
    []
  ]
  for (const op of bad) await appendRaw(mal, id, op)
  // A last, valid op from the same writer proves the bad ones were read and passed over.
  const { id: marker } = await mal.rpc.call('posts.create', { communityId: id, text: 'Still here.' })

  const peers = [ash, bo, mal]
  await until(peers, async () => (await Promise.all(peers.map((p) => hasPost(p, id, marker)))).every(Boolean))
  await sameView(peers, id)

  for (const peer of peers) {
    expect(await peer.rpc.call('posts.get', { communityId: id, postId: target })).toMatchObject({
      text: 'My own words.',
      author: 'Ash',
      deleted: false,
      editedAt: null,
      reactions: { 'me-too': 0, 'hear-you': 0, thanks: 0 }
    })
    const feed = await peer.rpc.call('posts.feed', { communityId: id })
    expect(feed.posts.map((p) => p.text).sort()).toEqual(['My own words.', 'Still here.'])
    const members = await peer.rpc.call('members.list', { communityId: id })
    expect(members.map((m) => m.name)).toEqual(['Ash', 'Member 1', 'Member 2'])
    const [status] = await peer.rpc.call('sync.status', { communityId: id })
    expect(status).toMatchObject({ name: 'Night owls', updateNeeded: false, knownMembers: 3 })
  }
})
