// Who may take part where: one rule, so the community's screens never
// disagree about whether you can post, reply, respond or invite.
import type { CommunitySummary, SyncStatus } from '../../core/domain/types.js'

/**
 * Writing needs a device that can write (not revoked, not behind a newer
 * Mutual), a community that has not removed you and has not started again
 * elsewhere.
 */
export function mayWrite(
  community: Pick<CommunitySummary, 'writable' | 'refoundedAs'>,
  status: Pick<SyncStatus, 'updateNeeded' | 'revoked'> | undefined,
  removed: boolean
): boolean {
  return (
    community.writable &&
    !status?.updateNeeded &&
    !status?.revoked &&
    !removed &&
    community.refoundedAs === null
  )
}

/**
 * Taking part also needs your "I agree". `undefined` means the agreements have
 * not loaded yet; until they have, nothing is held back on their account.
 */
export function mayTakePart(writable: boolean, myAgreedVersion: number | null | undefined): boolean {
  return writable && myAgreedVersion !== null
}
