import { afterAll, beforeAll, expect, test } from 'vitest'
import { Lab, until, community, hasPost, postSeen } from './support/peers.js'
import type { Peer } from './support/peers.js'
import Corestore from 'corestore'

const lab = new Lab()
beforeAll(() => lab.start())
afterAll(() => lab.stop())

test('restart: communities, posts, profiles and writability persist, and the engine rejoins its swarm by itself', async () => {
  const ash = await lab.peer()
  let bo: Peer = await lab.peer()
  const id = await community(ash, [bo])
  const { id: postId } = await bo.rpc.call('posts.create', {
    communityId: id,
    text: 'Before the restart.',
    mode: 'ideas'
  })
  await bo.rpc.call('profile.set', { communityId: id, displayName: 'Bo', color: '#3a7bd5' })
  await until([ash, bo], () => hasPost(ash, id, postId))

  const dir = bo.dir
  await lab.closePeer(bo)
  // Opening a closed engine's folder again is how the app starts each day.
  bo = await lab.peer({ storage: dir })

  expect(await bo.rpc.call('communities.list', {})).toEqual([
    expect.objectContaining({ id, name: 'Night owls', myName: 'Bo', writable: true, memberCount: 2 })
  ])
  const mine = await bo.rpc.call('posts.get', { communityId: id, postId })
  expect(mine).toMatchObject({ text: 'Before the restart.', mode: 'ideas', author: 'Bo', mine: true })
  const members = await bo.rpc.call('members.list', { communityId: id })
  expect(members.find((m) => m.isMe)).toMatchObject({ name: 'Bo', color: '#3a7bd5' })

  const fresh = await postSeen(ash, [bo], id, 'Welcome back.')
  await postSeen(bo, [ash], id, 'Thanks!', { replyTo: fresh })
})

test('restart: a member whose view is known here but not fetched yet (stopped mid-join) opens, is let in and fetches it', async () => {
  const ash = await lab.peer()
  let bo: Peer = await lab.peer()
  const id = await community(ash, [bo])
  const postId = await postSeen(ash, [bo], id, 'Before.')
  const held = bo.engine.get(id)
  // Signed throughout, so every block of the view is in the core cleared below.
  await until([ash, bo], async () => held.base.view.core.signedLength === held.base.view.core.length)
  const viewKey = held.base.view.core.key
  const folder = held.dir
  const dir = bo.dir
  await lab.closePeer(bo)
  // As for a newcomer stopped after learning the view's length and before fetching its blocks.
  const store = new Corestore(folder)
  const view = store.get({ key: viewKey })
  await view.ready()
  await view.clear(0, view.length)
  expect(await view.has(0)).toBe(false)
  await store.close()

  // Opening reads nothing it would have to wait for; the allow-list then lets Ash in, who holds the key Bo holds.
  bo = await lab.peer({ storage: dir })
  expect(await bo.rpc.call('communities.list', {})).toEqual([expect.objectContaining({ id })])
  await until([ash, bo], () => hasPost(bo, id, postId), 20_000)
})

test('restart: a second engine on the same profile folder fails at once with a clear message', async () => {
  const first = await lab.peer()
  const { Mutual } = await import('../core/mutual.js')
  const second = new Mutual({ storage: first.dir, bootstrap: lab.bootstrap })
  await expect(second.ready()).rejects.toMatchObject({ code: 'storage-locked' })
  await second.close()
})
