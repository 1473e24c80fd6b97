// A community store's two secrets at rest, sealed under the profile key
// (keyring.ts): the seed every key pair of this device derives from (its
// writer, device and network keys), and Autobase's encryption key for the
// community's data. Without the profile key, the store's files hold only
// ciphertext and sealed keys.
//
// The seed is sealed by XOR with a pad derived from the profile key and the
// store's folder: the seed is random, written once and never changes, so the
// pad acts as a one-time pad, and the stored value keeps the seed's size, as
// hypercore-storage expects. Autobase wraps its own key through its
// blindEncryption hook (blind-encryption-sodium).
import { createHash } from 'node:crypto'
import BlindEncryptionSodium from 'blind-encryption-sodium'
import HypercoreStorage from 'hypercore-storage'
import { MutualError } from '../errors.js'
import { derivedKey } from '../profile/sealed.js'

export interface StoreKeys {
  seedPad: Buffer
  blindEncryption: BlindEncryptionSodium
}

export function storeKeys(profileKey: Buffer, folder: string): StoreKeys {
  return {
    seedPad: derivedKey(profileKey, 'store-seed', folder),
    blindEncryption: new BlindEncryptionSodium(derivedKey(profileKey, 'community-key', folder))
  }
}

function xor(a: Buffer, pad: Buffer): Buffer {
  if (a.length !== pad.length) throw new Error(`a store seed has ${a.length} bytes, not ${pad.length}`)
  const out = Buffer.alloc(a.length)
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ pad[i]!
  return out
}

/** The storage, reading and writing its seed through the pad. */
export function sealedSeeds(storage: HypercoreStorage, pad: Buffer): HypercoreStorage {
  const getSeed = storage.getSeed.bind(storage)
  const setSeed = storage.setSeed.bind(storage)
  storage.getSeed = async () => {
    const stored = await getSeed()
    return stored && xor(stored, pad)
  }
  storage.setSeed = async (seed, opts) => xor(await setSeed(xor(seed, pad), opts), pad)
  return storage
}

const seedCheck = (seed: Buffer): string => createHash('sha256').update(seed).digest('hex')

/** Where sealing an old store's seed stands, kept in the (sealed) profile file between tries. */
interface SeedSealing {
  check: string | null
  saveCheck(check: string): Promise<void>
}

/**
 * Seals the plain seed of a store made before the lock, then compacts the
 * store so the plain seed and Autobase's plain key (which its blindEncryption
 * hook replaced) are gone from its files. Safe to run again after a crash at
 * any point: the check, saved before the seed is rewritten, tells a plain
 * seed from a sealed one.
 */
export async function sealOldStore(dir: string, pad: Buffer, sealing: SeedSealing): Promise<void> {
  const storage = new HypercoreStorage(dir)
  try {
    const stored = await storage.getSeed()
    if (stored === null) return
    let check = sealing.check
    if (check === null) {
      check = seedCheck(stored)
      await sealing.saveCheck(check)
    }
    if (seedCheck(stored) === check) await storage.setSeed(xor(stored, pad), { overwrite: true })
    else if (seedCheck(xor(stored, pad)) !== check)
      throw new MutualError('internal', `the store in ${dir} does not open with this profile's key`)
  } finally {
    await storage.close()
  }
}
