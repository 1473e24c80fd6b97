// Apply turns the linearized ops of all members into the community view.
// It must be deterministic: it reads only the op, its writer key and the view
// itself. No clocks, no randomness, no I/O. A rejected op is skipped the same
// way on every peer, so all views stay identical.
import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'
import {
  ALLOWED_BEFORE_AGREEING,
  LEGACY_VERSION,
  OP_VERSION,
  decodeOp,
  opVersion,
  opensUpgrade
} from '../domain/ops.js'
import type { Op, OpOf } from '../domain/ops.js'
import { DEFAULT_SETTINGS, settingsFrom } from '../domain/governance.js'
import type { Settings } from '../domain/governance.js'
import { LIMITS } from '../domain/limits.js'
import { REACTION_KINDS } from '../domain/types.js'
import { admissionSignable } from '../domain/admission.js'
import { provesWriter } from '../domain/writer-key.js'
import { noteClock, vouchedTime } from './clock.js'
import { keys } from './records.js'
import type {
  AgreementsRecord,
  InviteRecord,
  MemberRecord,
  MetaRecord,
  PostRecord,
  TopicRecord
} from './records.js'
import { ViewWriter, blankLog, logEvent, putMember, updateMeta } from './writer.js'
import { retire } from './steps.js'
import { isLean, leaveFeed, loadPost, notePostDeleted, placePost, savePost } from './posts.js'
import { claimFounderName, setProfile } from './profile.js'
import { authorOf, linkDevice, nameDevice, recoverDevice, registerRecovery, revokeDevice } from './devices.js'
import type { Ctx } from './writer.js'
import * as governance from './governance.js'
import * as reaching from './reaching.js'
import * as quota from './quota.js'
import { CHECK_INS_TOPIC, RESOURCES_TOPIC } from '../domain/reaching.js'

export const UPDATE_NEEDED = 'update-needed'

/**
 * `newestKnown` is the newest op version this build can apply. Only tests
 * raise it, to stand in for a newer build.
 */
export function createApply(newestKnown: number = OP_VERSION) {
  return (nodes: Autobase.AutobaseNode[], bee: Hyperbee, host: Autobase.ApplyHost) =>
    applyNodes(nodes, bee, host, newestKnown)
}

async function applyNodes(
  nodes: Autobase.AutobaseNode[],
  bee: Hyperbee,
  host: Autobase.ApplyHost,
  newestKnown: number
): Promise<void> {
  const view = new ViewWriter(bee.batch({ update: false }))
  let version = await adoptedVersion(view)
  for (const node of nodes) {
    if (version !== null && version > newestKnown) break
    if (node.value === null) continue // an ack: ordering only
    const written = view.written
    view.beginNode(version !== null && isLean(version))
    await applyNode(view, host, node, version, newestKnown)
    // An op that changed nothing is noted (op version 3), so peers can clear its block once signed.
    if (view.written === written) await quota.noteRefused(view, node, version)
    await view.endNode()
    version = await adoptedVersion(view)
  }
  await view.flush()
  // The community adopted a version this build cannot apply: going on would
  // build a view that differs from every up-to-date member's.
  if (version !== null && version > newestKnown) host.interrupt(UPDATE_NEEDED)
}

/** One op: kept if it parses, fits the community's version and its author's quota (core/view/quota.ts). */
async function applyNode(
  view: ViewWriter,
  host: Autobase.ApplyHost,
  node: Autobase.AutobaseNode,
  version: number | null,
  newestKnown: number
): Promise<void> {
  if (node.value === null || quota.oversized(node.value, version)) return
  // Ops of a version the community has not adopted are set aside by every
  // peer alike, so no single writer can change the rules under everyone.
  const decoded = decodeOp(node.value, newestKnown)
  if (decoded.kind !== 'op') return
  if (version !== null && decoded.version > version && !upgradeProposal(decoded.op, decoded.version)) return
  const writer = node.from.key.toString('hex')
  const author = await authorOf(view, writer, version)
  if (author === null) return // a revoked device: nothing it writes counts
  const ctx: Ctx = { view, host, author, writer, node, version: version ?? decoded.version }
  const written = view.written
  await quota.withinQuota(ctx, decoded.op, () => applyOp(ctx, decoded.op))
  if (ctx.version >= 3 && view.written !== written) await noteClock(ctx, decoded.op)
}

