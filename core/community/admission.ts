// The member side of blind pairing: any online, writable member can let a
// candidate in. The invite record lives in the shared view; apply checks it
// again, so a member with a stale view cannot over-admit.
import BlindPairing from 'blind-pairing'
import { encodeOp } from '../domain/ops.js'
import type { CommunityBase } from './base.js'
import type { ViewReader } from '../view/read.js'

/** Blind-pairing deny statuses, as the candidate's library decodes them. */
const DENY = { revoked: 1, used: 2, expired: 3 } as const

export interface AdmissionDeps {
  base: CommunityBase
  reader: () => ViewReader
  now: () => number
}

export async function admitCandidate(
  deps: AdmissionDeps,
  request: BlindPairing.MemberRequest
): Promise<void> {
  const { base } = deps
  if (!base.writable || base.encryptionKey === null) return
  const inviteId = request.inviteId.toString('hex')
  const invite = await deps.reader().invite(inviteId)
  // Unknown here: another member with a fresher view may know it, so stay silent.
  if (!invite) return
  let writerKey: Buffer | null
  try {
    writerKey = request.open(Buffer.from(invite.publicKey, 'hex'))
  } catch {
    return // not signed by this invite's key
  }
  if (invite.revoked) return request.deny({ status: DENY.revoked })
  // Waiting for a second member: stay silent, so the newcomer keeps waiting rather than being turned away.
  if (invite.needsSecond && invite.secondedBy === null) return
  const hex = writerKey && writerKey.length === 32 ? writerKey.toString('hex') : null
  if (!hex) return request.deny({ status: DENY.revoked })

  const already = await deps.reader().member(hex)
  if (!already) {
    if (invite.uses >= invite.maxUses) return request.deny({ status: DENY.used })
    if (deps.now() > invite.expiresAt) return request.deny({ status: DENY.expired })
    await base.append(encodeOp({ type: 'member/admit', inviteId, writerKey: hex, at: deps.now() }))
    const admitted = await deps.reader().member(hex)
    if (!admitted) {
      const fresh = await deps.reader().invite(inviteId)
      return request.deny({ status: fresh && fresh.uses >= fresh.maxUses ? DENY.used : DENY.revoked })
    }
  }
  // A candidate retrying after a lost reply is confirmed again, not denied.
  request.confirm({ key: base.key, encryptionKey: base.encryptionKey })
}
