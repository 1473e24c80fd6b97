// Self-governance inside apply: agreements, proposals decided by consent,
// flags, and removal. Every rule reads only the op, its real author (the
// writer key) and the view, so every peer reaches the same decisions, and a
// member who forges ops gains nothing the rules do not already give them.
import hcrypto from 'hypercore-crypto'
import { settingsFrom } from '../domain/governance.js'
import type { Settings } from '../domain/governance.js'
import type { OpOf } from '../domain/ops.js'
import { deviceClaimMessage } from '../domain/device.js'
import { keys } from './records.js'
import type {
  AgreementsRecord,
  InviteRecord,
  MemberRecord,
  MetaRecord,
  PostRecord,
  ProposalRecord
} from './records.js'
import { blankLog, logEvent, updateMeta } from './writer.js'
import { countedAmong, countsIn, tallyProposal } from './tally.js'
import type { Ctx } from './writer.js'
import { retire } from './steps.js'
import { loadPost, savePost } from './posts.js'

async function settingsOf(ctx: Ctx): Promise<Settings> {
  return settingsFrom(await ctx.view.get<Settings>(keys.settings))
}

async function currentMember(ctx: Ctx, key: string): Promise<MemberRecord | null> {
  const member = await ctx.view.get<MemberRecord>(keys.member(key))
  return member && !member.left ? member : null
}

// ---- agreements and invites -------------------------------------------

export async function accept(ctx: Ctx, member: MemberRecord, op: OpOf<'agreements/accept'>): Promise<void> {
  // A member agrees to a version they were shown, which may since have been replaced.
  if (!(await ctx.view.get(keys.agreementsVersion(op.version)))) return
  if (member.agreedVersion !== null && member.agreedVersion >= op.version) return
  await ctx.view.put(keys.member(member.key), { ...member, agreedVersion: op.version })
  // Someone who finished joining now counts in decisions.
  if (member.agreedVersion === null) {
    await updateMeta(ctx, (m) => (m.agreed === undefined ? m : { ...m, agreed: m.agreed + 1 }))
    await recountOpen(ctx)
  }
  await logEvent(ctx, { ...blankLog, kind: 'agreed', actor: ctx.author, member: ctx.author })
}

export async function secondInvite(ctx: Ctx, op: OpOf<'invite/second'>): Promise<void> {
  const invite = await ctx.view.get<InviteRecord>(keys.invite(op.inviteId))
  if (!invite || !invite.needsSecond || invite.secondedBy !== null || invite.revoked) return
  if (invite.createdBy === ctx.author) return // a second member, by definition
  await ctx.view.put(keys.invite(invite.id), { ...invite, secondedBy: ctx.author })
  await logEvent(ctx, { ...blankLog, kind: 'invite-seconded', actor: ctx.author, member: invite.createdBy })
}

export async function claimDevice(ctx: Ctx, member: MemberRecord, op: OpOf<'member/device'>): Promise<void> {
  const swarmKey = Buffer.from(op.swarmKey, 'hex')
  const message = deviceClaimMessage(ctx.host.key, Buffer.from(ctx.author, 'hex'))
  if (!hcrypto.verify(message, Buffer.from(op.signature, 'hex'), swarmKey)) return
  const owner = await ctx.view.get<string>(keys.device(op.swarmKey))
  if (owner !== null) return
  await ctx.view.put(keys.device(op.swarmKey), ctx.author)
  await ctx.view.put(keys.member(member.key), { ...member, device: op.swarmKey })
}

// ---- proposals --------------------------------------------------------

/** Whether a change makes sense now, and is this author's to propose. */
async function validChange(ctx: Ctx, change: ProposalRecord['change']): Promise<boolean> {
  switch (change.kind) {
    case 'agreements':
    case 'confidentiality':
    case 'settings':
      return true
    case 'removal':
      // Leaving is how one goes oneself; a removal is always about someone else.
      return change.member !== ctx.author && (await currentMember(ctx, change.member)) !== null
    case 'review': {
      const post = await loadPost(ctx.view, change.postId)
      return post !== null && post.collapsed && !post.deleted && post.author === ctx.author
    }
    case 'version':
      // One step at a time: a jump to a version no build knows would stop everyone for good.
      return change.version === ctx.version + 1
    case 'refound':
      return (await ctx.view.get<MetaRecord>(keys.meta))?.refounded === undefined
  }
}

