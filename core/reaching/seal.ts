// The cryptography of private conversations. Two members share a key that
// only they can compute: X25519 between their device keys (the Ed25519 keys
// each member proves in the log with a signature over their writer key),
// bound to the community and to the pair of writer keys. Each message is sealed
// with XSalsa20-Poly1305 under that key, padded so lengths say little, and
// tagged so the recipient can recognise it without the tag naming anyone.
import sodium from 'sodium-universal'

const PAD_TO = 256
const CONTEXT = Buffer.from('mutual/conversation/v1')

interface Sealed {
  tag: string
  nonce: string
  sealed: string
}

/** Finds the device key a member proved in the log; null until their device has introduced itself. */
type DeviceOf = (writerKey: string) => Promise<string | null>

/** My half of every pair key in one community: my device key pair, as X25519. */
export class PairKeys {
  private readonly secret: Buffer
  private readonly cache = new Map<string, Buffer>()

  constructor(
    private readonly me: Buffer,
    deviceSecretKey: Buffer,
    private readonly communityKey: Buffer,
    private readonly deviceOf: DeviceOf
  ) {
    this.secret = Buffer.alloc(sodium.crypto_scalarmult_BYTES)
    sodium.crypto_sign_ed25519_sk_to_curve25519(this.secret, deviceSecretKey)
  }

  /** The key only I and the member `other` can compute; null while their device key is unknown or unusable. */
  async with(other: string): Promise<Buffer | null> {
    const cached = this.cache.get(other)
    if (cached) return cached
    const device = await this.deviceOf(other)
    if (!device) return null
    const curve = Buffer.alloc(sodium.crypto_scalarmult_BYTES)
    const shared = Buffer.alloc(sodium.crypto_scalarmult_BYTES)
    try {
      sodium.crypto_sign_ed25519_pk_to_curve25519(curve, Buffer.from(device, 'hex'))
      sodium.crypto_scalarmult(shared, this.secret, curve)
    } catch {
      return null // not a point on the curve: a forged or broken device key
    }
    // Sorted, so both sides derive the same key; bound to the community so keys never carry over.
    const pair = [this.me, Buffer.from(other, 'hex')].sort(Buffer.compare)
    const key = Buffer.alloc(sodium.crypto_secretbox_KEYBYTES)
    sodium.crypto_generichash(key, Buffer.concat([shared, this.communityKey, ...pair, CONTEXT]))
    sodium.sodium_memzero(shared)
    this.cache.set(other, key)
    return key
  }
}

/** A tag only the two members can compute for this nonce: recognisable to them, opaque to everyone else. */
function tagFor(key: Buffer, nonce: Buffer): string {
  const out = Buffer.alloc(16)
  sodium.crypto_generichash(out, nonce, key)
  return out.toString('hex')
}

export function seal(key: Buffer, payload: unknown): Sealed {
  const json = Buffer.from(JSON.stringify(payload), 'utf8')
  // Zero padding to a multiple of PAD_TO; JSON never contains a zero byte.
  const padded = Buffer.alloc(Math.ceil((json.length + 1) / PAD_TO) * PAD_TO)
  json.copy(padded)
  const nonce = Buffer.alloc(sodium.crypto_secretbox_NONCEBYTES)
  sodium.randombytes_buf(nonce)
  const box = Buffer.alloc(padded.length + sodium.crypto_secretbox_MACBYTES)
  sodium.crypto_secretbox_easy(box, padded, nonce, key)
  return { tag: tagFor(key, nonce), nonce: nonce.toString('hex'), sealed: box.toString('base64') }
}

/** The payload if `key` opens it and the tag matches; null otherwise. The payload is still unvalidated. */
export function open(key: Buffer, sealed: Sealed): unknown {
  const nonce = Buffer.from(sealed.nonce, 'hex')
  if (tagFor(key, nonce) !== sealed.tag) return null
  const box = Buffer.from(sealed.sealed, 'base64')
  if (box.length < sodium.crypto_secretbox_MACBYTES) return null
  const padded = Buffer.alloc(box.length - sodium.crypto_secretbox_MACBYTES)
  if (!sodium.crypto_secretbox_open_easy(padded, box, nonce, key)) return null
  const end = padded.indexOf(0)
  try {
    return JSON.parse(padded.subarray(0, end === -1 ? padded.length : end).toString('utf8')) as unknown
  } catch {
    return null
  }
}
