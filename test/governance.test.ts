// Self-governance is decided in apply, so every peer must reach the same
// decision from the same log. These specs drive real engines over a local
// testnet and compare whole views, not just one peer's answer.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { Lab, agree, community, hasPost, until, viewDump, postSeen } from './support/peers.js'
import type { Peer } from './support/peers.js'

const lab = new Lab()
beforeAll(() => lab.start())
afterAll(() => lab.stop())

async function identical(peers: Peer[], id: string): Promise<string> {
  return until(peers, async () => {
    const dumps = await Promise.all(peers.map((p) => viewDump(p, id)))
    return dumps.every((d) => d === dumps[0]) ? (dumps[0] ?? '') : false
  })
}

const agreementsOf = (p: Peer, id: string) => p.rpc.call('governance.get', { communityId: id })
const proposalOn = (p: Peer, id: string, proposalId: string) =>
  p.rpc.call('proposals.get', { communityId: id, proposalId }).catch(() => null)

/** Waits until `peer` holds the proposal in the given state. */
async function proposalReaches(peer: Peer, id: string, proposalId: string, status: string) {
  return until([peer], async () => {
    const p = await proposalOn(peer, id, proposalId)
    return p && p.status === status ? p : false
  })
}

describe('a circle of three', () => {
  let ash: Peer, bo: Peer, cy: Peer
  let id: string

  beforeAll(async () => {
    ;[ash, bo, cy] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
    id = await community(ash, [bo, cy])
  })

  test('agreements: a newcomer holds the founding agreements, cannot post before saying "I agree", and agreeing is logged', async () => {
    const { invite } = await ash.rpc.call('invites.create', { communityId: id })
    const dee = await lab.peer()
    await dee.rpc.call('communities.join', { invite, displayName: 'Dee' })
    const state = await agreementsOf(dee, id)
    expect(state.agreements.version).toBe(1)
    expect(state.agreements.text).toMatch(/Speak from your own experience/)
    expect(state.agreements.confidentiality).toMatch(/cannot take it back/)
    expect(state.myAgreedVersion).toBeNull()
    await expect(dee.rpc.call('posts.create', { communityId: id, text: 'Hello?' })).rejects.toMatchObject({
      code: 'agreements-first'
    })
    await agree(dee, id)
    expect((await agreementsOf(dee, id)).myAgreedVersion).toBe(1)
    const { id: postId } = await dee.rpc.call('posts.create', { communityId: id, text: 'Glad to be here.' })
    await until([ash], () => hasPost(ash, id, postId))
    const log = await ash.rpc.call('moderation.log', { communityId: id, limit: 50 })
    expect(log.entries.filter((e) => e.kind === 'agreed').map((e) => e.actor)).toContain('Dee')
    await dee.rpc.call('communities.leave', { communityId: id })
    await until([ash], async () => (await agreementsOf(ash, id)).currentMembers === 3)
  })

  test('consent: a proposal is adopted once enough members consent and none objects, and every peer holds the new text and its history', async () => {
    const text = 'We listen first.\n\nWe speak from our own experience.'
    const { id: proposalId } = await ash.rpc.call('proposals.create', {
      communityId: id,
      change: { kind: 'agreements', text },
      reason: 'Shorter words are easier for newcomers.'
    })
    const open = await until([bo], () => proposalOn(bo, id, proposalId).then((p) => p ?? false))
    // Three members: a majority is two, and proposing counts as consenting.
    expect(open).toMatchObject({ status: 'open', consents: 1, required: 2, objections: 0 })
    await bo.rpc.call('proposals.respond', { communityId: id, proposalId, stance: 'consent' })
    for (const peer of [ash, bo, cy]) await proposalReaches(peer, id, proposalId, 'adopted')
    const state = await agreementsOf(cy, id)
    expect(state.agreements).toMatchObject({ version: 2, text, proposalId })
    // Members who agreed before stay members; the change is theirs to read.
    expect(state.myAgreedVersion).toBe(1)
    const history = await cy.rpc.call('agreements.history', { communityId: id })
    expect(history.map((a) => a.version)).toEqual([1, 2])
    await identical([ash, bo, cy], id)
  })

  test('consent: a standing objection blocks adoption until the objector withdraws it', async () => {
    const { id: proposalId } = await bo.rpc.call('proposals.create', {
      communityId: id,
      change: { kind: 'settings', settings: { defaultReplyMode: 'listen' } },
      reason: 'Most of us come here to be heard.'
    })
    await until([cy], () => proposalOn(cy, id, proposalId).then((p) => p ?? false))
    await expect(
      cy.rpc.call('proposals.respond', { communityId: id, proposalId, stance: 'object' })
    ).rejects.toMatchObject({ code: 'bad-request' })
    await cy.rpc.call('proposals.respond', {
      communityId: id,
      proposalId,
      stance: 'object',
      note: 'Some of us want ideas by default.'
    })
    // Ash responds having seen the objection: concurrent responses are decided in log order.
    await until([ash], async () => (await proposalOn(ash, id, proposalId))?.objections === 1)
    await ash.rpc.call('proposals.respond', {
      communityId: id,
      proposalId,
      stance: 'concern',
      note: 'Fine, if we can change it back.'
    })
    await identical([ash, bo, cy], id)
    const blocked = await proposalOn(ash, id, proposalId)
    expect(blocked).toMatchObject({ status: 'open', consents: 2, objections: 1 })
    expect(blocked?.responses.find((r) => r.stance === 'object')?.note).toBe(
      'Some of us want ideas by default.'
    )

    await cy.rpc.call('proposals.withdrawResponse', { communityId: id, proposalId })
    for (const peer of [ash, bo, cy]) await proposalReaches(peer, id, proposalId, 'adopted')
    expect((await agreementsOf(ash, id)).settings.defaultReplyMode).toBe('listen')
    const { id: postId } = await cy.rpc.call('posts.create', { communityId: id, text: 'Long day.' })
    expect((await cy.rpc.call('posts.get', { communityId: id, postId })).mode).toBe('listen')
  })

  test('consent: revising asks everyone afresh, and a response to the old words does not count', async () => {
    const { id: proposalId } = await cy.rpc.call('proposals.create', {
      communityId: id,
      change: { kind: 'confidentiality', text: 'What is said here stays here.' },
      reason: 'Plainer.'
    })
    await until([ash], () => proposalOn(ash, id, proposalId).then((p) => p ?? false))
    await cy.rpc.call('proposals.revise', {
      communityId: id,
      proposalId,
      change: { kind: 'confidentiality', text: 'What is said here stays here, with the limits below.' },
      reason: 'Keep the honest limits.'
    })
    await until([ash], async () => (await proposalOn(ash, id, proposalId))?.revision === 2)
    // A response written for revision 1, as a peer that had not yet seen the revision would.
    await ash.engine.get(id).append({
      type: 'proposal/respond',
      id: proposalId,
      revision: 1,
      stance: 'consent',
      note: null,
      at: 1
    })
    await identical([ash, bo, cy], id)
    expect(await proposalOn(bo, id, proposalId)).toMatchObject({ status: 'open', revision: 2, consents: 1 })
    await ash.rpc.call('proposals.respond', { communityId: id, proposalId, stance: 'consent' })
    await proposalReaches(bo, id, proposalId, 'adopted')
    expect((await agreementsOf(bo, id)).agreements.confidentiality).toBe(
      'What is said here stays here, with the limits below.'
    )
  })

  test('consent: a text change drafted on older agreements is outdated rather than undoing the newer change', async () => {
    const a = await ash.rpc.call('proposals.create', {
      communityId: id,
      change: { kind: 'agreements', text: 'Version from Ash.' },
      reason: 'One way.'
    })
    const b = await bo.rpc.call('proposals.create', {
      communityId: id,
      change: { kind: 'agreements', text: 'Version from Bo.' },
      reason: 'Another way.'
    })
    await until(
      [cy],
      async () => (await proposalOn(cy, id, a.id)) !== null && (await proposalOn(cy, id, b.id)) !== null
    )
    await cy.rpc.call('proposals.respond', { communityId: id, proposalId: a.id, stance: 'consent' })
    await proposalReaches(cy, id, a.id, 'adopted')
    await until([cy], async () => (await proposalOn(cy, id, b.id))?.stale === true)
    await cy.rpc.call('proposals.respond', { communityId: id, proposalId: b.id, stance: 'consent' })
    await proposalReaches(cy, id, b.id, 'outdated')
    expect((await agreementsOf(ash, id)).agreements.text).toBe('Version from Ash.')
    await identical([ash, bo, cy], id)
  })

  test('flags: two members flag a post, it collapses for everyone with reasons; a withdrawn flag opens it; the author asks for a review and it is restored', async () => {
    const { id: postId } = await cy.rpc.call('posts.create', {
      communityId: id,
      text: 'You should all just try harder.'
    })
    await until([ash, bo], async () => (await hasPost(ash, id, postId)) && hasPost(bo, id, postId))
    await expect(cy.rpc.call('flags.add', { communityId: id, postId, reason: 'mine' })).rejects.toMatchObject(
      { code: 'not-allowed' }
    )
    await ash.rpc.call('flags.add', { communityId: id, postId, reason: 'Advice nobody asked for.' })
    await bo.rpc.call('flags.add', { communityId: id, postId, reason: 'Feels like blame.' })
    const collapsed = await until([cy], async () => {
      const p = await cy.rpc.call('posts.get', { communityId: id, postId })
      return p.collapsed ? p : false
    })
    expect(collapsed.flags.map((f) => f.reason).sort()).toEqual([
      'Advice nobody asked for.',
      'Feels like blame.'
    ])
    expect(collapsed.text).toBe('You should all just try harder.') // collapsed, not erased: anyone can open it
    // The author is told, with the reasons.
    const told = await until([cy], async () => {
      const found = cy.events.find((e) => e.type === 'notice' && e.notice.kind === 'collapsed')
      return found?.type === 'notice' ? found.notice : false
    })
    expect(told).toMatchObject({ postId, excerpt: expect.stringContaining('Feels like blame.') })

    await bo.rpc.call('flags.remove', { communityId: id, postId })
    await until([cy], async () => !(await cy.rpc.call('posts.get', { communityId: id, postId })).collapsed)
    await bo.rpc.call('flags.add', { communityId: id, postId, reason: 'Still feels like blame.' })
    await until([cy], async () => (await cy.rpc.call('posts.get', { communityId: id, postId })).collapsed)

    await expect(
      ash.rpc.call('proposals.create', {
        communityId: id,
        change: { kind: 'review', postId },
        reason: 'not mine'
      })
    ).rejects.toMatchObject({ code: 'not-allowed' })
    const review = await cy.rpc.call('proposals.create', {
      communityId: id,
      change: { kind: 'review', postId },
      reason: 'I meant it as encouragement. Please look again.'
    })
    await until([bo], () => proposalOn(bo, id, review.id).then((p) => p ?? false))
    await bo.rpc.call('proposals.respond', { communityId: id, proposalId: review.id, stance: 'consent' })
    await until([ash], async () => {
      const p = await ash.rpc.call('posts.get', { communityId: id, postId })
      return !p.collapsed && p.flags.length === 0
    })
    const log = await ash.rpc.call('moderation.log', { communityId: id, limit: 100 })
    const kinds = log.entries.filter((e) => e.postId === postId).map((e) => e.kind)
    expect(kinds).toEqual(
      expect.arrayContaining(['flagged', 'collapsed', 'unflagged', 'uncollapsed', 'restored'])
    )
    const flagged = log.entries.find((e) => e.kind === 'flagged' && e.actor === 'Ash')
    expect(flagged).toMatchObject({ reason: 'Advice nobody asked for.', member: 'Member 2' })
    await identical([ash, bo, cy], id)
  })

  test('consent: a settings change sets the thresholds later decisions use', async () => {
    const { id: everyone } = await ash.rpc.call('proposals.create', {
      communityId: id,
      change: { kind: 'settings', settings: { consent: 'everyone', flagsToHide: 1 } },
      reason: 'We are few; let us all agree.'
    })
    await until([bo], () => proposalOn(bo, id, everyone).then((p) => p ?? false))
    await bo.rpc.call('proposals.respond', { communityId: id, proposalId: everyone, stance: 'consent' })
    await proposalReaches(cy, id, everyone, 'adopted')
    expect((await agreementsOf(cy, id)).settings).toMatchObject({ consent: 'everyone', flagsToHide: 1 })

    const { id: next } = await ash.rpc.call('proposals.create', {
      communityId: id,
      change: { kind: 'settings', settings: { invite: 'second-member' } },
      reason: 'Two of us should know each newcomer.'
    })
    await until([bo], () => proposalOn(bo, id, next).then((p) => p ?? false))
    await bo.rpc.call('proposals.respond', { communityId: id, proposalId: next, stance: 'consent' })
    await identical([ash, bo, cy], id)
    expect(await proposalOn(ash, id, next)).toMatchObject({ status: 'open', consents: 2, required: 3 })
    await cy.rpc.call('proposals.respond', { communityId: id, proposalId: next, stance: 'consent' })
    await proposalReaches(ash, id, next, 'adopted')

    // Invites now wait for a second member before anyone can use them.
    const created = await ash.rpc.call('invites.create', { communityId: id })
    expect(created.awaitingSecond).toBe(true)
    await expect(
      ash.rpc.call('invites.second', { communityId: id, inviteId: created.id })
    ).rejects.toMatchObject({ code: 'not-allowed' })
    const eve = await lab.peer()
    const joining = eve.rpc.call('communities.join', { invite: created.invite, displayName: 'Eve' })
    await until([bo], async () => {
      const list = await bo.rpc.call('invites.list', { communityId: id })
      return list.some((i) => i.id === created.id && i.awaitingSecond)
    })
    expect((await ash.rpc.call('members.list', { communityId: id })).some((m) => m.name === 'Eve')).toBe(
      false
    )
    await bo.rpc.call('invites.second', { communityId: id, inviteId: created.id })
    await expect(joining).resolves.toEqual({ id, nameTaken: false })
    await eve.rpc.call('communities.leave', { communityId: id })
  })

  test('personal: mute and hide take effect at once, on this device only, and never enter the log', async () => {
    const { id: postId } = await bo.rpc.call('posts.create', { communityId: id, text: 'Loud day.' })
    await until([ash, cy], async () => (await hasPost(ash, id, postId)) && hasPost(cy, id, postId))
    const before = await viewDump(ash, id)
    const boId = (await bo.rpc.call('posts.get', { communityId: id, postId })).authorId
    await ash.rpc.call('members.mute', { communityId: id, memberId: boId, muted: true })
    await ash.rpc.call('posts.hideForMe', { communityId: id, postId, hidden: true })
    const seen = await ash.rpc.call('posts.get', { communityId: id, postId })
    expect(seen).toMatchObject({ authorMuted: true, hiddenByMe: true })
    expect((await ash.rpc.call('members.list', { communityId: id })).find((m) => m.id === boId)?.muted).toBe(
      true
    )
    expect(await cy.rpc.call('posts.get', { communityId: id, postId })).toMatchObject({
      authorMuted: false,
      hiddenByMe: false
    })
    expect(await viewDump(ash, id)).toBe(before)
    await ash.rpc.call('members.mute', { communityId: id, memberId: boId, muted: false })
    await ash.rpc.call('posts.hideForMe', { communityId: id, postId, hidden: false })
    expect(await ash.rpc.call('posts.get', { communityId: id, postId })).toMatchObject({
      authorMuted: false,
      hiddenByMe: false
    })
  })
})

