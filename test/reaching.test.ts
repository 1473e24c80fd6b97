// Reaching out, specified against real engines on a local testnet: who is
// around (never in the log), "I'd like to talk", private conversations only
// the two members can read, the support plan, check-ins and resources.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { Lab, community, until, viewDump } from './support/peers.js'
import type { Peer } from './support/peers.js'
import type { Notice } from '../core/domain/types.js'
import { PairKeys, open } from '../core/reaching/seal.js'
import { keys, prefixEnd } from '../core/view/records.js'
import type { SealedRecord } from '../core/view/records.js'

const lab = new Lab()
beforeAll(() => lab.start())
afterAll(() => lab.stop())

const notices = (p: Peer): Notice[] => p.events.flatMap((e) => (e.type === 'notice' ? [e.notice] : []))
const memberOn = async (p: Peer, id: string, memberId: string) =>
  (await p.rpc.call('members.list', { communityId: id })).find((m) => m.id === memberId)
const idOf = (p: Peer, id: string) => p.engine.get(id).me

/** The ops (not acks) this peer's writer appended from `from` on. */
async function opsSince(p: Peer, id: string, from: number): Promise<unknown[]> {
  const local = p.engine.get(id).base.local
  const ops: unknown[] = []
  for (let seq = from; seq < local.length; seq++) {
    const block = (await local.get(seq)) as { node: { value: unknown } }
    if (block.node.value !== null) ops.push(block.node.value)
  }
  return ops
}

