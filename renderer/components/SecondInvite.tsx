// Seconding another member's invite, where the community asks that a second
// member be happy for each new person: from the invite dialog and from the
// notice of invites waiting for you, the same button doing the same thing.
import type { InviteInfo } from '../../core/domain/types.js'
import { useAction, useEngine } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { Button } from './Button.js'

export function useSecondInvite(communityId: string) {
  const engine = useEngine()
  return useAction(async (inviteId: string) => engine.call('invites.second', { communityId, inviteId }))
}

export function SecondInviteButton({
  invite,
  expires,
  pending,
  onSecond
}: {
  invite: InviteInfo
  /** When the invite runs out, in words. */
  expires: string
  pending: boolean
  onSecond: (inviteId: string) => void
}) {
  const s = strings.invite
  return (
    <Button
      tone="primary"
      small
      aria-label={s.secondLabel(invite.createdBy, expires)}
      disabled={pending}
      onClick={() => onSecond(invite.id)}
    >
      {s.second}
    </Button>
  )
}
