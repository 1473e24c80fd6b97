// Profiles saved by Mutual 0.1.0 (commit 46eb2fc), opened by today's engine. The fixture holds two
// profile folders, Ash and Bo, written by that release on a local testnet: one community, "Night owls",
// with posts, replies, reactions, an adopted settings change, availability, a private conversation and
// Ash's support plan shared with Bo. scripts/make-profile-fixture-0.1.0.md says how it was made.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { Lab, agree, feedIds, hasPost, moveToVersion, until, postSeen } from './support/peers.js'
import type { Peer } from './support/peers.js'
import type { Post } from '../core/domain/types.js'

const FIXTURE = fileURLToPath(new URL('./fixtures/profiles-0.1.0.tar.gz', import.meta.url))

// What 0.1.0 wrote, as its own engine read it back before packing.
const PLAN = {
  helps: 'A walk, tea, someone to sit with',
  doesNotHelp: 'Being told to cheer up',
  contacts: 'My sister Dee',
  notInvolve: 'My old workplace',
  fromSupporters: 'Check in once the next morning'
}
const NO_REACTIONS = { 'me-too': 0, 'hear-you': 0, thanks: 0 }

const lab = new Lab()
let ash: Peer, bo: Peer
let id: string, ashId: string, boId: string
const opened: Peer[] = []

beforeAll(async () => {
  await lab.start()
  const root = await lab.dir()
  // The tarball carries no CORESTORE device file: that file pins a store to the inode it was made on,
  // so no copy can carry it. Opening writes a fresh one, as for any store without it.
  await promisify(execFile)('tar', ['-xzf', FIXTURE, '-C', root])
  ;[ash, bo] = await Promise.all([
    lab.peer({ storage: join(root, 'ash') }),
    lab.peer({ storage: join(root, 'bo') })
  ])
  opened.push(ash, bo)
  const [summary] = await ash.rpc.call('communities.list', {})
  id = summary!.id
  ashId = ash.engine.get(id).me
  boId = bo.engine.get(id).me
})
afterAll(async () => {
  // Nothing an old profile holds makes today's engine complain on the side.
  for (const peer of opened) expect(peer.events.filter((e) => e.type === 'engine-error')).toEqual([])
  await lab.stop()
})

const byText = (posts: Post[]) => Object.fromEntries(posts.map((p) => [p.text, p]))

test('migration: both 0.1.0 profiles open with their community, members, agreements and adopted setting', async () => {
  for (const [peer, myName, unread] of [
    [ash, 'Ash', 0],
    [bo, 'Bo', 3]
  ] as const) {
    expect(await peer.rpc.call('communities.list', {})).toEqual([
      expect.objectContaining({ id, name: 'Night owls', myName, writable: true, memberCount: 2, unread })
    ])
    const members = await peer.rpc.call('members.list', { communityId: id })
    expect(members.map((m) => [m.name, m.id, m.agreed, m.left])).toEqual(
      expect.arrayContaining([
        ['Ash', ashId, true, false],
        ['Bo', boId, true, false]
      ])
    )
    expect(members).toHaveLength(2)
    expect(members.find((m) => m.id === ashId)?.availability).toEqual({
      kind: 'open',
      note: 'evenings',
      limit: 2
    })

    const governance = await peer.rpc.call('governance.get', { communityId: id })
    expect(governance).toMatchObject({
      agreements: { version: 1, proposalId: null },
      myAgreedVersion: 1,
      settings: { defaultReplyMode: 'listen', consent: 'majority' },
      currentMembers: 2,
      openProposals: 0,
      removed: null,
      // Founded before op versions: it keeps the rules it was founded under until it moves by consent.
      version: 2
    })
    expect(governance.agreements.text).toMatch(/^We are peers\./)
    const proposals = await peer.rpc.call('proposals.list', { communityId: id })
    expect(proposals).toEqual([
      expect.objectContaining({
        author: 'Ash',
        change: { kind: 'settings', settings: { defaultReplyMode: 'listen' } },
        status: 'adopted'
      })
    ])
  }
  expect(await ash.rpc.call('availability.get', { communityId: id })).toMatchObject({
    mine: { kind: 'open', note: 'evenings', limit: 2 }
  })
})

