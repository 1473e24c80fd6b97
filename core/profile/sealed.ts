// Secret-key boxes for what this profile keeps at rest, and the keys derived
// for each purpose from the one profile key (see keyring.ts). Each purpose
// gets its own key, so one leaked or reused key opens one kind of file only.
import { open as fsOpen, readFile, rename } from 'node:fs/promises'
import { dirname } from 'node:path'
import sodium from 'sodium-universal'

export const KEY_BYTES = sodium.crypto_secretbox_KEYBYTES
const NONCE_BYTES = sodium.crypto_secretbox_NONCEBYTES
const MAC_BYTES = sodium.crypto_secretbox_MACBYTES

/** What a derived key is for; `scope` tells instances apart (a community's folder, say). */
type KeyPurpose = 'profile-file' | 'support-plan' | 'store-seed' | 'community-key'

export function derivedKey(profileKey: Buffer, purpose: KeyPurpose, scope = ''): Buffer {
  const out = Buffer.alloc(KEY_BYTES)
  sodium.crypto_generichash(out, Buffer.from(`mutual/${purpose}/v1/${scope}`), profileKey)
  return out
}

export function randomKey(): Buffer {
  const key = Buffer.alloc(KEY_BYTES)
  sodium.randombytes_buf(key)
  return key
}

/** nonce || secretbox(plain). */
export function seal(plain: Buffer, key: Buffer): Buffer {
  const out = Buffer.alloc(NONCE_BYTES + MAC_BYTES + plain.length)
  const nonce = out.subarray(0, NONCE_BYTES)
  sodium.randombytes_buf(nonce)
  sodium.crypto_secretbox_easy(out.subarray(NONCE_BYTES), plain, nonce, key)
  return out
}

/** The plain bytes, or null when the box is damaged or was sealed with another key. */
export function open(sealed: Buffer, key: Buffer): Buffer | null {
  if (sealed.length < NONCE_BYTES + MAC_BYTES || key.length !== KEY_BYTES) return null
  const plain = Buffer.alloc(sealed.length - NONCE_BYTES - MAC_BYTES)
  const ok = sodium.crypto_secretbox_open_easy(
    plain,
    sealed.subarray(NONCE_BYTES),
    sealed.subarray(0, NONCE_BYTES),
    key
  )
  return ok ? plain : null
}

/** The profile file's name: a keyring must exist wherever it does (see keyring.ts). */
export const SEALED_PROFILE = 'profile.sealed'

let tmpCounter = 0

/**
 * Replaces a file atomically and durably: a crash leaves the old file or the
 * new one, never half of either, and once this resolves the new one survives
 * a power cut. Later steps (sealing a store's seed) rely on that order.
 */
export async function writeDurably(path: string, data: string | Buffer): Promise<void> {
  const tmp = `${path}.${process.pid}.${tmpCounter++}.tmp`
  const file = await fsOpen(tmp, 'w', 0o600)
  try {
    await file.writeFile(data)
    await file.sync()
  } finally {
    await file.close()
  }
  await rename(tmp, path)
  const dir = await fsOpen(dirname(path), 'r')
  try {
    await dir.sync()
  } finally {
    await dir.close()
  }
}

export async function writeSealed(path: string, plain: Buffer, key: Buffer): Promise<void> {
  await writeDurably(path, seal(plain, key))
}

/** The file's plain bytes; null when there is no such file; 'damaged' when it does not open with `key`. */
export async function readSealed(path: string, key: Buffer): Promise<Buffer | null | 'damaged'> {
  let sealed: Buffer
  try {
    sealed = await readFile(path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  return open(sealed, key) ?? 'damaged'
}
