// A writer's key is not its signing key: Hypercore names a core by the hash
// of its manifest, which lists the key that signs it. Proving you hold a
// writer therefore means showing a signing key, checking that it names the
// writer, and signing with it.
import Hypercore from 'hypercore'
import hcrypto from 'hypercore-crypto'

/** The manifest version Corestore gives the cores it makes (our writers among them). */
const MANIFEST_VERSION = 1

export interface SignerKeyPair {
  publicKey: Buffer
  secretKey: Buffer
}

export function writerKeyFor(signer: Uint8Array): Buffer {
  return Hypercore.key(Buffer.from(signer), { version: MANIFEST_VERSION })
}

/** A signer public key followed by its signature over `message`. */
export function signAsWriter(message: Uint8Array, signer: SignerKeyPair): Buffer {
  return Buffer.concat([signer.publicKey, hcrypto.sign(message, signer.secretKey)])
}

/** Whether `proof` (signer key + signature) shows that the holder of `writerKey` signed `message`. */
export function provesWriter(message: Uint8Array, proof: Uint8Array, writerKey: Uint8Array): boolean {
  if (proof.length !== 96 || writerKey.length !== 32) return false
  const signer = proof.subarray(0, 32)
  if (!writerKeyFor(signer).equals(Buffer.from(writerKey))) return false
  return hcrypto.verify(message, proof.subarray(32), signer)
}
