// One member, several devices (op version 5). Each device has its own
// writer; a linked writer speaks as the member who linked it, so names,
// reactions, consent and quotas of standing count the member once. Who
// wrote an op is always proven by Autobase (the writer that appended it);
// which member that writer speaks for is only ever what the view says.
import { LIMITS } from '../domain/limits.js'
import type { OpOf } from '../domain/ops.js'
import hcrypto from 'hypercore-crypto'
import { linkSignable } from '../domain/device.js'
import { registerSignable, restoreSignable } from '../domain/recovery.js'
import { provesWriter } from '../domain/writer-key.js'
import { keys } from './records.js'
import type { DeviceRecord, MemberRecord, RecoveryRecord, WriterRecord } from './records.js'
import type { Ctx, ViewWriter } from './writer.js'

/** Devices a member may have held in all, revoked ones included: the record stays small. */
const DEVICE_RECORDS_MAX = LIMITS.devicesPerMember * 4

/** The version devices start at: before it every writer is a member of its own. */
export const DEVICES_SINCE = 5

/**
 * The member an op speaks for: the writer itself, the member who linked it,
 * or null for a revoked writer, whose ops change nothing.
 */
export async function authorOf(
  view: ViewWriter,
  writer: string,
  version: number | null
): Promise<string | null> {
  if (version === null || version < DEVICES_SINCE) return writer
  const record = await view.get<WriterRecord>(keys.writer(writer))
  if (!record) return writer
  return record.revoked ? null : record.member
}

/** A member's devices; the first writer is always one, named or not. */
export async function devicesOf(view: ViewWriter, member: string): Promise<DeviceRecord[]> {
  const stored = await view.get<DeviceRecord[]>(keys.devices(member))
  return stored ?? [{ writer: member, device: null, name: null, revoked: false }]
}

/** Adds a writer as one of the author's devices, if the writer's own signature asks for exactly that. */
export async function linkDevice(ctx: Ctx, member: MemberRecord, op: OpOf<'device/link'>): Promise<void> {
  if (ctx.version < DEVICES_SINCE) return
  await addWriterAs(ctx, member, op)
}

/**
 * Records the member's recovery key, proven by its own signature. A newer
 * key replaces theirs; a key already someone's stays theirs.
 */
export async function registerRecovery(
  ctx: Ctx,
  member: MemberRecord,
  op: OpOf<'member/recovery'>
): Promise<void> {
  if (ctx.version < DEVICES_SINCE) return
  const signable = registerSignable(ctx.host.discoveryKey, Buffer.from(member.key, 'hex'))
  if (!hcrypto.verify(signable, Buffer.from(op.proof, 'hex'), Buffer.from(op.key, 'hex'))) return
  if ((await ctx.view.get<string>(keys.recoveryKey(op.key))) !== null) return
  await forgetRecovery(ctx, member.key)
  // Which device recorded it: should that device be revoked, its key goes with it.
  const record: RecoveryRecord = { key: op.key, by: ctx.writer }
  await ctx.view.put(keys.recovery(member.key), record)
  await ctx.view.put(keys.recoveryKey(op.key), member.key)
}

async function forgetRecovery(ctx: Ctx, member: string): Promise<void> {
  const old = await ctx.view.get<RecoveryRecord>(keys.recovery(member))
  if (old === null) return
  await ctx.view.del(keys.recoveryKey(old.key))
  await ctx.view.del(keys.recovery(member))
}

/**
 * Any member adds a device for another member who proved, with their
 * recovery key, that the device is theirs: how a phrase brings a member back
 * when none of their devices is left to link a new one.
 */
export async function recoverDevice(ctx: Ctx, op: OpOf<'device/recover'>): Promise<void> {
  if (ctx.version < DEVICES_SINCE) return
  const member = await ctx.view.get<MemberRecord>(keys.member(op.member))
  if (!member || member.left) return
  const key = (await ctx.view.get<RecoveryRecord>(keys.recovery(op.member)))?.key ?? null
  if (key === null) return
  const signable = restoreSignable(
    ctx.host.discoveryKey,
    Buffer.from(op.member, 'hex'),
    Buffer.from(op.writerKey, 'hex')
  )
  if (!hcrypto.verify(signable, Buffer.from(op.recoveryProof, 'hex'), Buffer.from(key, 'hex'))) return
  await addWriterAs(ctx, member, op)
}