/**
 * The one op allowed above the community's version: a proposal to move up,
 * stamped exactly as this build stamps it. A newer build's stamp would be
 * read by builds that know it and set aside by the rest, splitting views.
 */
function upgradeProposal(op: Op, stamped: number): boolean {
  return opensUpgrade(op) && stamped === opVersion(op)
}

/** The op version the community runs at; null before it is founded. */
async function adoptedVersion(view: ViewWriter): Promise<number | null> {
  const meta = await view.get<MetaRecord>(keys.meta)
  return meta ? (meta.version ?? LEGACY_VERSION) : null
}

async function applyOp(ctx: Ctx, op: Op): Promise<void> {
  if (op.type === 'community/init') return init(ctx, op)
  const meta = await ctx.view.get<MetaRecord>(keys.meta)
  if (!meta) return
  const member = await ctx.view.get<MemberRecord>(keys.member(ctx.author))
  if (!member || member.left) return // only current members change anything
  if (member.agreedVersion === null && !ALLOWED_BEFORE_AGREEING.has(op.type)) return
  switch (op.type) {
    case 'invite/create':
      return inviteCreate(ctx, op)
    case 'invite/revoke':
      return inviteRevoke(ctx, op)
    case 'invite/second':
      return governance.secondInvite(ctx, op)
    case 'member/admit':
      return admit(ctx, meta, op)
    case 'member/leave':
      await retire(ctx, member, { removed: false })
      // Fewer members can mean an open proposal now has what it needs.
      return governance.recountOpen(ctx)
    case 'member/lapse':
      return lapse(ctx, member, op)
    case 'member/device':
      return governance.claimDevice(ctx, member, op)
    case 'device/link':
      return linkDevice(ctx, member, op)
    case 'device/name':
      return nameDevice(ctx, member, op)
    case 'device/revoke':
      return revokeDevice(ctx, member, op)
    case 'member/recovery':
      return registerRecovery(ctx, member, op)
    case 'device/recover':
      return recoverDevice(ctx, op)
    case 'agreements/accept':
      return governance.accept(ctx, member, op)
    case 'proposal/create':
      return governance.propose(ctx, op)
    case 'proposal/revise':
      return governance.revise(ctx, op)
    case 'proposal/withdraw':
      return governance.withdraw(ctx, op)
    case 'proposal/respond':
    case 'proposal/unrespond':
      return governance.respond(ctx, op)
    case 'flag/add':
    case 'flag/remove':
      return governance.flag(ctx, op)
    case 'profile/set':
      return setProfile(ctx, member, op)
    case 'topic/create':
      return topicCreate(ctx, op)
    case 'post/create':
      return postCreate(ctx, meta, op)
    case 'post/edit':
      return postEdit(ctx, op)
    case 'post/delete':
      return postDelete(ctx, op)
    case 'reaction/add':
    case 'reaction/remove':
      return react(ctx, op)
    case 'availability/set':
      return reaching.setAvailability(ctx, member, op)
    case 'reach/create':
      return reaching.reachCreate(ctx, op)
    case 'reach/answer':
      return reaching.reachAnswer(ctx, op)
    case 'reach/answered':
      return reaching.reachAnswered(ctx, op)
    case 'reach/close':
      return reaching.reachClose(ctx, op)
    case 'private/send':
      return reaching.storeSealed(ctx, op)
  }
}

const BUILT_IN_TOPICS: ReadonlySet<string> = new Set([CHECK_INS_TOPIC, RESOURCES_TOPIC])

