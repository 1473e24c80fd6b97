// One member in the members panel: who they are, where they stand, whether
// they are around and open to listen, and what you can do: write to them
// privately, mute them on this device, or propose to the community that they
// be removed.
import { useId, useState } from 'react'
import type { Member } from '../../core/domain/types.js'
import { useAction, useEngine } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { Avatar } from './Avatar.js'
import { ErrorText } from './ErrorText.js'
import { MemberMarker } from './MemberMarker.js'
import { availabilityWords } from './reaching/availabilityWords.js'
import './MemberRow.css'
import { Button } from './Button.js'

export function MemberRow({
  member: m,
  communityId,
  canAct,
  onProposeRemoval,
  onWritePrivately
}: {
  member: Member
  communityId: string
  canAct: boolean
  onProposeRemoval?: (member: Member) => void
  onWritePrivately?: (member: Member) => void
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.members
  const [open, setOpen] = useState(false)
  const mute = useAction(async (muted: boolean) =>
    engine.call('members.mute', { communityId, memberId: m.id, muted })
  )
  const status = m.left
    ? m.removed
      ? s.removed
      : s.left
    : [
        m.aroundNow ? s.around : null,
        m.availability ? availabilityWords(m.availability) : null,
        m.atLimit ? s.atLimit : null,
        m.muted ? s.muted : null,
        m.agreed ? null : s.notAgreed
      ]
        .filter(Boolean)
        .join(' · ')
  return (
    <li className={`member${m.left ? ' member-left' : ''}`}>
      <div className="member-line">
        <Avatar name={m.name} color={m.color} size="small" />
        <span className="member-name">
          {m.name} <MemberMarker marker={m.marker} />
          {m.isMe ? <span className="member-you"> {s.you}</span> : null}
          {status ? <span className="member-status"> {status}</span> : null}
        </span>
        {m.isMe || m.left ? null : (
          <Button
            tone="quiet"
            small
            aria-expanded={open}
            aria-controls={open ? id : undefined}
            aria-label={s.options(m.name)}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true">⋯</span>
          </Button>
        )}
      </div>
      {open ? (
        <div className="member-options" id={id}>
          {onWritePrivately && !m.muted ? (
            <Button small onClick={() => onWritePrivately(m)}>
              {s.writePrivately}
            </Button>
          ) : null}
          <Button small disabled={mute.pending} onClick={() => void mute.run(!m.muted)}>
            {m.muted ? s.unmute : s.mute}
          </Button>
          <p className="hint">{s.muteHint(m.name)}</p>
          {canAct && onProposeRemoval ? (
            <Button tone="danger" small onClick={() => onProposeRemoval(m)}>
              {s.proposeRemoval}
            </Button>
          ) : null}
          <ErrorText error={mute.error} />
        </div>
      ) : null}
    </li>
  )
}
