// Apply rules for reaching out. Availability and reach-outs are community
// facts; private messages are stored sealed, exactly as written, because
// nobody but the two members can check what is inside.
import type { OpOf } from '../domain/ops.js'
import { keys } from './records.js'
import type { MemberRecord, MetaRecord, ReachRecord, SealedRecord } from './records.js'
import { updateMeta } from './writer.js'
import type { Ctx } from './writer.js'

export async function setAvailability(
  ctx: Ctx,
  member: MemberRecord,
  op: OpOf<'availability/set'>
): Promise<void> {
  const availability = op.kind === null ? null : { kind: op.kind, note: op.note, limit: op.limit }
  await ctx.view.put(keys.member(member.key), { ...member, availability })
}

/** Takes the next place in the agreed order, shared with posts. */
async function nextSeq(ctx: Ctx): Promise<number> {
  const meta = await updateMeta(ctx, (m: MetaRecord) => ({ ...m, seq: m.seq + 1 }))
  return meta.seq - 1
}

export async function reachCreate(ctx: Ctx, op: OpOf<'reach/create'>): Promise<void> {
  if (await ctx.view.get(keys.reach(op.id))) return // ids are first come, first kept
  const seq = await nextSeq(ctx)
  const reach: ReachRecord = {
    id: op.id,
    author: ctx.author,
    context: op.context,
    at: op.at,
    seq,
    answers: [],
    closed: false
  }
  await ctx.view.put(keys.reach(op.id), reach)
  await ctx.view.put(keys.reachOrder(seq), op.id)
}

export async function reachAnswer(ctx: Ctx, op: OpOf<'reach/answer'>): Promise<void> {
  // Since version 3 a bare claim to have answered counts for nothing: see reachAnswered.
  if (ctx.version >= 3) return
  const reach = await ctx.view.get<ReachRecord>(keys.reach(op.id))
  if (!reach || reach.closed || reach.author === ctx.author || reach.answers.includes(ctx.author)) return
  await ctx.view.put(keys.reach(op.id), { ...reach, answers: [...reach.answers, ctx.author] })
}

/**
 * Only the person who reached out can say an answer reached them: their
 * device writes this once it has opened a private answer from someone. So a
 * reach-out never shows as answered while nobody has actually written to them.
 */
export async function reachAnswered(ctx: Ctx, op: OpOf<'reach/answered'>): Promise<void> {
  const reach = await ctx.view.get<ReachRecord>(keys.reach(op.id))
  if (!reach || reach.closed || reach.answered || reach.author !== ctx.author) return
  await ctx.view.put(keys.reach(op.id), { ...reach, answered: true })
}

export async function reachClose(ctx: Ctx, op: OpOf<'reach/close'>): Promise<void> {
  const reach = await ctx.view.get<ReachRecord>(keys.reach(op.id))
  if (!reach || reach.closed || reach.author !== ctx.author) return
  await ctx.view.put(keys.reach(op.id), { ...reach, closed: true })
}

export async function storeSealed(ctx: Ctx, op: OpOf<'private/send'>): Promise<void> {
  const seq = await nextSeq(ctx)
  await updateMeta(ctx, (m) => ({ ...m, sealed: (m.sealed ?? 0) + 1 }))
  const record: SealedRecord = { author: ctx.author, tag: op.tag, nonce: op.nonce, sealed: op.sealed, seq }
  await ctx.view.put(keys.sealed(seq), record)
}