/** A mood belongs to a check-in and details to a resource, each on the top-level post only. */
function fitsTopic(op: OpOf<'post/create'>, topic: string): boolean {
  if (op.replyTo !== null) return op.mood === undefined && op.resource === undefined
  if (op.mood !== undefined && topic !== CHECK_INS_TOPIC) return false
  return (op.resource !== undefined) === (topic === RESOURCES_TOPIC)
}

async function init(ctx: Ctx, op: OpOf<'community/init'>): Promise<void> {
  // Only the founder's writer (the base's bootstrap core) can found, and only once.
  if (!ctx.node.from.key.equals(ctx.host.key)) return
  if (await ctx.view.get(keys.meta)) return
  const meta: MetaRecord = {
    name: op.name,
    founder: ctx.author,
    seq: 1,
    memberCount: 1,
    indexers: 1,
    current: 1,
    events: 0,
    ...(ctx.version >= 3 ? { agreed: 1 } : {}),
    // The founder's build stamps the version the community starts at on this first op.
    ...(ctx.version > LEGACY_VERSION ? { version: ctx.version } : {})
  }
  await ctx.view.put(keys.meta, meta)
  await putMember(ctx, {
    key: ctx.author,
    name: op.displayName,
    color: null,
    order: 0,
    joinedSeq: 0,
    indexer: true,
    left: false,
    removed: false,
    inviteId: null,
    // The founder wrote the first agreements, so agrees to them.
    agreedVersion: 1,
    device: null
  })
  await claimFounderName(ctx)
  const general: TopicRecord = { name: 'general', postCount: 0, createdBy: ctx.author }
  await ctx.view.put(keys.topic('general'), general)
  // Before version 3 the settings had no counting rule: decisions counted everyone let in.
  const { counting: _counting, ...legacySettings } = DEFAULT_SETTINGS
  await ctx.view.put(keys.settings, ctx.version >= 3 ? DEFAULT_SETTINGS : legacySettings)
  const event = await logEvent(ctx, { ...blankLog, kind: 'agreed', actor: ctx.author, member: ctx.author })
  const agreements: AgreementsRecord = {
    version: 1,
    text: op.agreements,
    confidentiality: op.confidentiality,
    proposalId: null,
    event
  }
  await ctx.view.put(keys.agreements, agreements)
  await ctx.view.put(keys.agreementsVersion(1), agreements)
}

async function inviteCreate(ctx: Ctx, op: OpOf<'invite/create'>): Promise<void> {
  if (await ctx.view.get(keys.invite(op.inviteId))) return
  const settings = settingsFrom(await ctx.view.get<Settings>(keys.settings))
  const invite: InviteRecord = {
    needsSecond: settings.invite === 'second-member',
    secondedBy: null,
    id: op.inviteId,
    publicKey: op.publicKey,
    expiresAt: op.expiresAt,
    maxUses: op.maxUses,
    uses: 0,
    revoked: false,
    createdBy: ctx.author
  }
  await ctx.view.put(keys.invite(op.inviteId), invite)
}

async function inviteRevoke(ctx: Ctx, op: OpOf<'invite/revoke'>): Promise<void> {
  const invite = await ctx.view.get<InviteRecord>(keys.invite(op.inviteId))
  if (!invite || invite.revoked) return
  await ctx.view.put(keys.invite(op.inviteId), { ...invite, revoked: true })
}

