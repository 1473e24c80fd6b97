// One reach-out. Your own says honestly whether anyone has answered, and
// after a while without an answer points gently to the community's
// resources. Someone else's offers "I'm here", or says it was answered
// (never by whom: that stays between the two of them).
import { useId } from 'react'
import type { ReachOut } from '../../../core/domain/reaching.js'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ResourcesButton } from './ResourcesButton.js'
import { ErrorText } from '../ErrorText.js'
import './ReachOutCard.css'
import { Button } from '../Button.js'

/** After this long without an answer, your own reach-out says more, and points to resources. */
const LONG_WAIT_MS = 15 * 60_000

export function ReachOutCard({
  reach,
  communityId,
  canAct,
  now,
  onOpenConversation,
  onResources
}: {
  reach: ReachOut
  communityId: string
  canAct: boolean
  now: number
  onOpenConversation: (memberId: string) => void
  onResources: () => void
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.reaching
  const answer = useAction(async () => {
    const { memberId } = await engine.call('reachouts.answer', { communityId, reachId: reach.id })
    onOpenConversation(memberId)
  })
  const close = useAction(async () => engine.call('reachouts.close', { communityId, reachId: reach.id }))
  const waitedLong = now - reach.createdAt >= LONG_WAIT_MS
  return (
    <article
      className={`reach card${reach.mine ? ' reach-mine' : ''}${reach.closed ? ' reach-closed' : ''}${reach.answered ? ' reach-answered' : ''}`}
      aria-labelledby={`${id}-who`}
    >
      <header className="reach-header">
        <h4 id={`${id}-who`} className="reach-who-line">
          {reach.mine ? s.mine : s.theirs(reach.author)}
        </h4>
        <time dateTime={new Date(reach.createdAt).toISOString()} title={strings.time.full(reach.createdAt)}>
          {strings.time.relative(reach.createdAt, now)}
        </time>
      </header>
      {reach.context ? <p className="reach-context">“{reach.context}”</p> : null}
      {reach.mine ? (
        reach.closed ? (
          <p className="reach-status">{s.closedMine}</p>
        ) : reach.answered ? (
          <p className="reach-status reach-status-answered">{s.answeredMine(reach.answeredBy.join(', '))}</p>
        ) : (
          <div className="reach-waiting" role="status">
            <p className="reach-status">{waitedLong ? s.waitingLong : s.waiting}</p>
            {waitedLong ? <ResourcesButton onClick={onResources} /> : null}
          </div>
        )
      ) : reach.closed ? (
        <p className="reach-status">{s.closedTheirs}</p>
      ) : reach.answeredByMe ? (
        <p className="reach-status reach-status-answered">
          {s.answeredByMe}{' '}
          <Button small onClick={() => onOpenConversation(reach.authorId)}>
            {s.openConversation}
          </Button>
        </p>
      ) : reach.answered ? (
        <p className="reach-status reach-status-answered">{s.answeredOther}</p>
      ) : canAct ? (
        <p>
          <Button
            tone="primary"
            aria-label={s.answerLabel(reach.author)}
            disabled={answer.pending}
            onClick={() => void answer.run()}
          >
            {answer.pending ? s.answering : s.answer}
          </Button>
        </p>
      ) : null}
      {reach.mine && !reach.closed && canAct ? (
        <p>
          <Button tone="quiet" small disabled={close.pending} onClick={() => void close.run()}>
            {s.close}
          </Button>
        </p>
      ) : null}
      <ErrorText error={answer.error ?? close.error} />
    </article>
  )
}
