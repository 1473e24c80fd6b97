// An always-on member: a member's own daemon on a home machine, linked as one
// of their devices (docs/always-on.md). While the member's laptop is closed it
// keeps the community reachable: what is written while two members are never
// online together reaches each of them through it. Real engines on a local
// testnet; going offline is the engine's own switch, the one the app offers.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { Lab, community, hasPost, link, until } from './support/peers.js'
import type { Peer } from './support/peers.js'

const lab = new Lab()
beforeAll(() => lab.start())
afterAll(() => lab.stop())

const myId = async (peer: Peer, communityId: string): Promise<string> =>
  (await peer.rpc.call('members.list', { communityId })).find((m) => m.isMe)!.id

/** The messages of a private conversation, as `peer` reads it. */
async function lines(peer: Peer, communityId: string, memberId: string): Promise<string[]> {
  const conversation = await peer.rpc.call('conversations.get', { communityId, memberId }).catch(() => null)
  return (conversation?.entries ?? []).flatMap((e) => (e.kind === 'message' ? [e.text] : []))
}

/** Whether `peer` holds every one of `posts`, and `line` in its conversation with `memberId`. */
async function holdsAll(
  peer: Peer,
  communityId: string,
  posts: string[],
  memberId: string,
  line: string
): Promise<boolean> {
  const held = await Promise.all(posts.map((postId) => hasPost(peer, communityId, postId)))
  return held.every(Boolean) && (await lines(peer, communityId, memberId)).includes(line)
}

/** Ash's laptop founds a community with Bo and links Ash's home device; `newcomer` is an engine of no community. */
async function ashWithHome(): Promise<{ id: string; laptop: Peer; bo: Peer; home: Peer; newcomer: Peer }> {
  const [laptop, bo, home, newcomer] = await Promise.all([lab.peer(), lab.peer(), lab.peer(), lab.peer()])
  const id = await community(laptop, [bo])
  await link(laptop, home, 'home server')
  return { id, laptop, bo, home, newcomer }
}

test('always-on: a home device linked to a member carries posts and private lines between members who are never online together', async () => {
  const { id, laptop, bo, home } = await ashWithHome()
  const [ashId, boId] = [await myId(laptop, id), await myId(bo, id)]

  // Bo would like to talk, and Ash answers from the laptop: a private conversation between them.
  const { id: reachId } = await bo.rpc.call('reachouts.create', { communityId: id, context: 'a long week' })
  await until([laptop], async () =>
    (await laptop.rpc.call('reachouts.list', { communityId: id })).some((r) => r.id === reachId)
  )
  await laptop.rpc.call('reachouts.answer', { communityId: id, reachId: reachId! })
  await until([bo], async () => (await bo.rpc.call('conversations.list', { communityId: id })).length > 0)

  // Bo goes away. Ash writes on the laptop, the home device takes it in, and the laptop closes too.
  await bo.rpc.call('network.setOnline', { online: false })
  const posts: string[] = []
  for (let i = 0; i < 20; i++) {
    posts.push((await laptop.rpc.call('posts.create', { communityId: id, text: `Tonight, ${i}` })).id)
  }
  await laptop.rpc.call('conversations.send', { communityId: id, memberId: boId, text: 'I am here for you' })
  await until([home], () => holdsAll(home, id, posts, boId, 'I am here for you'))
  await laptop.rpc.call('network.setOnline', { online: false })

  // Bo comes back while only the home device is online, and gets all of it from there.
  await bo.rpc.call('network.setOnline', { online: true })
  await until([bo], () => holdsAll(bo, id, posts, ashId, 'I am here for you'))
  expect(laptop.engine.get(id).online).toBe(false)

  // The other way: Bo answers and goes away again; Ash's laptop, back later, hears it from home alone.
  await bo.rpc.call('conversations.send', { communityId: id, memberId: ashId, text: 'Thank you. Tomorrow?' })
  const { id: boPost } = await bo.rpc.call('posts.create', { communityId: id, text: 'A better day' })
  await until([home], () => holdsAll(home, id, [boPost], boId, 'Thank you. Tomorrow?'))
  await bo.rpc.call('network.setOnline', { online: false })
  await laptop.rpc.call('network.setOnline', { online: true })
  await until([laptop], () => holdsAll(laptop, id, [boPost], boId, 'Thank you. Tomorrow?'))
  expect(bo.engine.get(id).online).toBe(false)
})

/** Waits until `peer` holds the invite `inviteId`, withdrawn or not as `revoked` says. */
const holdsInvite = (peer: Peer, communityId: string, inviteId: string, revoked: boolean) =>
  until([peer], async () =>
    (await peer.rpc.call('invites.list', { communityId })).some(
      (i) => i.id === inviteId && i.revoked === revoked
    )
  )

test('always-on: with every other device of the community closed, the home device lets in someone with an invite made on the laptop', async () => {
  const { id, laptop, bo, home, newcomer: dee } = await ashWithHome()
  const { id: postId } = await laptop.rpc.call('posts.create', {
    communityId: id,
    text: 'Welcome, whoever comes'
  })
  const { invite, id: inviteId } = await laptop.rpc.call('invites.create', { communityId: id })
  await holdsInvite(home, id, inviteId, false)
  await until([home], () => hasPost(home, id, postId))
  await laptop.rpc.call('network.setOnline', { online: false })
  await bo.rpc.call('network.setOnline', { online: false })

  const joined = await dee.rpc.call('communities.join', { invite, displayName: 'Dee' })
  expect(joined.id).toBe(id)
  await until([dee], () => hasPost(dee, id, postId))
})

test('always-on: an invite withdrawn on the laptop is refused by the home device once the laptop is closed', async () => {
  const { id, laptop, bo, home, newcomer: eve } = await ashWithHome()
  const { invite, id: inviteId } = await laptop.rpc.call('invites.create', { communityId: id })
  await laptop.rpc.call('invites.revoke', { communityId: id, inviteId })
  await holdsInvite(home, id, inviteId, true)
  await laptop.rpc.call('network.setOnline', { online: false })
  await bo.rpc.call('network.setOnline', { online: false })

  await expect(eve.rpc.call('communities.join', { invite, displayName: 'Eve' })).rejects.toMatchObject({
    code: 'invite-revoked'
  })
  expect(await eve.rpc.call('communities.list', {})).toEqual([])
})