async function addWriterAs(
  ctx: Ctx,
  member: MemberRecord,
  op: { writerKey: string; device: string; name: string; proof: string }
): Promise<void> {
  const writerKey = Buffer.from(op.writerKey, 'hex')
  const signable = linkSignable(ctx.host.discoveryKey, Buffer.from(member.key, 'hex'), writerKey)
  if (!provesWriter(signable, Buffer.from(op.proof, 'hex'), writerKey)) return
  const devices = await devicesOf(ctx.view, member.key)
  if (!(await canAddDevice(ctx.view, devices, op))) return
  await ctx.host.addWriter(writerKey, { indexer: false })
  const record: WriterRecord = { member: member.key, revoked: false }
  await ctx.view.put(keys.writer(op.writerKey), record)
  await ctx.view.put(keys.devices(member.key), [
    ...devices,
    { writer: op.writerKey, device: op.device, name: op.name, revoked: false }
  ])
}

/**
 * Whether a writer can become one of a member's devices: it is nobody yet (a
 * writer that is or was a member, a device or a refused newcomer stays what
 * it was), the member has room, and the device id is new to them. Apply and
 * the devices that append for others (recovery-desk.ts) ask the same.
 */
export async function canAddDevice(
  view: { get(key: string): Promise<unknown> },
  devices: DeviceRecord[],
  add: { writerKey: string; device: string }
): Promise<boolean> {
  if (await view.get(keys.member(add.writerKey))) return false
  if (await view.get(keys.writer(add.writerKey))) return false
  if (await view.get(keys.admissionRefused(add.writerKey))) return false
  if (devices.filter((d) => !d.revoked).length >= LIMITS.devicesPerMember) return false
  if (devices.length >= DEVICE_RECORDS_MAX) return false
  return !devices.some((d) => d.device === add.device)
}

export async function nameDevice(ctx: Ctx, member: MemberRecord, op: OpOf<'device/name'>): Promise<void> {
  if (ctx.version < DEVICES_SINCE) return
  const devices = await devicesOf(ctx.view, member.key)
  const target = devices.find((d) => d.writer === op.writerKey)
  if (!target || target.revoked) return
  if (devices.some((d) => d.device === op.device && d.writer !== op.writerKey)) return
  await ctx.view.put(
    keys.devices(member.key),
    devices.map((d) => (d === target ? { ...d, device: op.device, name: op.name } : d))
  )
}

/**
 * A lost or given-away device stops being a writer. The member keeps at
 * least one: with none left, leaving is the way out. A revoked first writer
 * (the member's key) stays the member's name; only its ops stop counting.
 * If the revoked writer held the member's place among the indexers, another
 * of their devices takes it first, so revoking never wears the indexer set
 * down, nor leaves a lost device as the one that signs the order.
 */
export async function revokeDevice(ctx: Ctx, member: MemberRecord, op: OpOf<'device/revoke'>): Promise<void> {
  if (ctx.version < DEVICES_SINCE) return
  const devices = await devicesOf(ctx.view, member.key)
  const target = devices.find((d) => d.writer === op.writerKey)
  if (!target || target.revoked) return
  const heir = devices.find((d) => !d.revoked && d !== target)
  if (!heir) return
  if (member.indexer && indexerWriterOf(member) === op.writerKey) {
    await ctx.host.addWriter(Buffer.from(heir.writer, 'hex'), { indexer: true })
    const { indexerWriter: _old, ...rest } = member
    await ctx.view.put(
      keys.member(member.key),
      heir.writer === member.key ? rest : { ...rest, indexerWriter: heir.writer }
    )
  }
  await stopWriting(ctx, op.writerKey)
  const revoked: WriterRecord = { member: member.key, revoked: true }
  await ctx.view.put(keys.writer(op.writerKey), revoked)
  await ctx.view.put(
    keys.devices(member.key),
    devices.map((d) => (d === target ? { ...d, revoked: true } : d))
  )
  // A recovery key a lost device recorded could bring whoever holds it straight back.
  if ((await ctx.view.get<RecoveryRecord>(keys.recovery(member.key)))?.by === op.writerKey)
    await forgetRecovery(ctx, member.key)
}

/** The writer that holds a member's place among the indexers. */
function indexerWriterOf(member: MemberRecord): string {
  return member.indexerWriter ?? member.key
}

/**
 * Every writer of a member who goes stops: their first writer and every
 * linked device. True when their place among the indexers was given up (the
 * last indexer cannot be removed: it stays a writer whose ops are ignored).
 */
export async function stopAllWriters(ctx: Ctx, member: MemberRecord): Promise<boolean> {
  const indexerGone = member.indexer && ctx.host.removeable(Buffer.from(indexerWriterOf(member), 'hex'))
  for (const device of await devicesOf(ctx.view, member.key)) {
    if (!device.revoked) await stopWriting(ctx, device.writer)
  }
  return indexerGone
}

async function stopWriting(ctx: Ctx, writer: string): Promise<boolean> {
  const key = Buffer.from(writer, 'hex')
  // The last indexer cannot be removed; it then stays a writer whose ops are ignored.
  const removable = ctx.host.removeable(key)
  if (removable) await ctx.host.removeWriter(key)
  return removable
}