test('removal: by the consent of the others, a removed member is told, can no longer write or count, and peers stop replicating with them', async () => {
  const [ash, bo, cy, dee] = await Promise.all([lab.peer(), lab.peer(), lab.peer(), lab.peer()])
  const id = await community(ash, [bo, cy, dee], 'Removal circle')
  await identical([ash, bo, cy, dee], id)
  const deeId = (await dee.rpc.call('members.list', { communityId: id })).find((m) => m.isMe)!.id
  await until([ash], async () => (await ash.engine.get(id).reader().member(deeId))?.device != null)

  const deesInvite = await dee.rpc.call('invites.create', { communityId: id, maxUses: 5 })
  const { id: proposalId } = await ash.rpc.call('proposals.create', {
    communityId: id,
    change: { kind: 'removal', member: deeId },
    reason: 'Repeated messages that scared people, after we asked to stop.'
  })
  const aboutDee = await until([dee], () => proposalOn(dee, id, proposalId).then((p) => p ?? false))
  // Three others: a majority of them is two, the proposer included.
  expect(aboutDee).toMatchObject({ aboutMe: true, required: 2 })
  await expect(
    dee.rpc.call('proposals.respond', { communityId: id, proposalId, stance: 'object', note: 'No' })
  ).rejects.toMatchObject({ code: 'not-allowed' })
  // Bo can respond only once the proposal has reached Bo.
  await until([bo], () => proposalOn(bo, id, proposalId).then((p) => p ?? false))
  await bo.rpc.call('proposals.respond', { communityId: id, proposalId, stance: 'consent' })

  for (const peer of [ash, bo, cy]) await proposalReaches(peer, id, proposalId, 'adopted')
  const told = await until([dee], async () => (await agreementsOf(dee, id)).removed ?? false)
  expect(told.reason).toBe('Repeated messages that scared people, after we asked to stop.')
  const members = await cy.rpc.call('members.list', { communityId: id })
  expect(members.find((m) => m.id === deeId)).toMatchObject({ left: true, removed: true })
  expect((await agreementsOf(ash, id)).currentMembers).toBe(3)
  const invites = await ash.rpc.call('invites.list', { communityId: id })
  expect(invites.find((i) => i.id === deesInvite.id)?.revoked).toBe(true)

  // Peers refuse Dee's device: nothing new reaches Dee, and Dee's own writes go nowhere.
  await until([ash, dee], async () => dee.engine.get(id).peerCount === 0, 20_000)
  const after = await postSeen(ash, [bo], id, 'After the decision.')
  await expect(dee.rpc.call('posts.create', { communityId: id, text: 'Still here' })).rejects.toMatchObject({
    code: 'not-allowed',
    message: expect.stringContaining('no longer a member')
  })
  await dee.rpc.call('network.refresh', {})
  await identical([ash, bo, cy], id)
  expect(await hasPost(dee, id, after)).toBe(false)
})

