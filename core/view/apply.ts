// Apply turns the linearized ops of all members into the community view.
// It must be deterministic: it reads only the op, its writer key and the view
// itself. No clocks, no randomness, no I/O. A rejected op is skipped the same
// way on every peer, so all views stay identical.
//
// This file only decodes, checks who may act, and routes each op to its
// step: founding.ts, membership.ts, posting.ts, profile.ts, devices.ts,
// governance.ts and reaching.ts.
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
import type { Op } from '../domain/ops.js'
import { noteClock } from './clock.js'
import { keys } from './records.js'
import type { MemberRecord, MetaRecord } from './records.js'
import { ViewWriter } from './writer.js'
import type { Ctx } from './writer.js'
import { retire } from './steps.js'
import { isLean } from './posts.js'
import { setProfile } from './profile.js'
import { authorOf, linkDevice, nameDevice, recoverDevice, registerRecovery, revokeDevice } from './devices.js'
import * as governance from './governance.js'
import * as reaching from './reaching.js'
import * as quota from './quota.js'
import { init } from './founding.js'
import { admit, inviteCreate, inviteRevoke, lapse } from './membership.js'
import { postCreate, postDelete, postEdit, react, topicCreate } from './posting.js'

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
