// Times in ops are their authors' claims. Where a rule must wait for time to
// pass (a place lapsing after a day), one member's claim is not enough: a
// hostile member could stamp any time. So the community keeps the latest time
// claimed by each of its two most recent distinct authors, and a waiting rule
// asks for a time vouched for by someone other than the members concerned.
import type { Op } from '../domain/ops.js'
import { keys } from './records.js'
import type { MetaRecord } from './records.js'
import type { Ctx } from './writer.js'

const KEPT = 2

export async function noteClock(ctx: Ctx, op: Op): Promise<void> {
  if (!('at' in op) || typeof op.at !== 'number') return
  const meta = await ctx.view.get<MetaRecord>(keys.meta)
  if (!meta) return
  const clock = meta.clock ?? []
  const mine = clock.find((c) => c.by === ctx.author)
  if (mine && mine.at >= op.at) return
  const next = [{ by: ctx.author, at: op.at }, ...clock.filter((c) => c.by !== ctx.author)]
    .sort((a, b) => b.at - a.at || a.by.localeCompare(b.by))
    .slice(0, KEPT)
  if (next.every((c, i) => clock[i]?.by === c.by && clock[i]?.at === c.at)) return
  await ctx.view.put(keys.meta, { ...meta, clock: next })
}

/** The latest time claimed by a member other than `excluding`; 0 when nobody else has claimed one. */
export function vouchedTime(meta: MetaRecord, excluding: readonly string[]): number {
  return (meta.clock ?? []).find((c) => !excluding.includes(c.by))?.at ?? 0
}