test('forgery: a member appending ops by hand gains nothing the rules do not give them, on every peer alike', async () => {
  const [ash, bo, mal] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
  const id = await community(ash, [bo, mal], 'Forgery circle')
  const { id: postId } = await ash.rpc.call('posts.create', { communityId: id, text: 'Ash writes.' })
  const { id: malPost } = await mal.rpc.call('posts.create', { communityId: id, text: 'Mal writes.' })
  await identical([ash, bo, mal], id)
  const members = await ash.rpc.call('members.list', { communityId: id })
  const key = (name: string) => members.find((m) => m.name === name)!.id
  const ashKey = key('Ash')
  const malKey = key('Member 2')
  const forge = (op: Record<string, unknown>) =>
    mal.engine.get(id).base.append(Buffer.from(JSON.stringify({ v: 1, ...op })))

  // Remove Ash, then vote for it several times, and once more "as Bo".
  await forge({
    type: 'proposal/create',
    id: 'aaaaaaaaaaaaaaaa',
    change: { kind: 'removal', member: ashKey },
    reason: 'Takeover',
    at: 1
  })
  const consent = {
    type: 'proposal/respond',
    id: 'aaaaaaaaaaaaaaaa',
    revision: 1,
    stance: 'consent',
    note: null,
    at: 1
  }
  for (let i = 0; i < 3; i++) await forge(consent)
  await forge({ ...consent, author: key('Member 1') })
  // Adopt its own settings outright, flag its own and others' posts many times, hide a post alone.
  await forge({ type: 'settings/set', settings: { flagsToHide: 1 } })
  for (let i = 0; i < 3; i++) await forge({ type: 'flag/add', postId, reason: `flag ${i}`, at: 1 })
  await forge({ type: 'flag/add', postId: malPost, reason: 'own', at: 1 })
  // Agree to agreements that do not exist, claim Ash's device, second a non-existent invite.
  await forge({ type: 'agreements/accept', version: 99 })
  const ashDevice = (await ash.engine.get(id).swarmKeyPair()).publicKey.toString('hex')
  await forge({ type: 'member/device', swarmKey: ashDevice, signature: 'ab'.repeat(64) })
  await forge({ type: 'invite/second', inviteId: 'cd'.repeat(32) })
  // Review a post that is not theirs, and withdraw a proposal that is not theirs.
  await forge({
    type: 'proposal/create',
    id: 'bbbbbbbbbbbbbbbb',
    change: { kind: 'review', postId },
    reason: 'x',
    at: 1
  })

  await identical([ash, bo, mal], id)
  const proposal = await proposalOn(ash, id, 'aaaaaaaaaaaaaaaa')
  expect(proposal).toMatchObject({ status: 'open', consents: 1, required: 2 })
  expect(await proposalOn(ash, id, 'bbbbbbbbbbbbbbbb')).toBeNull()
  const post = await bo.rpc.call('posts.get', { communityId: id, postId })
  expect(post.flags).toHaveLength(1)
  expect(post.collapsed).toBe(false)
  expect((await bo.rpc.call('posts.get', { communityId: id, postId: malPost })).flags).toHaveLength(0)
  const state = await agreementsOf(bo, id)
  expect(state.settings.flagsToHide).toBe(2)
  expect((await ash.engine.get(id).reader().member(malKey))?.agreedVersion).toBe(1)
  expect((await ash.engine.get(id).reader().member(ashKey))?.device).toBe(ashDevice)
  expect((await ash.engine.get(id).reader().member(malKey))?.device).not.toBe(ashDevice)
  expect((await ash.rpc.call('members.list', { communityId: id })).every((m) => !m.left)).toBe(true)

  // A member who never agreed cannot post, flag or propose, even by hand.
  const { invite } = await ash.rpc.call('invites.create', { communityId: id })
  const quiet = await lab.peer()
  await quiet.rpc.call('communities.join', { invite, displayName: 'Quiet' })
  const raw = (op: Record<string, unknown>) =>
    quiet.engine.get(id).base.append(Buffer.from(JSON.stringify({ v: 1, ...op })))
  await raw({ type: 'flag/add', postId, reason: 'before agreeing', at: 1 })
  await raw({
    type: 'post/create',
    id: 'eeeeeeeeeeeeeeee',
    topic: 'general',
    replyTo: null,
    mode: 'share',
    note: null,
    text: 'Not agreed',
    at: 1
  })
  await identical([ash, bo, mal, quiet], id)
  expect(await hasPost(ash, id, 'eeeeeeeeeeeeeeee')).toBe(false)
  expect((await ash.rpc.call('posts.get', { communityId: id, postId })).flags).toHaveLength(1)
})

