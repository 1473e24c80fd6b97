// Invites that wait for a second member, made by someone else: seconding
// says you are happy for the key to let someone new in.
import { useId } from 'react'
import { useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ErrorText } from '../ErrorText.js'
import { SecondInviteButton, useSecondInvite } from '../SecondInvite.js'
import { isOpen } from '../InviteDialog.js'
import { useNow } from '../useNow.js'
import { useCommunityLive } from '../useCommunityLive.js'
import './PendingInvites.css'

export function PendingInvites({ communityId }: { communityId: string }) {
  const engine = useEngine()
  const id = useId()
  const now = useNow()
  const s = strings.invite
  const invites = useCommunityLive(communityId, () => engine.call('invites.list', { communityId }))
  const second = useSecondInvite(communityId)
  const pending = (invites.data ?? []).filter((i) => i.awaitingSecond && !i.mine && isOpen(i, now))
  if (pending.length === 0) return null
  return (
    <section className="pending-invites" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{s.pending}</h3>
      <p className="hint">{s.pendingHint}</p>
      <ul className="plain-list">
        {pending.map((invite) => {
          const expires = strings.time.relative(invite.expiresAt, now)
          return (
            <li key={invite.id} className="invite-row box">
              <span>{s.pendingRow(invite.createdBy, invite.maxUses, expires)}</span>
              <SecondInviteButton
                invite={invite}
                expires={expires}
                pending={second.pending}
                onSecond={(inviteId) => void second.run(inviteId)}
              />
            </li>
          )
        })}
      </ul>
      <ErrorText error={second.error} />
    </section>
  )
}
