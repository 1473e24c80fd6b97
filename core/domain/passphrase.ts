// What a passphrase may be, and how a profile can be protected at rest: one
// source for the keyring (core/profile/keyring.ts), the RPC and the app.
import { z } from 'zod'

/**
 * 'none': the profile key lies beside the data; 'keychain': the desktop app
 * keeps it sealed by the operating system's keychain for this user account;
 * 'passphrase': it is wrapped under the member's passphrase.
 */
export const PROTECTIONS = ['none', 'keychain', 'passphrase'] as const
export type Protection = (typeof PROTECTIONS)[number]

const PASSPHRASE_MIN = 8
const PASSPHRASE_MAX = 1024

/** A new passphrase. */
export const newPassphrase = z
  .string()
  .refine((p) => [...p].length >= PASSPHRASE_MIN, `a passphrase needs at least ${PASSPHRASE_MIN} characters`)
  .refine((p) => p.length <= PASSPHRASE_MAX, `a passphrase can have at most ${PASSPHRASE_MAX} characters`)

/** A passphrase offered to unlock: only bounded, so a huge one cannot tie up the hashing. */
export const offeredPassphrase = z.string().max(PASSPHRASE_MAX, 'that is longer than any passphrase')
