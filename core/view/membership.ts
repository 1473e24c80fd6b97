// Membership steps of apply: invites made and withdrawn, newcomers let in by
// an invite, and places never taken up that lapse. Every check is made again
// here from the view, whatever the member who appended the op believed.
import type { OpOf } from '../domain/ops.js'
import { settingsFrom } from '../domain/governance.js'
import type { Settings } from '../domain/governance.js'
import { LIMITS } from '../domain/limits.js'
import { admissionSignable } from '../domain/admission.js'
import { provesWriter } from '../domain/writer-key.js'
import { vouchedTime } from './clock.js'
import { keys } from './records.js'
import type { InviteRecord, MemberRecord, MetaRecord } from './records.js'
import { blankLog, logEvent, putMember, updateMeta } from './writer.js'
import type { Ctx } from './writer.js'
import { retire } from './steps.js'
import * as governance from './governance.js'

export async function inviteCreate(ctx: Ctx, op: OpOf<'invite/create'>): Promise<void> {
  if (await ctx.view.get(keys.invite(op.inviteId))) return
  const settings = settingsFrom(await ctx.view.get<Settings>(keys.settings))
  const invite: InviteRecord = {
    needsSecond: settings.invite === 'second-member',
    secondedBy: null,
    id: op.inviteId,
    publicKey: op.publicKey,
    expiresAt: op.expiresAt,
    maxUses: op.maxUses,
    uses: 0,
    revoked: false,
    createdBy: ctx.author
  }
  await ctx.view.put(keys.invite(op.inviteId), invite)
}

export async function inviteRevoke(ctx: Ctx, op: OpOf<'invite/revoke'>): Promise<void> {
  const invite = await ctx.view.get<InviteRecord>(keys.invite(op.inviteId))
  if (!invite || invite.revoked) return
  await ctx.view.put(keys.invite(op.inviteId), { ...invite, revoked: true })
}

export async function admit(ctx: Ctx, meta: MetaRecord, op: OpOf<'member/admit'>): Promise<void> {
  const invite = await ctx.view.get<InviteRecord>(keys.invite(op.inviteId))
  // Since version 3 the newcomer's own signature must show they hold the key being admitted.
  if (ctx.version >= 3 && !admissionProven(ctx, op)) return
  if (!invite || invite.revoked || op.at > invite.expiresAt) return
  if (invite.needsSecond && invite.secondedBy === null) return
  const existing = await ctx.view.get<MemberRecord>(keys.member(op.writerKey))
  if (existing) return
  // A linked device's writer is already someone's (op version 5).
  if (await ctx.view.get(keys.writer(op.writerKey))) return
  if (invite.uses >= invite.maxUses) {
    // Two members let two people in with the last use at once: the loser is told why, not left waiting.
    if (ctx.version >= 3)
      await ctx.view.put(keys.admissionRefused(op.writerKey), { inviteId: invite.id, reason: 'invite-used' })
    return
  }
  const indexer = meta.indexers < LIMITS.targetIndexers
  await ctx.host.addWriter(Buffer.from(op.writerKey, 'hex'), { indexer })
  await ctx.view.put(keys.invite(invite.id), { ...invite, uses: invite.uses + 1 })
  await putMember(ctx, {
    key: op.writerKey,
    name: null,
    color: null,
    order: meta.memberCount,
    joinedSeq: meta.seq,
    indexer,
    left: false,
    removed: false,
    inviteId: invite.id,
    agreedVersion: null,
    device: null,
    ...(ctx.version >= 3 ? { admittedAt: op.at } : {})
  })
  await updateMeta(ctx, (m) => ({
    ...m,
    seq: m.seq + 1,
    memberCount: m.memberCount + 1,
    current: m.current + 1,
    indexers: m.indexers + (indexer ? 1 : 0)
  }))
}

function admissionProven(ctx: Ctx, op: OpOf<'member/admit'>): boolean {
  if (op.proof === undefined) return false
  const writerKey = Buffer.from(op.writerKey, 'hex')
  const signable = admissionSignable(ctx.host.discoveryKey, Buffer.from(op.inviteId, 'hex'), writerKey)
  return provesWriter(signable, Buffer.from(op.proof, 'hex'), writerKey)
}

/**
 * Someone let in who never finished joining (they wrote nothing: no name, no
 * "I agree", no device) stops being a member, and the invite use comes back.
 * The newcomer may withdraw at once (a cancelled join); anyone else only once
 * a day has passed since the admission, by the clocks the two ops carry.
 */
export async function lapse(ctx: Ctx, author: MemberRecord, op: OpOf<'member/lapse'>): Promise<void> {
  const target = await ctx.view.get<MemberRecord>(keys.member(op.member))
  if (
    !target ||
    target.left ||
    target.name !== null ||
    target.agreedVersion !== null ||
    target.device !== null
  )
    return
  if (op.member !== ctx.author) {
    if (author.agreedVersion === null || target.admittedAt === undefined) return
    // A day must have passed by the lapser's clock and by another member's, not theirs alone.
    const due = target.admittedAt + LIMITS.admissionLapseMs
    const meta = await ctx.view.get<MetaRecord>(keys.meta)
    if (!meta || op.at < due || vouchedTime(meta, [ctx.author, op.member]) < due) return
  }
  await retire(ctx, target, { removed: false })
  const retired = await ctx.view.get<MemberRecord>(keys.member(op.member))
  if (retired) await ctx.view.put(keys.member(op.member), { ...retired, lapsed: true })
  // The use comes back, but only so often: otherwise one invite could admit and lapse forever.
  const invite = target.inviteId ? await ctx.view.get<InviteRecord>(keys.invite(target.inviteId)) : null
  if (invite && invite.uses > 0 && (invite.lapses ?? 0) < invite.maxUses)
    await ctx.view.put(keys.invite(invite.id), {
      ...invite,
      uses: invite.uses - 1,
      lapses: (invite.lapses ?? 0) + 1
    })
  await logEvent(ctx, { ...blankLog, kind: 'lapsed', actor: ctx.author, member: op.member, at: op.at })
  await governance.recountOpen(ctx)
}
