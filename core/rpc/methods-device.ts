// The RPC contract for this device's own protection: the passphrase lock and
// wiping the profile. Params are validated here because every caller is
// untrusted; passphrases come from the keyring's own schemas.
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
  /** Removes this device's whole profile; the literal guards against a stray call. */
  'profile.wipe': { params: z.object({ confirm: z.literal('wipe this device') }).strict() }
} as const

export interface DeviceResults {
  'lock.status': { protection: Protection }
  'lock.set': { protection: Protection }
  'lock.remove': { protection: Protection }
  'profile.wipe': { wiped: true }
}