async function agreementsVersion(ctx: Ctx): Promise<number> {
  return (await ctx.view.get<AgreementsRecord>(keys.agreements))?.version ?? 1
}

export async function propose(ctx: Ctx, op: OpOf<'proposal/create'>): Promise<void> {
  if (await ctx.view.get(keys.proposal(op.id))) return
  if (!(await validChange(ctx, op.change))) return
  const openedEvent = await logEvent(ctx, {
    ...blankLog,
    kind: 'proposed',
    actor: ctx.author,
    proposalId: op.id,
    reason: op.reason,
    at: op.at,
    ...subjectOf(op.change)
  })
  const proposal: ProposalRecord = {
    id: op.id,
    author: ctx.author,
    change: op.change,
    reason: op.reason,
    revision: 1,
    baseVersion: await agreementsVersion(ctx),
    status: 'open',
    at: op.at,
    openedEvent,
    closedEvent: null,
    // Proposing is consenting to one's own proposal.
    responses: { [ctx.author]: { stance: 'consent', note: null, revision: 1, at: op.at } }
  }
  await ctx.view.put(keys.proposal(op.id), proposal)
  await ctx.view.put(keys.openProposal(op.id), op.id)
  await evaluate(ctx, proposal)
}

function subjectOf(change: ProposalRecord['change']): { member?: string; postId?: string } {
  if (change.kind === 'removal') return { member: change.member }
  if (change.kind === 'review') return { postId: change.postId }
  return {}
}

async function ownOpenProposal(ctx: Ctx, id: string): Promise<ProposalRecord | null> {
  const proposal = await ctx.view.get<ProposalRecord>(keys.proposal(id))
  if (!proposal || proposal.status !== 'open' || proposal.author !== ctx.author) return null
  return proposal
}

export async function revise(ctx: Ctx, op: OpOf<'proposal/revise'>): Promise<void> {
  const proposal = await ownOpenProposal(ctx, op.id)
  if (!proposal || proposal.change.kind !== op.change.kind) return
  if (!(await validChange(ctx, op.change))) return
  await logEvent(ctx, {
    ...blankLog,
    kind: 'revised',
    actor: ctx.author,
    proposalId: op.id,
    reason: op.reason,
    at: op.at,
    ...subjectOf(op.change)
  })
  const revision = proposal.revision + 1
  // Consent was given to the words as they were; everyone responds afresh.
  const revised: ProposalRecord = {
    ...proposal,
    change: op.change,
    reason: op.reason,
    revision,
    baseVersion: await agreementsVersion(ctx),
    responses: { [ctx.author]: { stance: 'consent', note: null, revision, at: op.at } }
  }
  await ctx.view.put(keys.proposal(op.id), revised)
  await evaluate(ctx, revised)
}

export async function withdraw(ctx: Ctx, op: OpOf<'proposal/withdraw'>): Promise<void> {
  const proposal = await ownOpenProposal(ctx, op.id)
  if (!proposal) return
  await close(ctx, proposal, 'withdrawn', ctx.author)
}

export async function respond(
  ctx: Ctx,
  op: OpOf<'proposal/respond'> | OpOf<'proposal/unrespond'>
): Promise<void> {
  const proposal = await ctx.view.get<ProposalRecord>(keys.proposal(op.id))
  if (!proposal || proposal.status !== 'open') return
  // The member a removal is about is told, but their response does not count either way.
  if (proposal.change.kind === 'removal' && proposal.change.member === ctx.author) return
  const responses = { ...proposal.responses }
  if (op.type === 'proposal/unrespond') {
    if (!responses[ctx.author]) return
    delete responses[ctx.author]
  } else {
    if (op.revision !== proposal.revision) return // a response to words since revised
    if (op.stance !== 'consent' && op.note === null) return // concerns and objections give a reason
    responses[ctx.author] = { stance: op.stance, note: op.note, revision: op.revision, at: op.at }
  }
  const updated = { ...proposal, responses }
  await ctx.view.put(keys.proposal(op.id), updated)
  await evaluate(ctx, updated)
}

