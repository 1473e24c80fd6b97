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
import type { DeviceRecord, MemberRecord, WriterRecord } from './records.js'
import type { Ctx, ViewWriter } from './writer.js'
import { updateMeta } from './writer.js'
import { refillIndexers } from './indexers.js'

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
export function linkDevice(ctx: Ctx, member: MemberRecord, op: OpOf<'device/link'>): Promise<void> {
  return addWriterAs(ctx, member, op)
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
  const signable = registerSignable(ctx.host.discoveryKey, Buffer.from(member.key, 'hex'))
  if (!hcrypto.verify(signable, Buffer.from(op.proof, 'hex'), Buffer.from(op.key, 'hex'))) return
  if ((await ctx.view.get<string>(keys.recoveryKey(op.key))) !== null) return
  const old = await ctx.view.get<string>(keys.recovery(member.key))
  if (old !== null) await ctx.view.del(keys.recoveryKey(old))
  await ctx.view.put(keys.recovery(member.key), op.key)
  await ctx.view.put(keys.recoveryKey(op.key), member.key)
}

/**
 * Any member adds a device for another member who proved, with their
 * recovery key, that the device is theirs: how a phrase brings a member back
 * when none of their devices is left to link a new one.
 */
export async function recoverDevice(ctx: Ctx, op: OpOf<'device/recover'>): Promise<void> {
  const member = await ctx.view.get<MemberRecord>(keys.member(op.member))
  if (!member || member.left) return
  const key = await ctx.view.get<string>(keys.recovery(op.member))
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
  // A writer that is, or was, anyone already (a member, a device, a refused newcomer) stays what it was.
  if (await ctx.view.get(keys.member(op.writerKey))) return
  if (await ctx.view.get(keys.writer(op.writerKey))) return
  if (await ctx.view.get(keys.admissionRefused(op.writerKey))) return
  const devices = await devicesOf(ctx.view, member.key)
  if (devices.filter((d) => !d.revoked).length >= LIMITS.devicesPerMember) return
  if (devices.length >= DEVICE_RECORDS_MAX) return
  if (devices.some((d) => d.device === op.device)) return
  await ctx.host.addWriter(writerKey, { indexer: false })
  const record: WriterRecord = { member: member.key, revoked: false }
  await ctx.view.put(keys.writer(op.writerKey), record)
  await ctx.view.put(keys.devices(member.key), [
    ...devices,
    { writer: op.writerKey, device: op.device, name: op.name, revoked: false }
  ])
}

export async function nameDevice(ctx: Ctx, member: MemberRecord, op: OpOf<'device/name'>): Promise<void> {
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
 */
export async function revokeDevice(ctx: Ctx, member: MemberRecord, op: OpOf<'device/revoke'>): Promise<void> {
  const devices = await devicesOf(ctx.view, member.key)
  const target = devices.find((d) => d.writer === op.writerKey)
  if (!target || target.revoked) return
  if (devices.filter((d) => !d.revoked).length < 2) return
  const removable = await stopWriting(ctx, op.writerKey)
  const revoked: WriterRecord = { member: member.key, revoked: true }
  await ctx.view.put(keys.writer(op.writerKey), revoked)
  await ctx.view.put(
    keys.devices(member.key),
    devices.map((d) => (d === target ? { ...d, revoked: true } : d))
  )
  if (op.writerKey === member.key && member.indexer && removable) {
    await ctx.view.put(keys.member(member.key), { ...member, indexer: false })
    const meta = await updateMeta(ctx, (m) => ({ ...m, indexers: m.indexers - 1 }))
    await refillIndexers(ctx, meta)
  }
}

/** A member who goes takes their linked devices with them. */
export async function retireDevices(ctx: Ctx, member: MemberRecord): Promise<void> {
  if (ctx.version < DEVICES_SINCE) return
  for (const device of await devicesOf(ctx.view, member.key)) {
    if (device.writer !== member.key && !device.revoked) await stopWriting(ctx, device.writer)
  }
}

/** Whether a member's first writer was revoked: it must never be made an indexer again. */
export async function revokedWriter(view: ViewWriter, writer: string): Promise<boolean> {
  return (await view.get<WriterRecord>(keys.writer(writer)))?.revoked === true
}

async function stopWriting(ctx: Ctx, writer: string): Promise<boolean> {
  const key = Buffer.from(writer, 'hex')
  // The last indexer cannot be removed; it then stays a writer whose ops are ignored.
  const removable = ctx.host.removeable(key)
  if (removable) await ctx.host.removeWriter(key)
  return removable
}