async function admit(ctx: Ctx, meta: MetaRecord, op: OpOf<'member/admit'>): Promise<void> {
  const invite = await ctx.view.get<InviteRecord>(keys.invite(op.inviteId))
  // Since version 3 the newcomer's own signature must show they hold the key being admitted.
  if (ctx.version >= 3 && !admissionProven(ctx, op)) return
  if (!invite || invite.revoked || op.at > invite.expiresAt) return
  if (invite.needsSecond && invite.secondedBy === null) return
  const existing = await ctx.view.get<MemberRecord>(keys.member(op.writerKey))
  if (existing) return
  // A linked device's writer is already someone's (op version 5).
  if (await ctx.view.get(keys.writer(op.writerKey))) return
  if (invite.uses >= invite.maxUses) {
    // Two members let two people in with the last use at once: the loser is told why, not left waiting.
    if (ctx.version >= 3)
      await ctx.view.put(keys.admissionRefused(op.writerKey), { inviteId: invite.id, reason: 'invite-used' })
    return
  }
  const indexer = meta.indexers < LIMITS.targetIndexers
  await ctx.host.addWriter(Buffer.from(op.writerKey, 'hex'), { indexer })
  await ctx.view.put(keys.invite(invite.id), { ...invite, uses: invite.uses + 1 })
  await putMember(ctx, {
    key: op.writerKey,
    name: null,
    color: null,
    order: meta.memberCount,
    joinedSeq: meta.seq,
    indexer,
    left: false,
    removed: false,
    inviteId: invite.id,
    agreedVersion: null,
    device: null,
    ...(ctx.version >= 3 ? { admittedAt: op.at } : {})
  })
  await updateMeta(ctx, (m) => ({
    ...m,
    seq: m.seq + 1,
    memberCount: m.memberCount + 1,
    current: m.current + 1,
    indexers: m.indexers + (indexer ? 1 : 0)
  }))
}

function admissionProven(ctx: Ctx, op: OpOf<'member/admit'>): boolean {
  if (op.proof === undefined) return false
  const writerKey = Buffer.from(op.writerKey, 'hex')
  const signable = admissionSignable(ctx.host.discoveryKey, Buffer.from(op.inviteId, 'hex'), writerKey)
  return provesWriter(signable, Buffer.from(op.proof, 'hex'), writerKey)
}

/**
 * Someone let in who never finished joining (they wrote nothing: no name, no
 * "I agree", no device) stops being a member, and the invite use comes back.
 * The newcomer may withdraw at once (a cancelled join); anyone else only once
 * a day has passed since the admission, by the clocks the two ops carry.
 */
async function lapse(ctx: Ctx, author: MemberRecord, op: OpOf<'member/lapse'>): Promise<void> {
  const target = await ctx.view.get<MemberRecord>(keys.member(op.member))
  if (
    !target ||
    target.left ||
    target.name !== null ||
    target.agreedVersion !== null ||
    target.device !== null
  )
    return
  if (op.member !== ctx.author) {
    if (author.agreedVersion === null || target.admittedAt === undefined) return
    // A day must have passed by the lapser's clock and by another member's, not theirs alone.
    const due = target.admittedAt + LIMITS.admissionLapseMs
    const meta = await ctx.view.get<MetaRecord>(keys.meta)
    if (!meta || op.at < due || vouchedTime(meta, [ctx.author, op.member]) < due) return
  }
  await retire(ctx, target, { removed: false })
  const retired = await ctx.view.get<MemberRecord>(keys.member(op.member))
  if (retired) await ctx.view.put(keys.member(op.member), { ...retired, lapsed: true })
  // The use comes back, but only so often: otherwise one invite could admit and lapse forever.
  const invite = target.inviteId ? await ctx.view.get<InviteRecord>(keys.invite(target.inviteId)) : null
  if (invite && invite.uses > 0 && (invite.lapses ?? 0) < invite.maxUses)
    await ctx.view.put(keys.invite(invite.id), {
      ...invite,
      uses: invite.uses - 1,
      lapses: (invite.lapses ?? 0) + 1
    })
  await logEvent(ctx, { ...blankLog, kind: 'lapsed', actor: ctx.author, member: op.member, at: op.at })
  await governance.recountOpen(ctx)
}

async function topicCreate(ctx: Ctx, op: OpOf<'topic/create'>): Promise<void> {
  if (await ctx.view.get(keys.topic(op.name))) return
  const topic: TopicRecord = { name: op.name, postCount: 0, createdBy: ctx.author }
  await ctx.view.put(keys.topic(op.name), topic)
}

