// Keeps the indexer set (the writers who sign the order) filled: when one
// goes, the earliest member who is not one yet takes their place.
import { LIMITS } from '../domain/limits.js'
import { keys } from './records.js'
import type { MemberRecord, MetaRecord } from './records.js'
import { devicesOf } from './devices.js'
import { updateMeta } from './writer.js'
import type { Ctx } from './writer.js'

export async function refillIndexers(ctx: Ctx, meta: MetaRecord): Promise<void> {
  if (meta.indexers >= LIMITS.targetIndexers) return
  const promoted = await promoteEarliest(ctx, meta)
  if (promoted > 0) await updateMeta(ctx, (m) => ({ ...m, indexers: m.indexers + promoted }))
}

/** Refill the indexer set with the earliest member who is not one yet. Returns how many were promoted. */
async function promoteEarliest(ctx: Ctx, meta: MetaRecord): Promise<number> {
  for (let order = 0; order < meta.memberCount; order++) {
    const key = await ctx.view.get<string>(keys.memberOrder(order))
    const candidate = key === null ? null : await ctx.view.get<MemberRecord>(keys.member(key))
    if (!candidate || candidate.left || candidate.indexer) continue
    // The member's first writer, or, if it was revoked as lost, their earliest device still theirs (op version 5).
    const writer = (await devicesOf(ctx.view, candidate.key)).find((d) => !d.revoked)?.writer
    if (writer === undefined) continue
    await ctx.host.addWriter(Buffer.from(writer, 'hex'), { indexer: true })
    await ctx.view.put(
      keys.member(candidate.key),
      writer === candidate.key
        ? { ...candidate, indexer: true }
        : { ...candidate, indexer: true, indexerWriter: writer }
    )
    return 1
  }
  return 0
}