test('migration: every post, reply and reaction written by 0.1.0 reads the same on both', async () => {
  for (const peer of [ash, bo]) {
    const { posts } = await peer.rpc.call('posts.feed', { communityId: id, topic: 'general', limit: 50 })
    expect(posts.map((p) => [p.author, p.text])).toEqual([
      ['Ash', 'Sleep well when it comes.'],
      ['Bo', 'Rough night. Anyone else up?'],
      ['Ash', 'Welcome to Night owls. Be gentle with each other.']
    ])
    const top = byText(posts)
    expect(top['Rough night. Anyone else up?']).toMatchObject({
      mode: 'listen',
      reactions: { 'me-too': 2, 'hear-you': 1, thanks: 0 },
      replyCount: 2,
      state: 'confirmed'
    })
    expect(top['Welcome to Night owls. Be gentle with each other.']).toMatchObject({
      mode: 'share',
      reactions: { ...NO_REACTIONS, thanks: 1 },
      replyCount: 1
    })
    expect(top['Sleep well when it comes.']).toMatchObject({ mode: 'ideas', reactions: NO_REACTIONS })

    const rough = await peer.rpc.call('posts.thread', {
      communityId: id,
      postId: top['Rough night. Anyone else up?']!.id
    })
    expect(rough.replies.map((r) => [r.author, r.text, r.reactions])).toEqual([
      ['Ash', 'Up here too. You are not alone.', NO_REACTIONS],
      ['Bo', 'Tea and a blanket helped a bit.', { ...NO_REACTIONS, thanks: 1 }]
    ])
    const welcome = await peer.rpc.call('posts.thread', {
      communityId: id,
      postId: top['Welcome to Night owls. Be gentle with each other.']!.id
    })
    expect(welcome.replies.map((r) => [r.author, r.text])).toEqual([['Bo', 'Thank you for having me.']])
  }
  const mine = byText(
    (await ash.rpc.call('posts.feed', { communityId: id, topic: 'general', limit: 50 })).posts
  )
  expect(mine['Rough night. Anyone else up?']?.myReactions.sort()).toEqual(['hear-you', 'me-too'])
  expect(mine['Sleep well when it comes.']?.mine).toBe(true)
})

test("migration: Ash and Bo's private conversation opens on both sides, and Ash's shared support plan reads", async () => {
  const texts = ['answer', 'thank you for coming', 'I am with you', 'plan']
  const [a, b] = await Promise.all([
    ash.rpc.call('conversations.get', { communityId: id, memberId: boId }),
    bo.rpc.call('conversations.get', { communityId: id, memberId: ashId })
  ])
  expect(a.entries.map((e) => (e.kind === 'message' ? e.text : e.kind))).toEqual(texts)
  expect(b.entries.map((e) => (e.kind === 'message' ? e.text : e.kind))).toEqual(texts)
  expect(a.entries.map((e) => e.fromMe)).toEqual([true, false, true, true])
  expect(b.entries.map((e) => e.fromMe)).toEqual([false, true, false, false])
  expect(await ash.rpc.call('conversations.list', { communityId: id })).toEqual([
    expect.objectContaining({ memberId: boId, member: 'Bo', closed: false })
  ])
  expect(await bo.rpc.call('conversations.list', { communityId: id })).toEqual([
    expect.objectContaining({ memberId: ashId, member: 'Ash', closed: false })
  ])

  const plan = await ash.rpc.call('plan.get', {})
  expect(plan.plan).toMatchObject({ ...PLAN, version: 1 })
  expect(plan.shares).toEqual([{ communityId: id, memberId: boId, member: 'Bo' }])
  expect(await bo.rpc.call('plans.sharedWithMe', { communityId: id })).toEqual([
    expect.objectContaining({ memberId: ashId, member: 'Ash', plan: expect.objectContaining(PLAN) })
  ])
})

