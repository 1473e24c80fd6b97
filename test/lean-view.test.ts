// Op version 4 keeps each post once in the view (core/view/posts.ts). A
// community still at 3 keeps writing the old layout until it moves up by
// consent; after the move its older posts live on where they are.
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  Lab,
  community,
  feedIds,
  hasPost,
  moveToVersion,
  until,
  viewDump,
  postSeen
} from './support/peers.js'
import type { Peer } from './support/peers.js'

const lab = new Lab()
beforeAll(() => lab.start())
afterAll(() => lab.stop())

/** View blocks one top-level post adds on `peer`, once it is applied. */
async function blocksPerPost(peer: Peer, id: string): Promise<number> {
  const base = peer.engine.get(id).base
  await base.update()
  const before = base.view.core.length
  await postSeen(peer, [peer], id, 'One more.')
  return base.view.core.length - before
}

const sameViews = (peers: Peer[], id: string) =>
  until(peers, async () => {
    const dumps = await Promise.all(peers.map((p) => viewDump(p, id)))
    return dumps.every((d) => d === dumps[0]) ? dumps[0]! : false
  })

test('view: a post at op version 4 writes each record once, fewer blocks than at 3', async () => {
  const [lean, legacy] = await Promise.all([lab.peer(), lab.peer({ foundAtVersion: 3 })])
  const leanId = await community(lean, [])
  const legacyId = await community(legacy, [])
  const leanBlocks = await blocksPerPost(lean, leanId)
  const legacyBlocks = await blocksPerPost(legacy, legacyId)
  expect(legacyBlocks).toBe(8)
  expect(leanBlocks).toBeLessThanOrEqual(6)
  // The lean layout has no second copy of a post, and no authored index.
  expect(await viewDump(lean, leanId)).not.toContain('authored/')
  expect(await viewDump(legacy, legacyId)).toContain('authored/')
})

test('view: a community moves from 3 to 4 by consent; its older posts stay readable, editable and reactable beside the new ones', async () => {
  const [ash, bo] = await Promise.all([lab.peer({ foundAtVersion: 3 }), lab.peer()])
  const id = await community(ash, [bo])
  const old = await postSeen(ash, [bo], id, 'Written on 3.')
  const oldReply = await postSeen(bo, [ash], id, 'A reply on 3.', { replyTo: old })
  await moveToVersion(ash, bo, id, 4, 'Lighter on disk')

  const fresh = await postSeen(bo, [ash], id, 'Written on 4.')
  const { id: newReply } = await ash.rpc.call('posts.create', {
    communityId: id,
    text: 'A reply on 4, to a post from 3.',
    replyTo: old
  })
  const { id: gone } = await ash.rpc.call('posts.create', { communityId: id, text: 'Soon deleted.' })
  await ash.rpc.call('posts.edit', { communityId: id, postId: old, text: 'Written on 3, edited on 4.' })
  await until([bo], () => hasPost(bo, id, gone))
  await bo.rpc.call('reactions.add', { communityId: id, postId: old, kind: 'me-too' })
  await bo.rpc.call('reactions.add', { communityId: id, postId: fresh, kind: 'thanks' })
  await ash.rpc.call('posts.delete', { communityId: id, postId: gone })
  const { id: last } = await bo.rpc.call('posts.create', { communityId: id, text: 'Last one.' })
  await until([ash, bo], async () => (await hasPost(ash, id, last)) && (await hasPost(bo, id, newReply)))
  await sameViews([ash, bo], id)

  for (const peer of [ash, bo]) {
    expect(await feedIds(peer, id)).toEqual([last, fresh, old])
    const thread = await peer.rpc.call('posts.thread', { communityId: id, postId: old })
    expect(thread.root).toMatchObject({ text: 'Written on 3, edited on 4.', replyCount: 2 })
    expect(thread.root.reactions['me-too']).toBe(1)
    expect(thread.replies.map((r) => r.id)).toEqual([oldReply, newReply])
    expect(await peer.rpc.call('posts.get', { communityId: id, postId: fresh })).toMatchObject({
      text: 'Written on 4.',
      reactions: { thanks: 1 }
    })
    expect(await peer.rpc.call('posts.get', { communityId: id, postId: gone })).toMatchObject({
      deleted: true,
      text: ''
    })
  }
  // Ash's own live posts: one from 3 (its authored index), one reply from 4 (its count).
  const [status] = await until([ash], async () => {
    const s = await ash.rpc.call('sync.status', { communityId: id })
    const p = s[0]!.posts
    return p.local + p.replicated + p.confirmed === 2 ? s : false
  })
  expect(status!.posts.local).toBe(0)
})

test('view: a lean community counts my posts as they become confirmed, deleted ones not at all', async () => {
  const [ash, bo] = await Promise.all([lab.peer(), lab.peer()])
  const id = await community(ash, [bo])
  const ids: string[] = []
  for (const text of ['one', 'two', 'three'])
    ids.push((await ash.rpc.call('posts.create', { communityId: id, text })).id)
  await ash.rpc.call('posts.delete', { communityId: id, postId: ids[1]! })
  await until([ash, bo], async () => {
    const [s] = await ash.rpc.call('sync.status', { communityId: id })
    return s!.posts.confirmed === 2 && s!.posts.local === 0 && s!.posts.replicated === 0
  })
})
