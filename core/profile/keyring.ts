// The profile key: one random key from which every secret this profile keeps
// at rest is protected (the profile file, the support plan, each community's
// store seed and encryption key; see sealed.ts). keyring.json holds it, either
// as it is (no passphrase: as safe as the folder's permissions) or wrapped
// under a key derived from the member's passphrase with Argon2id. Setting,
// changing or removing the passphrase rewrites this one small file and
// nothing else.
import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sodium from 'sodium-universal'
import { z } from 'zod'
import { MutualError } from '../errors.js'
import { KEY_BYTES, open, randomKey, seal } from './sealed.js'
import { newPassphrase } from '../domain/passphrase.js'
import type { Protection } from '../domain/passphrase.js'

export const KEYRING_FILE = 'keyring.json'

/** Argon2id at libsodium's "moderate" cost: about a second and 256 MB per try on a laptop. */
const KDF = {
  opslimit: sodium.crypto_pwhash_OPSLIMIT_MODERATE,
  memlimit: sodium.crypto_pwhash_MEMLIMIT_MODERATE
}
const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`))
const keyringFile = z.discriminatedUnion('protection', [
  z.object({ format: z.literal(1), protection: z.literal('none'), key: hex(KEY_BYTES) }),
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

export class Keyring {
  private constructor(
    private readonly file: string,
    private state: KeyringFile
  ) {}

  get protection(): Protection {
    return this.state.protection
  }

  /** The profile's keyring; a profile without one (new, or from before locks existed) gets a fresh key. */
  static async load(dir: string): Promise<Keyring> {
    const file = join(dir, KEYRING_FILE)
    let raw: string
    try {
      raw = await readFile(file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      const ring = new Keyring(file, { format: 1, protection: 'none', key: randomKey().toString('hex') })
      await ring.save()
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
    return new Keyring(file, result.data)
  }

  /** The profile key; a locked profile needs its passphrase, and a wrong one is refused plainly. */
  async unlock(passphrase: string | undefined): Promise<Buffer> {
    const state = this.state
    if (state.protection === 'none') return Buffer.from(state.key, 'hex')
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
    this.state = { format: 1, protection: 'passphrase', kdf, sealed: sealed.toString('hex') }
    await this.save()
  }

  /** Keeps the profile key beside the data again, protected only by the folder's permissions. */
  async removePassphrase(profileKey: Buffer): Promise<void> {
    this.state = { format: 1, protection: 'none', key: profileKey.toString('hex') }
    await this.save()
  }

  private async save(): Promise<void> {
    const tmp = this.file + '.tmp'
    await writeFile(tmp, JSON.stringify(this.state, null, 2), { mode: 0o600 })
    await rename(tmp, this.file)
  }
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
