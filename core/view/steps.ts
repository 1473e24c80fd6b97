// Steps of apply that more than one kind of op takes.
import { LIMITS } from '../domain/limits.js'
import { keys } from './records.js'
import type { MemberRecord, MetaRecord } from './records.js'
import { updateMeta } from './writer.js'
import { releaseName } from './profile.js'
import type { Ctx } from './writer.js'

/**
 * A member stops being one, by choice or by the others' decision: they are
 * no longer a writer, and their later ops are ignored.
 */
export async function retire(ctx: Ctx, member: MemberRecord, how: { removed: boolean }): Promise<void> {
  const key = Buffer.from(member.key, 'hex')
  // The last indexer cannot be removed; it then stays a writer whose ops are ignored.
  const removable = ctx.host.removeable(key)
  if (removable) await ctx.host.removeWriter(key)
  const stillIndexer = member.indexer && !removable
  await ctx.view.put(keys.member(member.key), {
    ...member,
    left: true,
    removed: how.removed,
    indexer: stillIndexer
  })
  // Their name is free for someone else to take (op version 3).
  await releaseName(ctx, member)
  const meta = await updateMeta(ctx, (m) => ({
    ...m,
    ...(m.agreed !== undefined && member.agreedVersion !== null ? { agreed: m.agreed - 1 } : {}),
    current: m.current - 1,
    indexers: m.indexers - (member.indexer && removable ? 1 : 0)
  }))
  if (meta.indexers < LIMITS.targetIndexers) {
    const promoted = await promoteEarliest(ctx, meta)
    if (promoted > 0) await updateMeta(ctx, (m) => ({ ...m, indexers: m.indexers + promoted }))
  }
}

/** Refill the indexer set with the earliest member who is not one yet. Returns how many were promoted. */
async function promoteEarliest(ctx: Ctx, meta: MetaRecord): Promise<number> {
  for (let order = 0; order < meta.memberCount; order++) {
    const key = await ctx.view.get<string>(keys.memberOrder(order))
    const candidate = key === null ? null : await ctx.view.get<MemberRecord>(keys.member(key))
    if (!candidate || candidate.left || candidate.indexer) continue
    await ctx.host.addWriter(Buffer.from(candidate.key, 'hex'), { indexer: true })
    await ctx.view.put(keys.member(candidate.key), { ...candidate, indexer: true })
    return 1
  }
  return 0
}
