// The recovery phrase: 24 words (BIP-39, 256 bits) from which a member's
// recovery key pair is derived. Each community records the public half as
// the member's (proven by its signature); a new device holding the phrase
// proves it the same way and is added as one of the member's devices. The
// phrase itself is never stored: only the person holds it.
import { entropyToMnemonic, mnemonicToEntropy } from '@scure/bip39'
import { wordlist } from '@scure/bip39/wordlists/english.js'
import hcrypto from 'hypercore-crypto'
import { MutualError } from '../errors.js'

const IDENTITY = Buffer.from('mutual/recovery/identity/v1')
const BACKUP = Buffer.from('mutual/recovery/backup/v1')
const TOPIC = Buffer.from('mutual/recovery/topic/v1')
const REGISTER = Buffer.from('mutual/recovery/register/v1')
const RESTORE = Buffer.from('mutual/recovery/restore/v1')

const PHRASE_WORDS = 24

export interface Recovery {
  keyPair: { publicKey: Buffer; secretKey: Buffer }
  /** Seals the optional backup file. */
  backupKey: Buffer
  /** Where members of my communities wait for a device holding this phrase. */
  topic: Buffer
}

export function newPhrase(): { phrase: string; recovery: Recovery } {
  const entropy = hcrypto.randomBytes(32)
  return { phrase: entropyToMnemonic(entropy, wordlist), recovery: fromEntropy(entropy) }
}

/** Reads a phrase as a person typed it: any spacing or case; a wrong word or order is named, never guessed. */
export function readPhrase(text: string): Recovery {
  const words = text.trim().toLowerCase().split(/\s+/)
  if (words.length !== PHRASE_WORDS)
    throw new MutualError(
      'bad-request',
      `a recovery phrase has ${PHRASE_WORDS} words; this has ${words.length}`
    )
  const unknown = words.findIndex((w) => !wordlist.includes(w))
  if (unknown !== -1)
    throw new MutualError(
      'bad-request',
      `word ${unknown + 1} (“${words[unknown]}”) is not one a recovery phrase uses`
    )
  let entropy: Uint8Array
  try {
    entropy = mnemonicToEntropy(words.join(' '), wordlist)
  } catch {
    throw new MutualError(
      'bad-request',
      'the words are all real, but one is wrong or out of order; check them again'
    )
  }
  return fromEntropy(Buffer.from(entropy))
}

function fromEntropy(entropy: Buffer): Recovery {
  const keyPair = hcrypto.keyPair(hcrypto.hash(Buffer.concat([IDENTITY, entropy])))
  return {
    keyPair,
    backupKey: hcrypto.hash(Buffer.concat([BACKUP, entropy])),
    topic: recoveryTopic(keyPair.publicKey)
  }
}

export function recoveryTopic(recoveryKey: Uint8Array): Buffer {
  return hcrypto.hash(Buffer.concat([TOPIC, recoveryKey]))
}

/** What the recovery key signs to be recorded as a member's, in one community. */
export function registerSignable(communityDiscoveryKey: Uint8Array, member: Uint8Array): Buffer {
  return Buffer.concat([REGISTER, communityDiscoveryKey, member])
}

/** What the recovery key signs to add a new device's writer as the member, in one community. */
export function restoreSignable(
  communityDiscoveryKey: Uint8Array,
  member: Uint8Array,
  writerKey: Uint8Array
): Buffer {
  return Buffer.concat([RESTORE, communityDiscoveryKey, member, writerKey])
}
