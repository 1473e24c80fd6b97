// Invites that wait for a second member, made by someone else: seconding
// says you are happy for the key to let someone new in.
import { useId } from 'react'
import { useAction, useEngine, useLive } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { ErrorText } from './ErrorText.js'
import { isOpen } from './InviteDialog.js'
import { useNow } from './useNow.js'
import './PendingInvites.css'

export function PendingInvites({ communityId }: { communityId: string }) {
  const engine = useEngine()
  const id = useId()
  const now = useNow()
  const s = strings.invite
  const invites = useLive(
    () => engine.call('invites.list', { communityId }),
    [communityId],
    (e) => e.type === 'community-changed' && e.communityId === communityId
  )
  const second = useAction(async (inviteId: string) =>
    engine.call('invites.second', { communityId, inviteId })
  )
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
              <button
                type="button"
                className="button small primary"
                aria-label={s.secondLabel(invite.createdBy, expires)}
                disabled={second.pending}
                onClick={() => void second.run(invite.id)}
              >
                {s.second}
              </button>
            </li>
          )
        })}
      </ul>
      <ErrorText error={second.error} />
    </section>
  )
}