test('offline: governance written while members are apart converges to one decision and identical views', async () => {
  const [ash, bo, cy] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
  const id = await community(ash, [bo, cy], 'Apart circle')
  const { id: postId } = await cy.rpc.call('posts.create', { communityId: id, text: 'Before we parted.' })
  const { id: proposalId } = await ash.rpc.call('proposals.create', {
    communityId: id,
    change: { kind: 'settings', settings: { flagsToHide: 3 } },
    reason: 'Two flags is too quick for us.'
  })
  await until(
    [bo, cy],
    async () => (await proposalOn(bo, id, proposalId)) !== null && hasPost(bo, id, postId)
  )
  await until([cy], async () => (await proposalOn(cy, id, proposalId)) !== null)
  for (const p of [ash, bo, cy]) await p.rpc.call('network.setOnline', { online: false })

  // Apart: Bo consents and flags; Ash flags; Cy objects, then changes their mind.
  await bo.rpc.call('proposals.respond', { communityId: id, proposalId, stance: 'consent' })
  await bo.rpc.call('flags.add', { communityId: id, postId, reason: 'Too much detail.' })
  await ash.rpc.call('flags.add', { communityId: id, postId, reason: 'Hard to read today.' })
  await cy.rpc.call('proposals.respond', { communityId: id, proposalId, stance: 'object', note: 'Wait.' })
  await cy.rpc.call('proposals.withdrawResponse', { communityId: id, proposalId })

  await ash.rpc.call('network.setOnline', { online: true })
  await bo.rpc.call('network.setOnline', { online: true })
  await cy.rpc.call('network.setOnline', { online: true })
  await identical([ash, bo, cy], id)
  const states = await Promise.all([ash, bo, cy].map((p) => proposalOn(p, id, proposalId)))
  expect(new Set(states.map((s) => s?.status)).size).toBe(1)
  expect(states[0]?.status).toBe('adopted')
  const posts = await Promise.all(
    [ash, bo, cy].map((p) => p.rpc.call('posts.get', { communityId: id, postId }))
  )
  // Whatever order the log settled on, every peer agrees on whether it is collapsed.
  expect(new Set(posts.map((p) => p.collapsed)).size).toBe(1)
  expect(posts[0]?.flags).toHaveLength(2)
})
