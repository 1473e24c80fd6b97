// When the community decided you are no longer a member: what they said, what
// that means, and that what you have stays with you.
import { useId } from 'react'
import { strings } from '../../strings/index.js'
import { ClosingAction } from '../ClosingAction.js'
import './RemovedNotice.css'

export function RemovedNotice({
  communityName,
  reason,
  onRead
}: {
  communityName: string
  reason: string
  onRead: () => void
}) {
  const id = useId()
  const s = strings.removal
  return (
    <section className="removed-notice" aria-labelledby={`${id}-title`} id="content" tabIndex={-1}>
      <div className="removed-card card card-raised">
        <h2 id={`${id}-title`}>{s.noticeTitle(communityName)}</h2>
        {reason ? (
          <div className="removed-reason">
            <p className="hint">{s.reasonLabel}</p>
            <blockquote>{reason}</blockquote>
          </div>
        ) : null}
        <p>{s.body}</p>
        <p>{s.kept}</p>
        <ClosingAction label={s.read} onClick={onRead} />
      </div>
    </section>
  )
}