test('migration: the reopened engines find each other, and what Bo writes now reaches Ash', async () => {
  const fresh = await postSeen(bo, [ash], id, 'Back after the update.')
  expect(await ash.rpc.call('posts.get', { communityId: id, postId: fresh })).toMatchObject({
    author: 'Bo',
    text: 'Back after the update.',
    // The setting adopted under 0.1.0 still decides the default.
    mode: 'listen'
  })
  await postSeen(ash, [bo], id, 'Good to see you.', { replyTo: fresh })
  await bo.rpc.call('conversations.send', { communityId: id, memberId: ashId, text: 'still here' })
  await until([ash, bo], async () => {
    const c = await ash.rpc.call('conversations.get', { communityId: id, memberId: boId })
    return c.entries.some((e) => e.kind === 'message' && e.text === 'still here')
  })
})

test('migration: by consent the old community moves to op version 3, and both go on posting', async () => {
  await moveToVersion(ash, bo, id, 3, 'The newer safeguards')
  const { id: fromAsh } = await ash.rpc.call('posts.create', { communityId: id, text: 'On the newer rules.' })
  const { id: fromBo } = await bo.rpc.call('posts.create', { communityId: id, text: 'Me too.' })
  await until([ash, bo], async () => (await hasPost(bo, id, fromAsh)) && (await hasPost(ash, id, fromBo)))
  // Everything from before the update is still there after the move.
  for (const peer of [ash, bo]) expect(await feedIds(peer, id)).toHaveLength(6)
})

test('migration: a newcomer joins the old community with a new invite, and a migrated profile opens again', async () => {
  const cy = await lab.peer()
  opened.push(cy)
  const { invite } = await ash.rpc.call('invites.create', { communityId: id })
  expect(await cy.rpc.call('communities.join', { invite, displayName: 'Cy' })).toEqual({
    id,
    nameTaken: false
  })
  await agree(cy, id)
  const { id: hello } = await cy.rpc.call('posts.create', { communityId: id, text: 'Hello, owls.' })
  await until([ash, bo, cy], async () => (await hasPost(ash, id, hello)) && (await hasPost(bo, id, hello)))
  // Cy holds the history written under 0.1.0 too.
  expect(await feedIds(cy, id)).toEqual(await feedIds(ash, id))

  const dir = bo.dir
  await lab.closePeer(bo)
  bo = await lab.peer({ storage: dir })
  opened.push(bo)
  expect(await bo.rpc.call('communities.list', {})).toEqual([
    expect.objectContaining({ id, name: 'Night owls', myName: 'Bo', writable: true })
  ])
  expect((await bo.rpc.call('governance.get', { communityId: id })).version).toBe(3)
  const { id: again } = await bo.rpc.call('posts.create', { communityId: id, text: 'Once more.' })
  await until([ash, bo, cy], async () => (await hasPost(ash, id, again)) && (await hasPost(cy, id, again)))
})

test('migration: the old community then moves to op version 4; posts from 0.1.0 and from 3 stay readable and editable beside the lean ones', async () => {
  await moveToVersion(bo, ash, id, 4, 'Lighter on disk')
  const peers = [ash, bo]
  const before = await feedIds(ash, id)
  const oldest = before[before.length - 1]!
  const { id: lean } = await ash.rpc.call('posts.create', { communityId: id, text: 'Kept once now.' })
  const { id: reply } = await bo.rpc.call('posts.create', {
    communityId: id,
    text: 'A lean reply to a post from 0.1.0.',
    replyTo: oldest
  })
  await until(peers, async () => (await hasPost(ash, id, reply)) && (await hasPost(bo, id, lean)))
  for (const peer of peers) {
    expect(await feedIds(peer, id)).toEqual([lean, ...before])
    const thread = await peer.rpc.call('posts.thread', { communityId: id, postId: oldest })
    expect(thread.replies.map((r) => r.id)).toContain(reply)
    expect(thread.root.replyCount).toBe(thread.replies.length)
  }
})
