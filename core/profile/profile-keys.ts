// The unlocked profile: its keyring and the profile key it opened, and the
// keys derived from that key for each thing kept at rest.
import { MutualError, isMutualError } from '../errors.js'
import { storeKeys } from '../community/store-keys.js'
import type { StoreKeys } from '../community/store-keys.js'
import { Keyring } from './keyring.js'
import type { Keychain } from './keyring.js'
import type { Protection } from '../domain/passphrase.js'
import { derivedKey } from './sealed.js'

export class ProfileKeys {
  private constructor(
    private readonly keyring: Keyring,
    private readonly key: Buffer
  ) {}

  /** Opens the profile's keyring (made on first use), with its passphrase if it has one. */
  static async unlock(
    dir: string,
    passphrase: string | undefined,
    keychain: Keychain | null = null
  ): Promise<ProfileKeys> {
    const keyring = await Keyring.load(dir, keychain)
    return new ProfileKeys(keyring, await keyring.unlock(passphrase))
  }

  get protection(): Protection {
    return this.keyring.protection
  }

  forStore(folder: string): StoreKeys {
    return storeKeys(this.key, folder)
  }

  get profileFile(): Buffer {
    return this.key
  }

  get supportPlan(): Buffer {
    return derivedKey(this.key, 'support-plan')
  }

  /**
   * Sets or changes the passphrase. Changing one needs the current one: an
   * unlocked window left open is not enough to lock its owner out.
   */
  async setPassphrase(current: string | undefined, next: string): Promise<void> {
    await this.confirm(current)
    await this.keyring.setPassphrase(this.key, next)
  }

  async removePassphrase(current: string | undefined): Promise<void> {
    await this.confirm(current)
    await this.keyring.removePassphrase(this.key)
  }

  private async confirm(current: string | undefined): Promise<void> {
    if (this.keyring.protection !== 'passphrase') return
    if (current === undefined)
      throw new MutualError('wrong-passphrase', 'the current passphrase is needed to change it')
    if (!(await this.opens(current)))
      throw new MutualError('wrong-passphrase', 'that is not the current passphrase')
  }

  /** Whether `passphrase` is this profile's passphrase. */
  async opens(passphrase: string): Promise<boolean> {
    const key = await this.keyring.unlock(passphrase).catch((err: unknown) => {
      if (isMutualError(err) && err.code === 'wrong-passphrase') return null
      throw err
    })
    return key?.equals(this.key) === true
  }
}
