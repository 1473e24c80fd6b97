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
import type { Op, OpOf } from '../domain/ops.js'
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
  // The step under op.type takes exactly that op; TypeScript cannot follow the key to the union member.
  const step = STEPS[op.type] as (ctx: Ctx, op: Op, by: Actor) => Promise<void>
  return step(ctx, op, { member, meta })
}

/** Who acts (a current member) and the community's meta record as the op finds them. */
interface Actor {
  member: MemberRecord
  meta: MetaRecord
}
type Step<T extends Op['type']> = (ctx: Ctx, op: OpOf<T>, by: Actor) => Promise<void>

/** Each op's step; founding comes before anyone is a member, so it is routed above. */
const STEPS: { [T in Exclude<Op['type'], 'community/init'>]: Step<T> } = {
  'invite/create': (ctx, op) => inviteCreate(ctx, op),
  'invite/revoke': (ctx, op) => inviteRevoke(ctx, op),
  'invite/second': (ctx, op) => governance.secondInvite(ctx, op),
  'member/admit': (ctx, op, { meta }) => admit(ctx, meta, op),
  'member/leave': async (ctx, _op, { member }) => {
    await retire(ctx, member, { removed: false })
    // Fewer members can mean an open proposal now has what it needs.
    await governance.recountOpen(ctx)
  },
  'member/lapse': (ctx, op, { member }) => lapse(ctx, member, op),
  'member/device': (ctx, op, { member }) => governance.claimDevice(ctx, member, op),
  'device/link': (ctx, op, { member }) => linkDevice(ctx, member, op),
  'device/name': (ctx, op, { member }) => nameDevice(ctx, member, op),
  'device/revoke': (ctx, op, { member }) => revokeDevice(ctx, member, op),
  'member/recovery': (ctx, op, { member }) => registerRecovery(ctx, member, op),
  'device/recover': (ctx, op) => recoverDevice(ctx, op),
  'agreements/accept': (ctx, op, { member }) => governance.accept(ctx, member, op),
  'proposal/create': (ctx, op) => governance.propose(ctx, op),
  'proposal/revise': (ctx, op) => governance.revise(ctx, op),
  'proposal/withdraw': (ctx, op) => governance.withdraw(ctx, op),
  'proposal/respond': (ctx, op) => governance.respond(ctx, op),
  'proposal/unrespond': (ctx, op) => governance.respond(ctx, op),
  'flag/add': (ctx, op) => governance.flag(ctx, op),
  'flag/remove': (ctx, op) => governance.flag(ctx, op),
  'profile/set': (ctx, op, { member }) => setProfile(ctx, member, op),
  'topic/create': (ctx, op) => topicCreate(ctx, op),
  'post/create': (ctx, op, { meta }) => postCreate(ctx, meta, op),
  'post/edit': (ctx, op) => postEdit(ctx, op),
  'post/delete': (ctx, op) => postDelete(ctx, op),
  'reaction/add': (ctx, op) => react(ctx, op),
  'reaction/remove': (ctx, op) => react(ctx, op),
  'availability/set': (ctx, op, { member }) => reaching.setAvailability(ctx, member, op),
  'reach/create': (ctx, op) => reaching.reachCreate(ctx, op),
  'reach/answer': (ctx, op) => reaching.reachAnswer(ctx, op),
  'reach/answered': (ctx, op) => reaching.reachAnswered(ctx, op),
  'reach/close': (ctx, op) => reaching.reachClose(ctx, op),
  'private/send': (ctx, op) => reaching.storeSealed(ctx, op)
}
