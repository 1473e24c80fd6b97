// The RPC contract for my devices: linking another device as the same
// member, and naming and revoking my devices. Params are validated here
// because every caller is untrusted.
import { z } from 'zod'
import { LIMITS } from '../domain/limits.js'
import { attemptId, deviceId, isId, writerKey } from '../domain/ids.js'
import type {
  DeviceInfo,
  LinkResult,
  RecoveryPhrase,
  RecoveryStatus,
  RestoreResult
} from '../domain/types.js'

/** A device is named by the id it chose, or by its writer key (a device never named has no id yet). */
const device = z.string().refine((s) => isId(deviceId, s) || isId(writerKey, s), 'not a device id')
const deviceName = z.string().trim().min(1, 'give the device a name').max(LIMITS.deviceName)
const offerId = attemptId
const linkId = attemptId

export const linkingMethods = {
  'devices.list': { params: z.object({}).strict() },
  'devices.rename': { params: z.object({ id: device, name: deviceName }).strict() },
  /** Stops a lost device writing as me in every community; it keeps what it already holds. */
  'devices.revoke': { params: z.object({ id: device }).strict() },
  /** Shows a one-time code another device of mine can link with; 'link-request' asks for the answer. */
  'devices.offerLink': { params: z.object({}).strict() },
  'devices.answerLink': { params: z.object({ offerId, accept: z.boolean() }).strict() },
  'devices.cancelOffer': { params: z.object({ offerId }).strict() },
  /** Links this device to the one showing `code`, as the same member; 'link-progress' says where it is. */
  'devices.link': {
    params: z
      .object({ code: z.string().min(1).max(1000), name: deviceName, linkId: linkId.optional() })
      .strict()
  },
  'devices.cancelLink': { params: z.object({ linkId }).strict() },
  'devices.recoveryStatus': { params: z.object({}).strict() },
  /** A new 24-word phrase, shown once; it replaces any earlier one. `backup` also seals conversations and plan with it. */
  'devices.recoveryPhrase': { params: z.object({ backup: z.boolean() }).strict() },
  /** Brings my membership back on this (fresh) device from the phrase, through any member online. */
  'devices.restore': {
    params: z
      .object({
        phrase: z.string().min(1).max(1000),
        name: deviceName,
        backup: z.string().max(4_000_000).optional(),
        linkId: linkId.optional()
      })
      .strict()
  }
} as const

export interface LinkingResults {
  'devices.list': DeviceInfo[]
  'devices.rename': { ok: true }
  'devices.revoke': { ok: true }
  'devices.offerLink': { offerId: string; code: string; expiresAt: number }
  'devices.answerLink': { ok: true }
  'devices.cancelOffer': { ok: true }
  'devices.link': LinkResult
  'devices.cancelLink': { cancelled: boolean }
  'devices.recoveryStatus': RecoveryStatus
  'devices.recoveryPhrase': RecoveryPhrase
  'devices.restore': RestoreResult
}
