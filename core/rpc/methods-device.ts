// The RPC contract for this device's own protection: the passphrase lock and
// wiping the profile. Params are validated here because every caller is
// untrusted; passphrases come from one schema (domain/passphrase.ts).
import { z } from 'zod'
import { newPassphrase, offeredPassphrase } from '../domain/passphrase.js'
import type { Protection } from '../domain/passphrase.js'

export const deviceMethods = {
  'lock.status': { params: z.object({}).strict() },
  /** Sets or changes the passphrase; changing it needs the current one. */
  'lock.set': {
    params: z.object({ passphrase: newPassphrase, current: offeredPassphrase.optional() }).strict()
  },
  'lock.remove': { params: z.object({ current: offeredPassphrase }).strict() },
  /** Locks the app now (a passphrase must be set). */
  'lock.lockNow': { params: z.object({}).strict() },
  'lock.unlock': { params: z.object({ passphrase: offeredPassphrase }).strict() },
  'lock.setIdle': {
    params: z.object({ minutes: z.number().int().min(0).max(1440, 'at most a day (1,440 minutes)') }).strict()
  },
  /** Removes this device's whole profile; the literal guards against a stray call. */
  'profile.wipe': { params: z.object({ confirm: z.literal('wipe this device') }).strict() }
} as const

/** The methods a locked engine still answers: everything else is refused until it is unlocked. */
export const OPEN_WHILE_LOCKED: ReadonlySet<string> = new Set(['lock.status', 'lock.unlock', 'lock.lockNow'])

export interface LockStatus {
  protection: Protection
  locked: boolean
  /** Minutes without use before the app locks itself; 0 never; null while the profile is not yet open. */
  lockAfterMinutes: number | null
}

export interface DeviceResults {
  'lock.status': LockStatus
  'lock.set': LockStatus
  'lock.remove': LockStatus
  'lock.lockNow': LockStatus
  'lock.unlock': LockStatus
  'lock.setIdle': LockStatus
  'profile.wipe': { wiped: true }
}
