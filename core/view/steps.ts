// Steps of apply that more than one kind of op takes.
import { keys } from './records.js'
import type { MemberRecord } from './records.js'
import { updateMeta } from './writer.js'
import { releaseName } from './profile.js'
import type { Ctx } from './writer.js'
import { retireDevices, revokedWriter } from './devices.js'
import { refillIndexers } from './indexers.js'

/**
 * A member stops being one, by choice or by the others' decision: they are
 * no longer a writer, and their later ops are ignored.
 */
export async function retire(ctx: Ctx, member: MemberRecord, how: { removed: boolean }): Promise<void> {
  const key = Buffer.from(member.key, 'hex')
  // The last indexer cannot be removed; it then stays a writer whose ops are ignored.
  // A first writer already revoked as lost is no writer any more.
  const removable = !(await revokedWriter(ctx.view, member.key)) && ctx.host.removeable(key)
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
  await retireDevices(ctx, member)
  await refillIndexers(ctx, meta)
}