async function evaluate(ctx: Ctx, proposal: ProposalRecord): Promise<void> {
  if (proposal.status !== 'open') return
  const meta = await ctx.view.get<MetaRecord>(keys.meta)
  const settings = await settingsOf(ctx)
  const { consents, objections, required } = await tallyProposal(proposal, {
    ...countedAmong(meta, settings),
    settings,
    isCurrent: async (key) => countsIn(await currentMember(ctx, key), meta, settings)
  })
  if (objections === 0 && consents >= required) await adopt(ctx, proposal)
}

/** Re-counts every open proposal: membership changed, so thresholds may have. */
export async function recountOpen(ctx: Ctx): Promise<void> {
  for (const key of await ctx.view.keysUnder(keys.openProposalPrefix)) {
    const id = key.slice(keys.openProposalPrefix.length)
    const proposal = await ctx.view.get<ProposalRecord>(keys.proposal(id))
    if (proposal) await evaluate(ctx, proposal)
  }
}

async function close(
  ctx: Ctx,
  proposal: ProposalRecord,
  status: 'adopted' | 'withdrawn' | 'outdated',
  actor: string | null
): Promise<void> {
  const closedEvent = await logEvent(ctx, {
    ...blankLog,
    kind: status,
    actor,
    proposalId: proposal.id,
    reason: proposal.reason,
    ...subjectOf(proposal.change)
  })
  await ctx.view.put(keys.proposal(proposal.id), { ...proposal, status, closedEvent })
  await ctx.view.del(keys.openProposal(proposal.id))
}

async function adopt(ctx: Ctx, proposal: ProposalRecord): Promise<void> {
  const change = proposal.change
  if (change.kind === 'agreements' || change.kind === 'confidentiality') {
    const current = await ctx.view.get<AgreementsRecord>(keys.agreements)
    if (!current) return
    // Drafted against words that have since changed: adopting it would silently undo that change.
    if (proposal.baseVersion !== current.version) return close(ctx, proposal, 'outdated', null)
    await close(ctx, proposal, 'adopted', null)
    const closed = await ctx.view.get<ProposalRecord>(keys.proposal(proposal.id))
    const next: AgreementsRecord = {
      ...current,
      version: current.version + 1,
      [change.kind === 'agreements' ? 'text' : 'confidentiality']: change.text,
      proposalId: proposal.id,
      event: closed?.closedEvent ?? current.event
    }
    await ctx.view.put(keys.agreements, next)
    await ctx.view.put(keys.agreementsVersion(next.version), next)
    return
  }
  // Closed first: the effects below can re-count open proposals, this one included.
  await close(ctx, proposal, 'adopted', null)
  if (change.kind === 'refound') {
    const meta = await ctx.view.get<MetaRecord>(keys.meta)
    if (meta && meta.refounded === undefined) {
      const refounded = { proposalId: proposal.id, by: await refounder(ctx, proposal) }
      await ctx.view.put(keys.meta, { ...meta, refounded })
    }
  } else if (change.kind === 'version') {
    // Outdated if the community already moved past it while this was open.
    const meta = await ctx.view.get<MetaRecord>(keys.meta)
    if (meta && change.version > (meta.version ?? ctx.version))
      await ctx.view.put(keys.meta, { ...meta, version: change.version, agreed: await agreedNow(ctx) })
  } else if (change.kind === 'settings') {
    const before = await settingsOf(ctx)
    const after = { ...before, ...change.settings }
    await ctx.view.put(keys.settings, after)
    if (after.flagsToHide !== before.flagsToHide) await recheckFlagged(ctx, after)
    if (after.consent !== before.consent || after.removal !== before.removal) await recountOpen(ctx)
  } else if (change.kind === 'removal') {
    await remove(ctx, change.member, proposal)
  } else if (change.kind === 'review') {
    await restore(ctx, change.postId, proposal)
  }
}

