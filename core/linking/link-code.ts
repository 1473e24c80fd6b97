// The code one device shows so another can link to it as the same member:
// blind pairing's invite in an envelope of its own, so a link code pasted
// where a community invite goes (or the other way round) gets a clear word
// instead of a search that never finds anyone.
import BlindPairing from 'blind-pairing'
import z32 from 'z32'
import { MutualError } from '../errors.js'

const ENVELOPE = Buffer.from([0xff, 0x02])
/** The envelope community invites carry (core/community/invite-key.ts). */
const INVITE_ENVELOPE = Buffer.from([0xff, 0x01])

/** How long a link code works: long enough to walk to the other device, short enough to be useless if overheard later. */
export const LINK_CODE_LIFETIME_MS = 10 * 60 * 1000

export interface DecodedLinkCode {
  bytes: Buffer
  discoveryKey: Buffer
  expiresAt: number
}

export function encodeLinkCode(pairingInvite: Buffer): string {
  return z32.encode(Buffer.concat([ENVELOPE, pairingInvite]))
}

const MALFORMED =
  "that link code isn't complete or has a typo; copy the whole code again from your other device"

export function decodeLinkCode(text: string, now: number): DecodedLinkCode {
  let raw: Buffer
  try {
    raw = z32.decode(text.trim().replace(/\s+/g, ''))
  } catch {
    throw new MutualError('link-code-malformed', MALFORMED)
  }
  if (raw.subarray(0, 2).equals(INVITE_ENVELOPE))
    throw new MutualError(
      'invite-not-link-code',
      'that is an invite to a community, not a code from your other device; use it to join instead'
    )
  if (!raw.subarray(0, 2).equals(ENVELOPE)) throw new MutualError('link-code-malformed', MALFORMED)
  const bytes = raw.subarray(2)
  let decoded: ReturnType<typeof BlindPairing.decodeInvite>
  try {
    decoded = BlindPairing.decodeInvite(bytes)
  } catch {
    throw new MutualError('link-code-malformed', MALFORMED)
  }
  if (decoded.discoveryKey?.length !== 32 || decoded.seed?.length !== 32 || !decoded.expires)
    throw new MutualError('link-code-malformed', MALFORMED)
  if (now > decoded.expires)
    throw new MutualError(
      'invite-expired',
      'this link code has expired; show a new one on your other device (This device → Link a device)'
    )
  return { bytes, discoveryKey: decoded.discoveryKey, expiresAt: decoded.expires }
}
