// The profile key: one random key from which every secret this profile keeps
// at rest is protected (the profile file, the support plan, each community's
// store seed and encryption key; see sealed.ts). keyring.json holds it:
// wrapped under a key derived from the member's passphrase with Argon2id;
// or, without a passphrase, sealed by the operating system's keychain where
// the desktop app has one; or else as it is, as safe as the folder's
// permissions. Changing how it is kept rewrites this one small file and
// nothing else.
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import sodium from 'sodium-universal'
import { z } from 'zod'
import { hexBytes as hex } from '../domain/ids.js'
import { MutualError } from '../errors.js'
import { KEY_BYTES, SEALED_PROFILE, open, randomKey, seal, writeDurably } from './sealed.js'
import { newPassphrase } from '../domain/passphrase.js'
import type { Protection } from '../domain/passphrase.js'

export const KEYRING_FILE = 'keyring.json'

/** Argon2id at libsodium's "moderate" cost: about a second and 256 MB per try on a laptop. */
const KDF = {
  opslimit: sodium.crypto_pwhash_OPSLIMIT_MODERATE,
  memlimit: sodium.crypto_pwhash_MEMLIMIT_MODERATE
}
const keyringFile = z.discriminatedUnion('protection', [
  z.object({ format: z.literal(1), protection: z.literal('none'), key: hex(KEY_BYTES) }),
  z.object({
    format: z.literal(1),
    protection: z.literal('keychain'),
    sealed: z.string().regex(/^[A-Za-z0-9+/]{1,4096}={0,2}$/)
  }),
  z.object({
    format: z.literal(1),
    protection: z.literal('passphrase'),
    kdf: z.object({
      salt: hex(sodium.crypto_pwhash_SALTBYTES),
      // Bounded, so a planted file cannot make opening take hours or all memory.
      opslimit: z.number().int().min(sodium.crypto_pwhash_OPSLIMIT_MIN).max(16),
      memlimit: z
        .number()
        .int()
        .min(sodium.crypto_pwhash_MEMLIMIT_MIN)
        .max(1024 * 1024 * 1024)
    }),
    sealed: z.string().regex(/^[0-9a-f]+$/)
  })
])
type KeyringFile = z.infer<typeof keyringFile>

function checkPassphrase(passphrase: string): void {
  const result = newPassphrase.safeParse(passphrase)
  if (!result.success)
    throw new MutualError('bad-request', result.error.issues[0]?.message ?? 'not a passphrase')
}

/** Seconds to wait before answering the nth wrong passphrase in a row: 1, 2, 4, ... up to 30. */
export function wrongTryDelayMs(wrongTries: number): number {
  return wrongTries <= 0 ? 0 : Math.min(30_000, 1000 * 2 ** (wrongTries - 1))
}

/** The operating system's keychain, as the desktop app reaches it (Electron safeStorage). */
export interface Keychain {
  seal(secret: Buffer): Promise<Buffer>
  open(sealed: Buffer): Promise<Buffer>
}

export class Keyring {
  private writing: Promise<void> = Promise.resolve()

  private constructor(
    private readonly file: string,
    private state: KeyringFile,
    private readonly keychain: Keychain | null
  ) {}

  get protection(): Protection {
    return this.state.protection
  }

