import { afterAll, beforeAll, expect, test } from 'vitest'
import { Lab, until, community, postSeen } from './support/peers.js'
import type { Peer } from './support/peers.js'
import type { Notice } from '../core/domain/types.js'

const lab = new Lab()
let ash: Peer, bo: Peer, id: string
beforeAll(async () => {
  await lab.start()
  ;[ash, bo] = await Promise.all([lab.peer(), lab.peer()])
  id = await community(ash, [bo])
})
afterAll(() => lab.stop())

const noticesOf = (peer: Peer): Notice[] =>
  peer.events.flatMap((e) => (e.type === 'notice' ? [e.notice] : []))

test('notices: a reply to my post and a mention of my name reach me; my own posts never do', async () => {
  const mine = await postSeen(ash, [bo], id, 'First week without it.')
  const { id: reply } = await bo.rpc.call('posts.create', {
    communityId: id,
    text: 'Proud of you.',
    replyTo: mine
  })
  const { id: mention } = await bo.rpc.call('posts.create', {
    communityId: id,
    text: 'Thinking of @Ash today.'
  })
  await bo.rpc.call('posts.create', { communityId: id, text: 'Just a thought for everyone.' })

  const notices = await until([ash, bo], async () => (noticesOf(ash).length >= 2 ? noticesOf(ash) : false))
  expect(notices).toEqual([
    expect.objectContaining({
      kind: 'reply',
      postId: reply,
      root: mine,
      author: 'Member 1',
      communityName: 'Night owls'
    }),
    expect.objectContaining({
      kind: 'mention',
      postId: mention,
      root: mention,
      excerpt: 'Thinking of @Ash today.'
    })
  ])
  expect(noticesOf(bo)).toEqual([])
})

test('notices: unread counts what others wrote since I last read, and muting a community silences it', async () => {
  const before = await until([ash, bo], async () => {
    const [summary] = await ash.rpc.call('communities.list', {})
    return summary && summary.unread >= 3 ? summary : false
  })
  await ash.rpc.call('communities.markRead', { communityId: id, seq: before.latestSeq })
  expect((await ash.rpc.call('communities.list', {}))[0]).toMatchObject({ unread: 0, notifications: true })

  await ash.rpc.call('communities.setNotifications', { communityId: id, enabled: false })
  const heard = noticesOf(ash).length
  await postSeen(bo, [ash], id, '@Ash are you around?')
  await until([ash], async () => (await ash.rpc.call('communities.list', {}))[0]!.unread === 1)
  expect(noticesOf(ash)).toHaveLength(heard)
  expect((await ash.rpc.call('communities.list', {}))[0]).toMatchObject({ unread: 1, notifications: false })
})
