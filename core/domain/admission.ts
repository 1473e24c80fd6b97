// A newcomer proves they hold the writer key they ask to be admitted with:
// they sign this message with it, bound to the community and the invite. The
// admitting member checks it before writing the admission, and apply checks
// it again, so nobody can admit a key they do not hold (a founder's key read
// off the community id, say).
import { provesWriter, signAsWriter, writerKeyFor } from './writer-key.js'
import type { SignerKeyPair } from './writer-key.js'

const CONTEXT = Buffer.from('mutual/admission/v1')

export function admissionSignable(
  communityDiscoveryKey: Uint8Array,
  inviteId: Uint8Array,
  writerKey: Uint8Array
): Buffer {
  return Buffer.concat([CONTEXT, communityDiscoveryKey, inviteId, writerKey])
}

/** What a candidate sends as blind pairing's user data: its writer's signing key and signature. */
export function admissionRequest(
  communityDiscoveryKey: Buffer,
  inviteId: Buffer,
  signer: SignerKeyPair
): Buffer {
  const writerKey = writerKeyFor(signer.publicKey)
  return signAsWriter(admissionSignable(communityDiscoveryKey, inviteId, writerKey), signer)
}

/** The writer key a request proves, and its proof, or null when the proof does not hold. */
export function provenWriter(
  communityDiscoveryKey: Buffer,
  inviteId: Buffer,
  userData: Buffer | null
): { writerKey: Buffer; proof: Buffer } | null {
  if (!userData || userData.length !== 96) return null
  const writerKey = writerKeyFor(userData.subarray(0, 32))
  const ok = provesWriter(admissionSignable(communityDiscoveryKey, inviteId, writerKey), userData, writerKey)
  return ok ? { writerKey, proof: Buffer.from(userData) } : null
}
