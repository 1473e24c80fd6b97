// The invite key a member shares: blind pairing's invite, wrapped with a
// short commitment to the community's encryption key. The key itself never
// travels in an invite; the commitment lets a newcomer check the key a member
// later hands them, so someone who merely holds the invite cannot feed them a
// false one.
import BlindPairing from 'blind-pairing'
import hcrypto from 'hypercore-crypto'
import z32 from 'z32'
import { MutualError } from '../errors.js'

/** First bytes of a wrapped invite; a bare blind-pairing invite starts with its version, 1. */
const ENVELOPE = Buffer.from([0xff, 0x01])
/** Link codes between one member's devices (core/linking/link-code.ts). */
const LINK_ENVELOPE = Buffer.from([0xff, 0x02])
const CHECK_BYTES = 16
const CHECK_CONTEXT = Buffer.from('mutual/key-check/v1')

export interface DecodedInvite {
  bytes: Buffer
  id: Buffer
  discoveryKey: Buffer
  expiresAt: number | null
  /** Commitment to the encryption key; null for invites made before it existed. */
  keyCheck: Buffer | null
}

export function keyCheck(communityKey: Uint8Array, encryptionKey: Uint8Array): Buffer {
  return hcrypto.hash(Buffer.concat([CHECK_CONTEXT, communityKey, encryptionKey])).subarray(0, CHECK_BYTES)
}

export function encodeInviteKey(pairingInvite: Buffer, check: Buffer): string {
  return z32.encode(Buffer.concat([ENVELOPE, check, pairingInvite]))
}

const MALFORMED =
  "that invite key isn't complete or has a typo; copy the whole key again or ask for a fresh one"

export const expiredError = () =>
  new MutualError('invite-expired', 'this invite has expired; ask a member for a new one')

export function decodeInviteKey(text: string, now: number): DecodedInvite {
  const cleaned = text.trim().replace(/\s+/g, '')
  let raw: Buffer
  let bytes: Buffer
  let check: Buffer | null = null
  let decoded: ReturnType<typeof BlindPairing.decodeInvite>
  try {
    raw = z32.decode(cleaned)
    if (raw.subarray(0, LINK_ENVELOPE.length).equals(LINK_ENVELOPE)) {
      throw new MutualError(
        'link-code-not-invite',
        'that is a code for linking one of your devices, not an invite to a community; enter it under "Link to my other device"'
      )
    }
    if (raw.subarray(0, ENVELOPE.length).equals(ENVELOPE)) {
      check = raw.subarray(ENVELOPE.length, ENVELOPE.length + CHECK_BYTES)
      bytes = raw.subarray(ENVELOPE.length + CHECK_BYTES)
      if (check.length !== CHECK_BYTES) throw new Error('short')
    } else {
      bytes = raw
    }
    decoded = BlindPairing.decodeInvite(bytes)
  } catch (err) {
    if (err instanceof MutualError) throw err
    throw new MutualError('invite-malformed', MALFORMED)
  }
  if (decoded.discoveryKey?.length !== 32 || decoded.seed?.length !== 32)
    throw new MutualError('invite-malformed', MALFORMED)
  const expiresAt = decoded.expires || null
  if (expiresAt !== null && now > expiresAt) throw expiredError()
  return { bytes, id: decoded.id, discoveryKey: decoded.discoveryKey, expiresAt, keyCheck: check }
}

/** Whether `encryptionKey` is the one the invite committed to (any key passes an invite without a commitment). */
export function matchesInvite(invite: DecodedInvite, communityKey: Buffer, encryptionKey: Buffer): boolean {
  return invite.keyCheck === null || keyCheck(communityKey, encryptionKey).equals(invite.keyCheck)
}
