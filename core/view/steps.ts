// Steps of apply that more than one kind of op takes.
import { keys } from './records.js'
import type { MemberRecord } from './records.js'
import { updateMeta } from './writer.js'
import { releaseName } from './profile.js'
import type { Ctx } from './writer.js'
import { stopAllWriters } from './devices.js'
import { refillIndexers } from './indexers.js'

/**
 * A member stops being one, by choice or by the others' decision: they are
 * no longer a writer, and their later ops are ignored.
 */
export async function retire(ctx: Ctx, member: MemberRecord, how: { removed: boolean }): Promise<void> {
  const indexerGone = await stopAllWriters(ctx, member)
  await ctx.view.put(keys.member(member.key), {
    ...member,
    left: true,
    removed: how.removed,
    indexer: member.indexer && !indexerGone
  })
  // Their name is free for someone else to take (op version 3).
  await releaseName(ctx, member)
  const meta = await updateMeta(ctx, (m) => ({
    ...m,
    ...(m.agreed !== undefined && member.agreedVersion !== null ? { agreed: m.agreed - 1 } : {}),
    current: m.current - 1,
    indexers: m.indexers - (indexerGone ? 1 : 0)
  }))
  await refillIndexers(ctx, meta)
}
