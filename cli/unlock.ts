// Opening a profile that may be locked: without a passphrase first, and only
// if the profile says it is locked, with one. A wrong passphrase waits a
// little longer each time before the next try, and is told plainly.
import { setTimeout as sleep } from 'node:timers/promises'
import type { Mutual } from '../core/mutual.js'
import { isMutualError } from '../core/errors.js'
import { wrongTryDelayMs } from '../core/profile/keyring.js'
import { CliError } from './failure.js'
import { complain } from './output.js'
import type { PassphraseSource } from './passphrase.js'

/** Tries at the terminal before giving up; each wrong one waits longer (keyring.ts). */
const MAX_TRIES = 5

export async function openUnlocked(
  make: (passphrase: string | undefined) => Mutual,
  source: () => PassphraseSource
): Promise<Mutual> {
  let passphrase: string | undefined
  let asker: PassphraseSource | null = null
  for (let wrong = 0; ;) {
    const engine = make(passphrase)
    try {
      await engine.ready()
      return engine
    } catch (err) {
      await engine.close().catch(() => undefined)
      if (!isMutualError(err) || (err.code !== 'locked' && err.code !== 'wrong-passphrase')) throw err
      if (err.code === 'wrong-passphrase') {
        wrong++
        await sleep(wrongTryDelayMs(wrong))
        if (!asker?.interactive || wrong >= MAX_TRIES)
          throw new CliError('that passphrase does not open this profile')
        complain("that passphrase doesn't open this profile; take your time and try again")
      }
      asker ??= source()
      passphrase = await asker.next('Passphrase for this Mutual profile: ')
    }
  }
}
