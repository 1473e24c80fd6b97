// My devices in one community (op version 5): what this device hands a new
// one of mine, and the ops that add, name and revoke my writers. Apply checks
// every one of them again (core/view/devices.ts); these checks only keep this
// device from appending what apply would refuse.
import hcrypto from 'hypercore-crypto'
import { linkSignable } from '../domain/device.js'
import type { NotShared } from '../domain/types.js'
import { provesWriter, signAsWriter, writerKeyFor } from '../domain/writer-key.js'
import type { SignerKeyPair } from '../domain/writer-key.js'
import { MutualError } from '../errors.js'
import type { NewWriter, SharedCommunity } from '../linking/channel.js'
import type { ThisDevice } from '../profile/profile.js'
import type { DeviceRecord } from '../view/records.js'
import { DEVICES_SINCE, canAddDevice } from '../view/devices.js'
import type { Community } from './community.js'

/** What a new device of mine needs to write here as me, or why it cannot. */
export async function shareable(community: Community): Promise<SharedCommunity | NotShared> {
  const reader = community.reader()
  const meta = await reader.meta()
  if ((await community.version()) < DEVICES_SINCE) return 'older-version'
  const me = await reader.member(community.me)
  if (!meta || meta.refounded || !community.writable || !me || me.left || (await community.isRevoked()))
    return 'not-writable'
  const encryptionKey = community.base.encryptionKey
  if (!encryptionKey) return 'not-writable'
  return {
    key: community.base.key.toString('hex'),
    encryptionKey: encryptionKey.toString('hex'),
    member: community.me,
    conversationKey: community.conversationsHere
      ? (await community.conversationKeyPair()).secretKey.toString('hex')
      : null,
    name: meta.name
  }
}

/** The signed consent a new writer of mine sends, to be added in a community as `member`. */
export function consentToLink(communityKey: Buffer, member: string, signer: SignerKeyPair): NewWriter {
  const writerKey = writerKeyFor(signer.publicKey)
  const signable = linkSignable(hcrypto.discoveryKey(communityKey), Buffer.from(member, 'hex'), writerKey)
  return {
    key: communityKey.toString('hex'),
    writerKey: writerKey.toString('hex'),
    proof: signAsWriter(signable, signer).toString('hex')
  }
}

/**
 * Adds a new device's writer here as me, first naming this device if it was
 * never named, so the list shows both. False when it cannot be added.
 */
export async function addDevice(
  community: Community,
  writer: NewWriter,
  device: ThisDevice,
  self: ThisDevice
): Promise<boolean> {
  const writerKey = Buffer.from(writer.writerKey, 'hex')
  const signable = linkSignable(community.base.discoveryKey, Buffer.from(community.me, 'hex'), writerKey)
  if (!provesWriter(signable, Buffer.from(writer.proof, 'hex'), writerKey)) return false
  const reader = community.reader()
  const devices = await reader.devices(community.me)
  const view = { get: (key: string) => reader.value<unknown>(key) }
  // What apply would refuse is not appended, so the new device is told the truth.
  if (!(await canAddDevice(view, devices, { writerKey: writer.writerKey, device: device.id }))) return false
  await nameSelf(community, self, devices)
  await community.append({
    type: 'device/link',
    writerKey: writer.writerKey,
    device: device.id,
    name: device.name,
    proof: writer.proof
  })
  return true
}

/** Names this device here if it never was, so my other devices can tell it apart everywhere. */
export async function nameSelf(
  community: Community,
  self: ThisDevice,
  devices?: DeviceRecord[]
): Promise<void> {
  const own = (devices ?? (await myDevices(community))).find((d) => d.writer === community.writerKey)
  if (own && own.device !== self.id)
    await community.append({
      type: 'device/name',
      writerKey: community.writerKey,
      device: self.id,
      name: self.name
    })
}

/** My devices here, as the view lists them. */
export function myDevices(community: Community): Promise<DeviceRecord[]> {
  return community.reader().devices(community.me)
}

export async function renameDevice(
  community: Community,
  writerKey: string,
  device: string,
  name: string
): Promise<void> {
  await community.append({ type: 'device/name', writerKey, device, name })
}

export async function revokeDevice(community: Community, writerKey: string): Promise<void> {
  const devices = await myDevices(community)
  const target = devices.find((d) => d.writer === writerKey)
  if (!target || target.revoked) return
  if (devices.filter((d) => !d.revoked).length < 2)
    throw new MutualError(
      'not-allowed',
      'this is your only device in this community; to stop writing here from it, leave the community instead'
    )
  await community.append({ type: 'device/revoke', writerKey })
}
