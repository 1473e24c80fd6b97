// The member side of blind pairing: any online, writable member can let a
// candidate in. The invite record lives in the shared view; apply checks it
// again, so a member with a stale view cannot over-admit. The reply carries
// only the community's key, which its id already shows: the encryption key
// reaches a newcomer later, and only over a connection where they prove the
// writer key that was admitted (see member-links.ts).
import type BlindPairing from 'blind-pairing'
import { provenWriter } from '../domain/admission.js'
import { encodeOp } from '../domain/ops.js'
import { nextEvent } from './next-event.js'
import type { CommunityBase } from './base.js'
import type { ViewReader } from '../view/read.js'
import type { MemberRecord } from '../view/records.js'

/**
 * Blind-pairing deny statuses, as the candidate's library decodes them. A
 * joiner ends its join only on these three (join.ts, whenRefused): a new one
 * would leave older joiners waiting.
 */
const DENY = { revoked: 1, used: 2, expired: 3 } as const

/** How long an admission taking an invite's last use waits to be signed before the reply goes out. */
const SETTLE_MS = 10_000

interface AdmissionDeps {
  base: CommunityBase
  reader: () => ViewReader
  now: () => number
  /** The op version the community runs at. */
  version: () => Promise<number>
  /** Writer keys of members connected to me now, proven. */
  connectedWriters: () => ReadonlySet<string>
  /** Writers this member has appended an admission for, since it started: who it vouches for. */
  admittedHere: Set<string>
}

export async function admitCandidate(
  deps: AdmissionDeps,
  request: BlindPairing.MemberRequest
): Promise<void> {
  const { base } = deps
  if (!base.writable) return
  const inviteId = request.inviteId.toString('hex')
  const invite = await deps.reader().invite(inviteId)
  // Unknown here: another member with a fresher view may know it, so stay silent.
  if (!invite) return
  let userData: Buffer | null
  try {
    userData = request.open(Buffer.from(invite.publicKey, 'hex'))
  } catch {
    return // not signed by this invite's key
  }
  if (invite.revoked) return request.deny({ status: DENY.revoked })
  // Waiting for a second member: stay silent, so the newcomer keeps waiting rather than being turned away.
  if (invite.needsSecond && invite.secondedBy === null) return
  // Anyone holding an old invite can ask for any key, the founder's included; only its holder can sign.
  const proven = provenWriter(base.discoveryKey, request.inviteId, userData)
  if (!proven) return request.deny({ status: DENY.revoked })
  const hex = proven.writerKey.toString('hex')
  const confirm = () => request.confirm({ key: base.key, encryptionKey: null })

  const already = await deps.reader().member(hex)
  if (already) {
    // A retry after a lost reply comes while they are still joining; for someone who has
    // finished joining it can only be a replay. Neither reply holds anything secret.
    return finishedJoining(already) ? request.deny({ status: DENY.used }) : confirm()
  }
  if (invite.uses >= invite.maxUses) return request.deny({ status: DENY.used })
  // One clock reading for the check and the op, so apply judges the same moment this did.
  const at = deps.now()
  if (at > invite.expiresAt) return request.deny({ status: DENY.expired })
  const version = await deps.version()
  const op = {
    type: 'member/admit',
    inviteId,
    writerKey: hex,
    at,
    ...(version >= 3 ? { proof: proven.proof.toString('hex') } : {})
  } as const
  await base.append(encodeOp(op))
  deps.admittedHere.add(hex)
  // Another member may be letting someone in with the same last use right now; once the
  // order is signed, exactly one of us has, and the other newcomer hears so plainly.
  if (invite.uses + 1 >= invite.maxUses) await settled(deps)
  const admitted = await deps.reader().member(hex)
  if (!admitted || admitted.left) {
    // Say no only for a reason the view shows; otherwise another member may still let them in.
    const fresh = await deps.reader().invite(inviteId)
    if (fresh?.revoked) return request.deny({ status: DENY.revoked })
    if (fresh && fresh.uses >= fresh.maxUses) return request.deny({ status: DENY.used })
    return
  }
  confirm()
}

function finishedJoining(member: MemberRecord): boolean {
  return member.left || member.name !== null || member.agreedVersion !== null || member.device !== null
}

/**
 * Waits until the view as it stands now is signed by the indexer majority,
 * when a majority is reachable; otherwise (most indexers away) the order
 * cannot settle soon, and the newcomer is let in on this member's word.
 */
async function settled(deps: AdmissionDeps): Promise<void> {
  const { base } = deps
  if (!orderCanSettle(base, deps.connectedWriters())) return
  const target = base.view.core.length
  const deadline = Date.now() + SETTLE_MS
  while (base.view.core.signedLength < target && Date.now() < deadline && !base.closing)
    await nextEvent(base, 'update', 250)
}

/** Whether the indexer majority that signs the community's order is reachable from here now. */
export function orderCanSettle(base: CommunityBase, connected: ReadonlySet<string>): boolean {
  const indexers = base.system?.indexers ?? []
  const reachable = indexers.filter(
    (i) => i.key.equals(base.local.key) || connected.has(i.key.toString('hex'))
  )
  return reachable.length * 2 > indexers.length
}