  /**
   * The profile's keyring; a profile without one (new, or from before locks
   * existed) gets a fresh key. With a keychain, a key kept as it is moves
   * under the keychain, once the keychain has shown it can open what it sealed.
   */
  static async load(dir: string, keychain: Keychain | null = null): Promise<Keyring> {
    const file = join(dir, KEYRING_FILE)
    let raw: string
    try {
      raw = await readFile(file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      // A sealed profile file means a keyring was here: a fresh key would open none of it.
      if (await exists(join(dir, SEALED_PROFILE)))
        throw new MutualError(
          'internal',
          `${file} is missing; without it nothing in this profile can be opened. Restore it from a backup if you have one`
        )
      const ring = new Keyring(
        file,
        { format: 1, protection: 'none', key: randomKey().toString('hex') },
        keychain
      )
      await ring.keepWithoutPassphrase(await ring.unlock(undefined))
      return ring
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      parsed = null
    }
    const result = keyringFile.safeParse(parsed)
    if (!result.success)
      throw new MutualError(
        'internal',
        `${file} is damaged; without it nothing in this profile can be opened. Restore it from a backup if you have one`
      )
    const ring = new Keyring(file, result.data, keychain)
    if (ring.protection === 'none' && keychain) await ring.keepWithoutPassphrase(await ring.unlock(undefined))
    return ring
  }

  /** The profile key; a locked profile needs its passphrase, and a wrong one is refused plainly. */
  async unlock(passphrase: string | undefined): Promise<Buffer> {
    const state = this.state
    if (state.protection === 'none') return Buffer.from(state.key, 'hex')
    if (state.protection === 'keychain') {
      const key = await keychainOpen(this.keychain, Buffer.from(state.sealed, 'base64'))
      if (key.length !== KEY_BYTES) throw keychainUnavailable('it gave back something that is not a key')
      return key
    }
    if (passphrase === undefined)
      throw new MutualError('locked', 'this profile is locked; its passphrase is needed to open it')
    const key = open(Buffer.from(state.sealed, 'hex'), await stretch(passphrase, state.kdf))
    if (!key || key.length !== KEY_BYTES)
      throw new MutualError('wrong-passphrase', 'that passphrase does not open this profile')
    return key
  }

  /** Locks the profile key under a new passphrase (setting or changing it). */
  async setPassphrase(profileKey: Buffer, passphrase: string): Promise<void> {
    checkPassphrase(passphrase)
    const salt = Buffer.alloc(sodium.crypto_pwhash_SALTBYTES)
    sodium.randombytes_buf(salt)
    const kdf = { salt: salt.toString('hex'), ...KDF }
    const sealed = seal(profileKey, await stretch(passphrase, kdf))
    await this.save({ format: 1, protection: 'passphrase', kdf, sealed: sealed.toString('hex') })
  }

  /** Keeps the profile key without a passphrase: under the keychain where there is one, else as it is. */
  async removePassphrase(profileKey: Buffer): Promise<void> {
    await this.keepWithoutPassphrase(profileKey)
  }

  private async keepWithoutPassphrase(profileKey: Buffer): Promise<void> {
    if (!this.keychain) return this.save({ format: 1, protection: 'none', key: profileKey.toString('hex') })
    const sealed = await this.keychain.seal(profileKey)
    // Only a seal the keychain can open again may replace the key: otherwise the profile would be lost.
    const back = await keychainOpen(this.keychain, sealed)
    const next = keyringFile.safeParse({
      format: 1,
      protection: 'keychain',
      sealed: sealed.toString('base64')
    })
    if (!back.equals(profileKey) || !next.success)
      throw keychainUnavailable('it could not open what it sealed')
    await this.save(next.data)
  }

  /** One write at a time, each durable before the next: this file is the only way into the profile. */
  private save(next: KeyringFile): Promise<void> {
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        await writeDurably(this.file, JSON.stringify(next, null, 2))
        this.state = next
      })
    return this.writing
  }
}

async function keychainOpen(keychain: Keychain | null, sealed: Buffer): Promise<Buffer> {
  if (!keychain)
    throw new MutualError(
      'keychain-unavailable',
      "this profile is sealed by the Mutual app's keychain; open it in the app, or set a passphrase there to open it elsewhere"
    )
  try {
    return await keychain.open(sealed)
  } catch (err) {
    throw keychainUnavailable(err instanceof Error ? err.message : String(err))
  }
}

const keychainUnavailable = (why: string): MutualError =>
  new MutualError(
    'keychain-unavailable',
    `this computer's keychain cannot open Mutual's profile (${why}); it opens only for the same user on the same computer`
  )

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

type Kdf = Extract<KeyringFile, { protection: 'passphrase' }>['kdf']

/** Argon2id off the main thread: a second of hashing must not stall replication. */
function stretch(passphrase: string, kdf: Kdf): Promise<Buffer> {
  const out = Buffer.alloc(KEY_BYTES)
  return new Promise((resolve, reject) => {
    sodium.crypto_pwhash_async(
      out,
      Buffer.from(passphrase.normalize('NFC'), 'utf8'),
      Buffer.from(kdf.salt, 'hex'),
      kdf.opslimit,
      kdf.memlimit,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
      (err: Error | null) => (err ? reject(err) : resolve(out))
    )
  })
}