async function postCreate(ctx: Ctx, meta: MetaRecord, op: OpOf<'post/create'>): Promise<void> {
  if (op.text.trim().length === 0) return
  if (await ctx.view.get(keys.post(op.id))) return // ids are first come, first kept
  let root = op.id
  let topicName = op.topic
  let parent: PostRecord | null = null
  if (op.replyTo !== null) {
    parent = await loadPost(ctx.view, op.replyTo)
    if (!parent) return
    root = parent.root
    topicName = parent.topic // a reply lives where its thread lives
  }
  if (!fitsTopic(op, topicName)) return
  let topic = await ctx.view.get<TopicRecord>(keys.topic(topicName))
  if (!topic && BUILT_IN_TOPICS.has(topicName))
    topic = { name: topicName, postCount: 0, createdBy: ctx.author }
  if (!topic) return
  const seq = meta.seq
  const post: PostRecord = {
    id: op.id,
    author: ctx.author,
    topic: topicName,
    replyTo: op.replyTo,
    root,
    mode: op.mode,
    note: op.note,
    text: op.text,
    at: op.at,
    editedAt: null,
    deleted: false,
    seq,
    writerLength: ctx.node.length,
    ...(ctx.writer !== ctx.author ? { writer: ctx.writer } : {}),
    replyCount: 0,
    reactions: { 'me-too': [], 'hear-you': [], thanks: [] },
    flags: [],
    collapsed: false,
    ...(op.mood !== undefined ? { mood: op.mood } : {}),
    ...(op.resource !== undefined ? { resource: op.resource } : {})
  }
  await placePost(ctx, post)
  await ctx.view.put(keys.meta, { ...meta, seq: seq + 1 })
  if (parent) {
    const rootPost = root === parent.id ? parent : await loadPost(ctx.view, root)
    if (rootPost) await savePost(ctx, { ...rootPost, replyCount: rootPost.replyCount + 1 })
  } else {
    if (!isLean(ctx.version)) await ctx.view.put(keys.feed(topicName, seq), op.id)
    await ctx.view.put(keys.topic(topicName), { ...topic, postCount: topic.postCount + 1 })
  }
}

async function ownLivePost(ctx: Ctx, id: string): Promise<PostRecord | null> {
  const post = await loadPost(ctx.view, id)
  if (!post || post.deleted || post.author !== ctx.author) return null
  return post
}

async function postEdit(ctx: Ctx, op: OpOf<'post/edit'>): Promise<void> {
  if (op.text.trim().length === 0) return
  const post = await ownLivePost(ctx, op.id)
  if (!post) return
  await savePost(ctx, {
    ...post,
    text: op.text,
    mode: op.mode,
    note: op.note,
    editedAt: op.at
  })
}

async function postDelete(ctx: Ctx, op: OpOf<'post/delete'>): Promise<void> {
  const post = await ownLivePost(ctx, op.id)
  if (!post) return
  // The text leaves the view; the thread keeps a placeholder so replies keep their context.
  const emptied: PostRecord = {
    ...post,
    text: '',
    note: null,
    deleted: true,
    reactions: { 'me-too': [], 'hear-you': [], thanks: [] }
  }
  await savePost(ctx, emptied)
  await notePostDeleted(ctx, post)
  if (post.replyTo === null && post.replyCount === 0) {
    await leaveFeed(ctx, emptied)
    const topic = await ctx.view.get<TopicRecord>(keys.topic(post.topic))
    if (topic) await ctx.view.put(keys.topic(post.topic), { ...topic, postCount: topic.postCount - 1 })
  }
}

async function react(ctx: Ctx, op: OpOf<'reaction/add'> | OpOf<'reaction/remove'>): Promise<void> {
  const post = await loadPost(ctx.view, op.postId)
  if (!post || post.deleted || !REACTION_KINDS.includes(op.kind)) return
  const current = post.reactions[op.kind]
  const has = current.includes(ctx.author)
  if (op.type === 'reaction/add' ? has : !has) return
  const next = op.type === 'reaction/add' ? [...current, ctx.author] : current.filter((k) => k !== ctx.author)
  await savePost(ctx, { ...post, reactions: { ...post.reactions, [op.kind]: next } })
}