describe('reaching out in a circle of three', () => {
  let ash: Peer, bo: Peer, cy: Peer
  let id: string
  let ashId: string, boId: string, cyId: string

  beforeAll(async () => {
    ;[ash, bo, cy] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
    id = await community(ash, [bo, cy])
    ;[ashId, boId, cyId] = [idOf(ash, id), idOf(bo, id), idOf(cy, id)]
  })

  test('availability: a status with a note and a limit reaches every member through the log', async () => {
    await ash.rpc.call('availability.set', { communityId: id, kind: 'open', note: 'evenings', limit: 2 })
    await cy.rpc.call('availability.set', { communityId: id, kind: 'resting', note: 'back Monday' })
    const seen = await until([bo], async () => {
      const [a, c] = [await memberOn(bo, id, ashId), await memberOn(bo, id, cyId)]
      return a?.availability && c?.availability ? { a: a.availability, c: c.availability } : false
    })
    expect(seen).toEqual({
      a: { kind: 'open', note: 'evenings', limit: 2 },
      c: { kind: 'resting', note: 'back Monday', limit: null }
    })
    expect(await ash.rpc.call('availability.get', { communityId: id })).toMatchObject({
      mine: { kind: 'open', note: 'evenings', limit: 2 },
      presence: true
    })
  })

  test('presence: connected members see who is around; turning it off hides me at once and never touches the log', async () => {
    await until([bo], async () => ((await memberOn(bo, id, ashId))?.aroundNow ? true : false))
    const writerLength = ash.engine.get(id).base.local.length
    await ash.rpc.call('presence.set', { communityId: id, visible: false })
    await until([bo], async () => ((await memberOn(bo, id, ashId))?.aroundNow === false ? true : false))
    // Still connected: off means off, not "gone quiet until the connection drops".
    expect(ash.engine.get(id).peerCount).toBeGreaterThan(0)
    expect((await ash.rpc.call('availability.get', { communityId: id })).presence).toBe(false)
    await ash.rpc.call('presence.set', { communityId: id, visible: true })
    await until([bo], async () => ((await memberOn(bo, id, ashId))?.aroundNow ? true : false))
    // Autobase may ack others' writes meanwhile (a node with no value); an op would carry one.
    expect(await opsSince(ash, id, writerLength)).toEqual([])
    expect(await viewDump(ash, id)).not.toMatch(/presence|aroundNow|around/)
  })

  test('reach-out: only members open to listen are notified; "I\'m here" opens a conversation and others see it was answered', async () => {
    const before = { ash: notices(ash).length, cy: notices(cy).length }
    const { id: reachId } = await bo.rpc.call('reachouts.create', { communityId: id, context: 'rough night' })
    expect(reachId).not.toBeNull()
    const notice = await until(
      [ash],
      async () =>
        notices(ash)
          .slice(before.ash)
          .find((n) => n.kind === 'reach') ?? false
    )
    expect(notice).toMatchObject({
      author: 'Member 1',
      excerpt: 'would like to talk: rough night',
      communityId: id
    })
    // Cy is resting: the reach-out reaches them, the notification does not.
    await until([cy], async () => (await cy.rpc.call('reachouts.list', { communityId: id })).length > 0)
    expect(
      notices(cy)
        .slice(before.cy)
        .filter((n) => n.kind === 'reach')
    ).toEqual([])

    const { memberId } = await ash.rpc.call('reachouts.answer', { communityId: id, reachId: reachId! })
    expect(memberId).toBe(boId)
    const mine = await until([bo], async () => {
      const [r] = await bo.rpc.call('reachouts.list', { communityId: id })
      return r?.answered ? r : false
    })
    expect(mine).toMatchObject({ mine: true, answeredBy: ['Ash'], context: 'rough night' })
    const conversation = await until([bo], async () => {
      const c = await bo.rpc.call('conversations.get', { communityId: id, memberId: ashId }).catch(() => null)
      return c && c.entries.length > 0 ? c : false
    })
    expect(conversation.entries).toMatchObject([{ kind: 'answer', reachId, fromMe: false }])
    // Answering again leads back to the same conversation without a second "I'm here".
    expect(await ash.rpc.call('reachouts.answer', { communityId: id, reachId: reachId! })).toEqual({
      memberId: boId
    })
    const theirs = await until([cy], async () => {
      const [r] = await cy.rpc.call('reachouts.list', { communityId: id })
      return r?.answered ? r : false
    })
    expect(theirs).toMatchObject({ answered: true, answeredBy: [], answeredByMe: false, mine: false })

    await bo.rpc.call('conversations.send', {
      communityId: id,
      memberId: ashId,
      text: 'thank you for coming'
    })
    await ash.rpc.call('conversations.send', { communityId: id, memberId: boId, text: 'I am with you' })
    const both = await until([ash, bo], async () => {
      const [a, b] = await Promise.all([
        ash.rpc.call('conversations.get', { communityId: id, memberId: boId }),
        bo.rpc.call('conversations.get', { communityId: id, memberId: ashId })
      ])
      return a.entries.length === 3 && b.entries.length === 3 ? { a, b } : false
    })
    const texts = (c: typeof both.a) => c.entries.map((e) => (e.kind === 'message' ? e.text : e.kind))
    expect(texts(both.a)).toEqual(texts(both.b))
    expect(both.a.entries.map((e) => e.fromMe)).toEqual(both.b.entries.map((e) => !e.fromMe))
    await until([bo], async () =>
      notices(bo).some((n) => n.kind === 'private' && n.excerpt === 'sent you a private message')
    )
    // Notifications name the sender, never the content.
    expect(notices(bo).some((n) => n.excerpt.includes('I am with you'))).toBe(false)
  })

  test('privacy: a third member holding the community key cannot read a conversation or tell whom it is with', async () => {
    const secret = 'the thing I have never told anyone'
    await bo.rpc.call('conversations.send', { communityId: id, memberId: ashId, text: secret })
    const dump = await until([cy], async () => {
      const d = await viewDump(cy, id)
      const sealed = d.split('\n').filter((l) => l.startsWith(keys.sealedPrefix)).length
      return sealed >= 4 && d.includes(`"author":"${boId}"`) ? d : false
    })
    expect(dump).not.toContain(secret)
    expect(dump).not.toContain('I am with you')
    expect(await cy.rpc.call('conversations.list', { communityId: id })).toEqual([])
    await expect(
      cy.rpc.call('conversations.get', { communityId: id, memberId: ashId })
    ).resolves.toMatchObject({
      entries: []
    })
    // With Cy's own keys, no sealed record opens, whichever pair Cy tries.
    const c = cy.engine.get(id)
    const deviceOf = async (m: string) => (await c.reader().member(m))?.device ?? null
    const cyKeys = new PairKeys(
      Buffer.from(cyId, 'hex'),
      (await c.swarmKeyPair()).secretKey,
      c.base.key,
      deviceOf
    )
    const range = { gt: keys.sealedPrefix, lt: prefixEnd(keys.sealedPrefix) }
    let records = 0
    for await (const { value } of c.base.view.createReadStream(range)) {
      const record = value as SealedRecord
      records++
      expect(Object.keys(record).sort()).toEqual(['author', 'nonce', 'sealed', 'seq', 'tag'])
      for (const other of [ashId, boId]) expect(open((await cyKeys.with(other))!, record)).toBeNull()
    }
    expect(records).toBeGreaterThanOrEqual(4)
    // Ash and Bo tag their lines differently each time: nothing links the two sides of one conversation.
    const tags = dump
      .split('\n')
      .filter((l) => l.startsWith(keys.sealedPrefix))
      .map((l) => JSON.parse(l.slice(l.indexOf('=') + 1)).tag)
    expect(new Set(tags).size).toBe(tags.length)
  })

  test('conversations: written while apart, both sides converge on the same lines when they meet again', async () => {
    await bo.rpc.call('network.setOnline', { online: false })
    await ash.rpc.call('conversations.send', { communityId: id, memberId: boId, text: 'thinking of you' })
    await bo.rpc.call('conversations.send', {
      communityId: id,
      memberId: ashId,
      text: 'writing this offline'
    })
    await bo.rpc.call('network.setOnline', { online: true })
    const both = await until([ash, bo], async () => {
      const [a, b] = await Promise.all([
        ash.rpc.call('conversations.get', { communityId: id, memberId: boId }),
        bo.rpc.call('conversations.get', { communityId: id, memberId: ashId })
      ])
      const has = (c: typeof a) =>
        ['thinking of you', 'writing this offline'].every((t) =>
          c.entries.some((e) => e.kind === 'message' && e.text === t)
        )
      const order = (c: typeof a) => c.entries.map((e) => e.seq).join()
      return has(a) && has(b) && order(a) === order(b) ? a : false
    })
    expect(both.closed).toBe(false)
    await bo.rpc.call('conversations.close', { communityId: id, memberId: ashId })
    const closed = await until([ash], async () => {
      const [c] = await ash.rpc.call('conversations.list', { communityId: id })
      return c?.closed ? c : false
    })
    expect(closed).toMatchObject({
      memberId: boId,
      closedByMe: false,
      last: { kind: 'close', fromMe: false }
    })
  })

  test('support plan: shared with one member, updated on edit, and revoking stops what comes next', async () => {
    const content = {
      helps: 'A walk, quiet company',
      doesNotHelp: 'Being told to cheer up',
      contacts: 'My sister',
      notInvolve: 'My manager',
      fromSupporters: 'Check in, do not fix'
    }
    await expect(ash.rpc.call('plan.share', { communityId: id, memberId: boId })).rejects.toMatchObject({
      code: 'bad-request'
    })
    const saved = await ash.rpc.call('plan.save', { plan: content })
    expect(saved).toMatchObject({ plan: { ...content, version: 1 }, unsent: 0 })
    await ash.rpc.call('plan.share', { communityId: id, memberId: boId })
    const first = await until([bo], async () => {
      const [p] = await bo.rpc.call('plans.sharedWithMe', { communityId: id })
      return p ?? false
    })
    expect(first).toMatchObject({ memberId: ashId, member: 'Ash', plan: { ...content, version: 1 } })
    await ash.rpc.call('plan.save', { plan: { ...content, helps: 'A walk, tea' } })
    await until([bo], async () => {
      const [p] = await bo.rpc.call('plans.sharedWithMe', { communityId: id })
      return p?.plan.version === 2 && p.plan.helps === 'A walk, tea'
    })
    expect((await ash.rpc.call('plan.get', {})).shares).toEqual([
      { communityId: id, memberId: boId, member: 'Member 1' }
    ])
    await ash.rpc.call('plan.revoke', { communityId: id, memberId: boId })
    await until([bo], async () => (await bo.rpc.call('plans.sharedWithMe', { communityId: id })).length === 0)
    await ash.rpc.call('plan.save', { plan: { ...content, helps: 'version three, not for Bo' } })
    await ash.rpc.call('conversations.send', { communityId: id, memberId: boId, text: 'after the revoke' })
    await until([bo], async () => {
      const c = await bo.rpc.call('conversations.get', { communityId: id, memberId: ashId })
      return c.entries.some((e) => e.kind === 'message' && e.text === 'after the revoke')
    })
    const entries = (await bo.rpc.call('conversations.get', { communityId: id, memberId: ashId })).entries
    expect(entries.filter((e) => e.kind === 'plan').map((e) => (e.kind === 'plan' ? e.version : 0))).toEqual([
      1, 2
    ])
    expect(await bo.rpc.call('plans.sharedWithMe', { communityId: id })).toEqual([])
    expect(await cy.rpc.call('plans.sharedWithMe', { communityId: id })).toEqual([])
    expect(await viewDump(cy, id)).not.toContain('My manager')
  })

  test('check on me: goes to the members chosen, privately, and nowhere else', async () => {
    const before = { ash: notices(ash).length, cy: notices(cy).length }
    const opsBefore = bo.engine.get(id).base.local.length
    await bo.rpc.call('checkOnMe.send', { communityId: id, to: [ashId, cyId], note: 'tomorrow morning?' })
    for (const [peer, n] of [
      [ash, before.ash],
      [cy, before.cy]
    ] as const) {
      const notice = await until(
        [peer],
        async () =>
          notices(peer)
            .slice(n)
            .find((x) => x.excerpt === 'asked you to check on them') ?? false
      )
      expect(notice).toMatchObject({ kind: 'private', memberId: boId, author: 'Member 1' })
    }
    // Two sealed lines and nothing else: no community-visible op, no escalation.
    expect(bo.engine.get(id).base.local.length).toBe(opsBefore + 2)
    await expect(bo.rpc.call('checkOnMe.send', { communityId: id, to: [], note: 'x' })).rejects.toMatchObject(
      { code: 'bad-request' }
    )
  })

  test("reach-out to chosen members: sealed for them, absent from everyone else's list", async () => {
    const before = notices(ash).length
    const { id: reachId } = await cy.rpc.call('reachouts.create', {
      communityId: id,
      context: 'just to you',
      to: [ashId]
    })
    expect(reachId).toBeNull()
    const notice = await until(
      [ash],
      async () =>
        notices(ash)
          .slice(before)
          .find((n) => n.kind === 'reach') ?? false
    )
    expect(notice).toMatchObject({ memberId: cyId, excerpt: 'would like to talk with you' })
    const list = await bo.rpc.call('reachouts.list', { communityId: id })
    expect(list.some((r) => r.context === 'just to you')).toBe(false)
    expect(await viewDump(bo, id)).not.toContain('just to you')
  })

  test('resources and check-ins: resources collapse by the same consent as posts; a check-in carries a mood word', async () => {
    const { id: resId } = await bo.rpc.call('posts.create', {
      communityId: id,
      topic: 'resources',
      text: 'Peer-run, answers evenings.',
      resource: { kind: 'warmline', name: 'Evening warmline', contact: '0800 000 000' }
    })
    await expect(
      bo.rpc.call('posts.create', { communityId: id, topic: 'resources', text: 'no details' })
    ).rejects.toMatchObject({ code: 'bad-request' })
    await until([ash, cy], async () =>
      (
        await Promise.all(
          [ash, cy].map((p) => p.rpc.call('posts.get', { communityId: id, postId: resId }).catch(() => null))
        )
      ).every(Boolean)
    )
    await ash.rpc.call('flags.add', { communityId: id, postId: resId, reason: 'this number is a paid line' })
    await cy.rpc.call('flags.add', { communityId: id, postId: resId, reason: 'agree, not peer-run' })
    const collapsed = await until([bo], async () => {
      const p = await bo.rpc.call('posts.get', { communityId: id, postId: resId })
      return p.collapsed ? p : false
    })
    expect(collapsed.resource).toEqual({
      kind: 'warmline',
      name: 'Evening warmline',
      contact: '0800 000 000'
    })

    const topics = (await ash.rpc.call('topics.list', { communityId: id })).map((t) => t.name)
    expect(topics.slice(0, 3)).toEqual(['general', 'check-ins', 'resources'])
    const { id: checkIn } = await cy.rpc.call('posts.create', {
      communityId: id,
      topic: 'check-ins',
      text: 'Arriving slowly today.',
      mood: 'tired'
    })
    await expect(
      cy.rpc.call('posts.create', { communityId: id, text: 'x', mood: 'tired' })
    ).rejects.toMatchObject({ code: 'bad-request' })
    await expect(
      cy.rpc.call('posts.create', { communityId: id, topic: 'check-ins', text: 'x', mood: '7/10' })
    ).rejects.toMatchObject({ code: 'bad-request' })
    const seen = await until([ash], async () =>
      ash.rpc.call('posts.get', { communityId: id, postId: checkIn }).catch(() => false as const)
    )
    expect(seen).toMatchObject({ topic: 'check-ins', mood: 'tired' })
  })

  test('conversations: muting a member hides our conversation, silences them and stops me writing to them', async () => {
    await ash.rpc.call('members.mute', { communityId: id, memberId: cyId, muted: true })
    expect(
      (await ash.rpc.call('conversations.list', { communityId: id })).map((c) => c.memberId)
    ).not.toContain(cyId)
    await expect(
      ash.rpc.call('conversations.send', { communityId: id, memberId: cyId, text: 'hello' })
    ).rejects.toMatchObject({ code: 'not-allowed' })
    const before = notices(ash).length
    await cy.rpc.call('conversations.send', { communityId: id, memberId: ashId, text: 'are you there?' })
    await cy.rpc.call('conversations.send', { communityId: id, memberId: boId, text: 'and you?' })
    await until([bo], async () =>
      notices(bo).some((n) => n.memberId === cyId && n.excerpt === 'sent you a private message')
    )
    expect(
      notices(ash)
        .slice(before)
        .filter((n) => n.memberId === cyId)
    ).toEqual([])
    await ash.rpc.call('members.mute', { communityId: id, memberId: cyId, muted: false })
    const back = await ash.rpc.call('conversations.get', { communityId: id, memberId: cyId })
    expect(back.entries.some((e) => e.kind === 'message' && e.text === 'are you there?')).toBe(true)
  })

  test('conversations: after a restart the same conversation is there to go back to, my own lines included', async () => {
    const before = await ash.rpc.call('conversations.get', { communityId: id, memberId: boId })
    await lab.closePeer(ash)
    ash = await lab.peer({ storage: ash.dir })
    const after = await ash.rpc.call('conversations.get', { communityId: id, memberId: boId })
    expect(after.entries).toEqual(before.entries)
    expect(after.entries.some((e) => e.fromMe)).toBe(true)
    expect((await ash.rpc.call('availability.get', { communityId: id })).mine).toMatchObject({ kind: 'open' })
  })
})