async function remove(ctx: Ctx, key: string, proposal: ProposalRecord): Promise<void> {
  const member = await currentMember(ctx, key)
  if (!member) return
  await logEvent(ctx, {
    ...blankLog,
    kind: 'removed',
    member: key,
    proposalId: proposal.id,
    reason: proposal.reason
  })
  if (member.device) await ctx.view.put(keys.blockedDevice(member.device), key)
  // Their open invites would otherwise be a way straight back in.
  for (const inviteKey of await ctx.view.keysUnder(keys.invitePrefix)) {
    const invite = await ctx.view.get<InviteRecord>(inviteKey)
    if (invite && invite.createdBy === key && !invite.revoked)
      await ctx.view.put(inviteKey, { ...invite, revoked: true })
  }
  await retire(ctx, member, { removed: true })
  await recountOpen(ctx)
}

/** Who starts the community again: whoever proposed it, or if they have gone, the earliest current member. */
async function refounder(ctx: Ctx, proposal: ProposalRecord): Promise<string> {
  if (await currentMember(ctx, proposal.author)) return proposal.author
  const meta = await ctx.view.get<MetaRecord>(keys.meta)
  for (let order = 0; order < (meta?.memberCount ?? 0); order++) {
    const key = await ctx.view.get<string>(keys.memberOrder(order))
    if (key !== null && (await currentMember(ctx, key))) return key
  }
  return proposal.author
}

/** Current members who have agreed: counted once, when a community moves to version 3. */
async function agreedNow(ctx: Ctx): Promise<number> {
  let n = 0
  for (const key of await ctx.view.keysUnder(keys.memberPrefix)) {
    const member = await ctx.view.get<MemberRecord>(key)
    if (member && !member.left && member.agreedVersion !== null) n++
  }
  return n
}

async function restore(ctx: Ctx, postId: string, proposal: ProposalRecord): Promise<void> {
  const post = await loadPost(ctx.view, postId)
  if (!post || !post.collapsed) return
  // The community looked again and decided it stays open; earlier flags are settled.
  await savePost(ctx, { ...post, collapsed: false, flags: [] })
  await ctx.view.del(keys.flagged(postId))
  await logEvent(ctx, {
    ...blankLog,
    kind: 'restored',
    member: post.author,
    postId,
    proposalId: proposal.id,
    reason: proposal.reason
  })
}

// ---- flags --------------------------------------------------------------

export async function flag(ctx: Ctx, op: OpOf<'flag/add'> | OpOf<'flag/remove'>): Promise<void> {
  const post = await loadPost(ctx.view, op.postId)
  if (!post || post.deleted || post.author === ctx.author) return
  const mine = post.flags.find((f) => f.by === ctx.author)
  let flags = post.flags
  if (op.type === 'flag/add') {
    if (mine) return
    flags = [...flags, { by: ctx.author, reason: op.reason, at: op.at }]
    await ctx.view.put(keys.flagged(post.id), post.id)
  } else {
    if (!mine) return
    flags = flags.filter((f) => f.by !== ctx.author)
    if (flags.length === 0) await ctx.view.del(keys.flagged(post.id))
  }
  await logEvent(ctx, {
    ...blankLog,
    kind: op.type === 'flag/add' ? 'flagged' : 'unflagged',
    actor: ctx.author,
    member: post.author,
    postId: post.id,
    reason: op.type === 'flag/add' ? op.reason : null,
    at: op.type === 'flag/add' ? op.at : null
  })
  await settleCollapse(ctx, { ...post, flags }, await settingsOf(ctx))
}

/** Saves the post, collapsed exactly when enough distinct members flag it. */
async function settleCollapse(ctx: Ctx, post: PostRecord, settings: Settings): Promise<void> {
  const collapsed = post.flags.length >= settings.flagsToHide
  await savePost(ctx, { ...post, collapsed })
  if (collapsed === post.collapsed) return
  await logEvent(ctx, {
    ...blankLog,
    kind: collapsed ? 'collapsed' : 'uncollapsed',
    member: post.author,
    postId: post.id,
    reason: collapsed ? post.flags.map((f) => f.reason).join('\n') : null
  })
}

async function recheckFlagged(ctx: Ctx, settings: Settings): Promise<void> {
  for (const key of await ctx.view.keysUnder(keys.flaggedPrefix)) {
    const post = await loadPost(ctx.view, key.slice(keys.flaggedPrefix.length))
    if (post && !post.deleted) await settleCollapse(ctx, post, settings)
  }
}
