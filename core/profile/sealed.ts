// Secret-key boxes for what this profile keeps at rest, and the keys derived
// for each purpose from the one profile key (see keyring.ts). Each purpose
// gets its own key, so one leaked or reused key opens one kind of file only.
import { readFile, rename, writeFile } from 'node:fs/promises'
import sodium from 'sodium-universal'

export const KEY_BYTES = sodium.crypto_secretbox_KEYBYTES
const NONCE_BYTES = sodium.crypto_secretbox_NONCEBYTES
const MAC_BYTES = sodium.crypto_secretbox_MACBYTES

/** What a derived key is for; `scope` tells instances apart (a community's folder, say). */
export type KeyPurpose = 'profile-file' | 'support-plan' | 'store-seed' | 'community-key'

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

/** Writes a sealed file atomically: a crash leaves the old file or the new one, never half of either. */
export async function writeSealed(path: string, plain: Buffer, key: Buffer): Promise<void> {
  const tmp = path + '.tmp'
  await writeFile(tmp, seal(plain, key), { mode: 0o600 })
  await rename(tmp, path)
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
