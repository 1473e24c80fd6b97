// What a device restoring from a phrase says to a member of one of its
// communities. It proves the recovery key by signing this connection's
// handshake; the member answers only for a current member that key names.
import { z } from 'zod'
import { hexBytes as hex } from '../domain/ids.js'
import { LIMITS } from '../domain/limits.js'
import type { Protocol } from './channel.js'
import { MAX_LINKED_COMMUNITIES } from './channel.js'

const CONTEXT = Buffer.from('mutual/recover-hello/v1')

export function recoverHelloSignable(handshakeHash: Buffer, initiator: boolean): Buffer {
  // The signer's role is signed too, so the hello cannot be reflected back.
  return Buffer.concat([CONTEXT, handshakeHash, Buffer.from([initiator ? 1 : 0])])
}

const recoveredCommunity = z
  .object({
    key: hex(32),
    encryptionKey: hex(32),
    member: hex(32),
    name: z.string().min(1).max(LIMITS.communityName)
  })
  .strict()
export type RecoveredCommunity = z.infer<typeof recoveredCommunity>

const recoveredWriter = z
  .object({ key: hex(32), writerKey: hex(32), proof: hex(96), recoveryProof: hex(64) })
  .strict()
export type RecoveredWriter = z.infer<typeof recoveredWriter>

export const recoverMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('hello'), key: hex(32), proof: hex(64) }).strict(),
  z
    .object({
      t: z.literal('communities'),
      communities: z.array(recoveredCommunity).max(MAX_LINKED_COMMUNITIES)
    })
    .strict(),
  z
    .object({
      t: z.literal('writers'),
      device: z.object({ id: hex(16), name: z.string().min(1).max(LIMITS.deviceName) }).strict(),
      writers: z.array(recoveredWriter).max(MAX_LINKED_COMMUNITIES)
    })
    .strict(),
  z.object({ t: z.literal('linked'), keys: z.array(hex(32)).max(MAX_LINKED_COMMUNITIES) }).strict()
])
export type RecoverMessage = z.infer<typeof recoverMessage>

export const RECOVER_PROTOCOL: Protocol<RecoverMessage> = {
  name: 'mutual/recover/v1',
  message: recoverMessage
}
