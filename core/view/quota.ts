// What apply keeps from one member, from op version 3 on. Any member can
// append as much as they like to their own writer, and every peer stores
// whatever apply keeps, so apply keeps from each member at most a budget of
// bytes per stretch of the log, and refuses any one op over LIMITS.opBytes
// outright. Ops that change nothing are noted in the view, so each peer can
// clear their blocks from disk once the log is signed past them
// (core/community/sweeper.ts). Communities at op version 2 keep the old rules.
//
// A stretch is counted in log positions, never clocks. It ends when either
// - the community's order counter `meta.seq` has moved STRETCH.seq places
//   (every kept post, reach-out, private line and admission moves it), or
// - the member has appended STRETCH.own entries of their own since it began,
//   refused ones included (their writer length: `node.length`).
//
// Why the own count is there, and why it cannot deadlock: with `meta.seq`
// alone, a community where every active member is over budget would stop for
// good, since only kept ops move the counter and nothing would be kept. A
// member's own writer length moves with every entry they append, kept or not,
// so a member over budget frees themselves by writing on, whatever anyone
// else does; no member ever waits on another.
//
// Why a flood stays bounded: one entry moves each counter by at most one, so a
// member on their own starts a new stretch at most once per STRETCH.own
// entries. A lone flood of maximum-size private lines keeps about 10 in 256
// (about 1 KB an entry rather than 24 KB). A busier community moves
// `meta.seq` faster and so gives everyone more room, in proportion to what
// everyone else wrote.
//
// Legitimate use stays far inside: a budget of STRETCH.own entries averages
// 1 KiB of private lines (a chat line seals to a few hundred bytes; a shared
// support plan to at most 24 KB, ten of them fit) and 8 KiB of view writes
// per entry (a short post writes about 1 KB, so a lone diary or a benchmark
// writing 100,000 short posts from one writer uses an eighth of it).
import type Autobase from 'autobase'
import type { Op } from '../domain/ops.js'
import { LIMITS } from '../domain/limits.js'
import { keys } from './records.js'
import type { MetaRecord } from './records.js'
import type { Ctx, ViewWriter } from './writer.js'

/** The op version these rules start at. */
const SINCE_VERSION = 3

const STRETCH = { seq: 256, own: 256 } as const

const BUDGET = {
  /** Bytes of `private/send` ops kept per stretch. */
  sealed: 256 * 1024,
  /** Bytes every other op wrote to the view per stretch: posts, edits, proposals, reactions... */
  stored: 2 * 1024 * 1024
} as const

/** Refused ops smaller than this are not noted: the note would cost about what clearing them saves. */
const NOTE_REFUSED_FROM = 1024
/** Ranges kept per writer in its `refused/` record, so a flood costs one small record. */
export const MAX_REFUSED_RANGES = 32

/**
 * What one writer has kept in its current stretch, under `quota/<writer>`.
 * A member's linked devices (op version 5) each have their own, so a member
 * holds at most LIMITS.devicesPerMember budgets.
 */
export interface QuotaRecord {
  /** `meta.seq` when the stretch began. */
  seq: number
  /** The member's own writer length when the stretch began. */
  at: number
  /** Bytes of private lines kept. */
  sealed: number
  /** Bytes the member's other ops wrote to the view. */
  stored: number
  /** The block index of the member's last kept op, whatever the stretch. */
  last: number
  /** Posts of the member's kept in the lean layout and not deleted, whatever the stretch (op version 4). */
  posts?: number
}

/**
 * Block ranges [start, end) of one writer's log whose ops changed nothing,
 * oldest first, under `refused/<writer>`.
 */
export type RefusedRecord = [number, number][]

/**
 * Never refused for quota, though still counted: without them a member could
 * not agree, leave, take back a proposal, or let a newcomer in (their device
 * admits on its own).
 */
