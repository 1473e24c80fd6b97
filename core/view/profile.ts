// A member's name and colour, and (since op version 3) one name per current
// member: `name/<key>` says who holds each key of a name (core/domain/names.ts).
// A name clashing with another current member's is refused whole, so nobody
// can post under a name others already know as someone else's. Claims are
// decided in log order, so when two members take a name at once the first
// in the agreed order keeps it, on every peer alike.
import { nameKeys } from '../domain/names.js'
import type { OpOf } from '../domain/ops.js'
import { keys } from './records.js'
import type { MemberRecord, MetaRecord } from './records.js'
import type { Ctx } from './writer.js'

export async function setProfile(ctx: Ctx, member: MemberRecord, op: OpOf<'profile/set'>): Promise<void> {
  if (ctx.version >= 3 && !(await claimName(ctx, member, op.displayName))) return
  await ctx.view.put(keys.member(member.key), { ...member, name: op.displayName, color: op.color })
}

/** The founder's name is the first one held (op version 3). */
export async function claimFounderName(ctx: Ctx): Promise<void> {
  if (ctx.version >= 3) await indexNames(ctx)
}

/** A member who leaves or is removed lets go of their name (op version 3). */
export async function releaseName(ctx: Ctx, member: MemberRecord): Promise<void> {
  if (ctx.version < 3 || member.name === null) return
  for (const key of nameKeys(member.name)) await releaseKey(ctx, key, member.key)
}

/** Takes the keys of `name` for `member`, letting go of their old ones; false if another current member holds one. */
async function claimName(ctx: Ctx, member: MemberRecord, name: string): Promise<boolean> {
  const wanted = nameKeys(name)
  if (wanted.length === 0) return false // nothing of it would show
  await indexNames(ctx)
  for (const key of wanted) {
    const holder = await ctx.view.get<string>(keys.name(key))
    if (holder !== null && holder !== member.key && (await isCurrent(ctx, holder))) return false
  }
  if (member.name !== null)
    for (const key of nameKeys(member.name)) if (!wanted.includes(key)) await releaseKey(ctx, key, member.key)
  for (const key of wanted) await ctx.view.put(keys.name(key), member.key)
  return true
}

async function releaseKey(ctx: Ctx, key: string, memberKey: string): Promise<void> {
  if ((await ctx.view.get<string>(keys.name(key))) === memberKey) await ctx.view.del(keys.name(key))
}

async function isCurrent(ctx: Ctx, memberKey: string): Promise<boolean> {
  const member = await ctx.view.get<MemberRecord>(keys.member(memberKey))
  return member !== null && !member.left
}

/**
 * Once, when names first count (at founding, or the first name change after
 * a community adopts op version 3): current members' names are indexed in
 * the order they joined, so where two already share a name the earlier
 * member holds it.
 */
async function indexNames(ctx: Ctx): Promise<void> {
  if (await ctx.view.get(keys.namesIndexed)) return
  const meta = await ctx.view.get<MetaRecord>(keys.meta)
  for (let order = 0; order < (meta?.memberCount ?? 0); order++) {
    const key = await ctx.view.get<string>(keys.memberOrder(order))
    const member = key === null ? null : await ctx.view.get<MemberRecord>(keys.member(key))
    if (!member || member.left || member.name === null) continue
    for (const nameKey of nameKeys(member.name))
      if ((await ctx.view.get(keys.name(nameKey))) === null)
        await ctx.view.put(keys.name(nameKey), member.key)
  }
  await ctx.view.put(keys.namesIndexed, true)
}
