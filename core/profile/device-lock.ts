// Whether this engine answers now. A profile with a passphrase may start
// locked (nothing of it read until the passphrase comes), and an open one may
// be locked by the person (the app's screen lock). Either way only the lock's
// own requests are answered (rpc/handlers-device.ts). Passphrase tries go one
// at a time, and each wrong one in a row waits longer before it is answered.
import { MutualError, isMutualError } from '../errors.js'
import type { Keychain } from './keyring.js'
import { wrongTryDelayMs } from './keyring.js'
import { ProfileKeys } from './profile-keys.js'

type LockState =
  /** Open and answering. */
  | 'open'
  /** Started locked: the profile has not been read yet. */
  | 'profile'
  /** Open, but locked by the person. */
  | 'screen'
  /** Wiped: nothing is left to answer for. */
  | 'wiped'

interface LockHost {
  readonly storage: string
  readonly keychain: Keychain | null
  /** The open profile's keys, or null before it was opened. */
  keys(): ProfileKeys | null
  /** Opens the profile with keys that just unlocked it; leaves nothing half-open when it fails. */
  openWith(keys: ProfileKeys): Promise<void>
  /** The lock changed: tell the front-ends. */
  changed(locked: boolean): void
}

export class DeviceLock {
  private current: LockState = 'open'
  private wrongTries = 0
  private trying: Promise<void> = Promise.resolve()

  constructor(private readonly host: LockHost) {}

  get state(): LockState {
    return this.current
  }

  get locked(): boolean {
    return this.current !== 'open'
  }

  startedLocked(): void {
    this.current = 'profile'
  }

  wiped(): void {
    this.current = 'wiped'
  }

  /** Locks now: nothing answers but the lock, and notices carry no names until it is unlocked. */
  lockNow(): void {
    if (this.current !== 'open') return
    if (this.host.keys()?.protection !== 'passphrase')
      throw new MutualError('not-allowed', 'set a passphrase first: a lock without one would keep nobody out')
    this.current = 'screen'
    this.host.changed(true)
  }

  /** Opens a profile that started locked, or lifts the person's lock. */
  unlock(passphrase: string): Promise<void> {
    return this.oneAtATime(async () => {
      if (this.current === 'open') return
      if (this.current === 'wiped') throw new MutualError('closed', 'this profile was wiped')
      if (this.current === 'profile') {
        const keys = await ProfileKeys.unlock(this.host.storage, passphrase, this.host.keychain).catch(
          (err: unknown) => {
            if (isMutualError(err) && err.code === 'wrong-passphrase') return null
            throw err
          }
        )
        if (!keys) return this.wrong('that passphrase does not open this profile')
        await this.host.openWith(keys)
      } else if (!(await this.keys().opens(passphrase))) {
        return this.wrong('that passphrase does not open this profile')
      }
      this.wrongTries = 0
      this.current = 'open'
      this.host.changed(false)
    })
  }

  /** Sets or changes the passphrase; a wrong current one waits as a wrong unlock does. */
  setPassphrase(current: string | undefined, next: string): Promise<void> {
    return this.oneAtATime(async () => {
      await this.slowWhenWrong(() => this.keys().setPassphrase(current, next))
      this.host.changed(this.locked)
    })
  }

  removePassphrase(current: string): Promise<void> {
    return this.oneAtATime(async () => {
      await this.slowWhenWrong(() => this.keys().removePassphrase(current))
      this.host.changed(this.locked)
    })
  }

  /** Waits for a try under way, so closing never races an unlock that is opening the profile. */
  settled(): Promise<void> {
    return this.trying
  }

  private keys(): ProfileKeys {
    const keys = this.host.keys()
    if (!keys) throw new MutualError('locked', 'Mutual is locked; unlock it with your passphrase')
    return keys
  }

  private async slowWhenWrong(work: () => Promise<void>): Promise<void> {
    try {
      await work()
      this.wrongTries = 0
    } catch (err) {
      if (isMutualError(err) && err.code === 'wrong-passphrase') return this.wrong(err.message)
      throw err
    }
  }

  private async wrong(message: string): Promise<never> {
    this.wrongTries++
    await new Promise((resolve) => setTimeout(resolve, wrongTryDelayMs(this.wrongTries)))
    throw new MutualError('wrong-passphrase', message)
  }

  private oneAtATime(work: () => Promise<void>): Promise<void> {
    const attempt = this.trying.then(work)
    this.trying = attempt.catch(() => undefined)
    return attempt
  }
}