const EXEMPT: ReadonlySet<Op['type']> = new Set<Op['type']>([
  'community/init',
  'agreements/accept',
  'member/leave',
  'member/device',
  'member/admit',
  'device/revoke',
  'proposal/withdraw'
])

const applies = (version: number | null): version is number => version !== null && version >= SINCE_VERSION

/** An op bigger than any honest one: refused whole, before it is even parsed. */
export function oversized(value: Uint8Array, version: number | null): boolean {
  return applies(version) && value.byteLength > LIMITS.opBytes
}

/** The member's stretch as of this op: the stored one, or a fresh one if it has ended. */
function stretchAt(record: QuotaRecord | null, seq: number, at: number): QuotaRecord {
  if (record && seq < record.seq + STRETCH.seq && at < record.at + STRETCH.own) return record
  return {
    seq,
    at,
    sealed: 0,
    stored: 0,
    last: record?.last ?? -1,
    ...(record?.posts !== undefined ? { posts: record.posts } : {})
  }
}

/**
 * Runs `step` (applying `op`) if its author has room for it in their
 * stretch, then counts what it kept. An op the rules refuse costs nothing.
 */
export async function withinQuota(ctx: Ctx, op: Op, step: () => Promise<void>): Promise<void> {
  if (!applies(ctx.version)) return step()
  const meta = await ctx.view.get<MetaRecord>(keys.meta)
  if (!meta) return step() // founding: nobody has a stretch yet
  const bytes = ctx.node.value?.byteLength ?? 0
  const budget = op.type === 'private/send' ? 'sealed' : 'stored'
  const record = stretchAt(await ctx.view.get<QuotaRecord>(keys.quota(ctx.writer)), meta.seq, ctx.node.length)
  if (!EXEMPT.has(op.type) && record[budget] + bytes > BUDGET[budget]) return
  const before = ctx.view.written
  await step()
  const wrote = ctx.view.written - before
  if (wrote === 0) return
  // What an op costs is what it made every peer keep: its own bytes, or more
  // when it rewrote a bigger record (a reaction rewrites the whole post).
  const next: QuotaRecord = {
    ...record,
    [budget]: record[budget] + Math.max(bytes, wrote),
    last: ctx.node.length - 1,
    ...(ctx.postsKept ? { posts: (record.posts ?? 0) + ctx.postsKept } : {})
  }
  await ctx.view.put(keys.quota(ctx.writer), next)
}

/**
 * Notes that this node changed nothing, so peers may clear its block once it
 * is signed. Only from op version 3, and only for blocks worth clearing.
 */
export async function noteRefused(
  view: ViewWriter,
  node: Autobase.AutobaseNode,
  version: number | null
): Promise<void> {
  if (!applies(version) || node.value === null || node.value.byteLength < NOTE_REFUSED_FROM) return
  const writer = node.from.key.toString('hex')
  const ranges = (await view.get<RefusedRecord>(keys.refused(writer))) ?? []
  const lastKept = (await view.get<QuotaRecord>(keys.quota(writer)))?.last ?? -1
  await view.put(keys.refused(writer), addRefused(ranges, node.length - 1, lastKept))
}

/**
 * Adds one block index (never below what is there: a writer's ops apply in
 * order). Apply never sees acks, nor keeps the small refused ops it does not
 * note, so a gap with no kept op since the last range (`lastKept`) holds only
 * those: the range grows over it.
 */
export function addRefused(ranges: RefusedRecord, index: number, lastKept: number): RefusedRecord {
  const last = ranges[ranges.length - 1]
  if (last && lastKept < last[1]) return [...ranges.slice(0, -1), [last[0], index + 1]]
  if (!last || ranges.length < MAX_REFUSED_RANGES) return [...ranges, [index, index + 1]]
  // Full: the last range grows over the kept ops in between. Once signed, a
  // kept op's block is as safe to clear as a refused one (see sweeper.ts), and
  // what it did is in the view.
  return [...ranges.slice(0, -1), [last[0], index + 1]]
}
