// Reach-outs in a community: "I'd like to talk" (and "check on me"), then
// the reach-outs themselves, newest first.
import { useId, useState } from 'react'
import type { Member } from '../../../core/domain/types.js'
import { useEngine, useLive } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ErrorText } from '../ErrorText.js'
import { useNow } from '../useNow.js'
import { CheckOnMeDialog } from './CheckOnMeDialog.js'
import { ReachOutCard } from './ReachOutCard.js'
import { ReachOutForm } from './ReachOutForm.js'
import './ReachOuts.css'

export function ReachOuts({
  communityId,
  members,
  canAct,
  onOpenConversation,
  onResources
}: {
  communityId: string
  members: readonly Member[]
  canAct: boolean
  onOpenConversation: (memberId: string) => void
  onResources: () => void
}) {
  const engine = useEngine()
  const id = useId()
  const now = useNow()
  const s = strings.reaching
  const [writing, setWriting] = useState(false)
  const [checking, setChecking] = useState(false)
  const [sent, setSent] = useState<string | null>(null)
  const reachOuts = useLive(
    () => engine.call('reachouts.list', { communityId }),
    [communityId],
    (e) => e.type === 'community-changed' && e.communityId === communityId
  )
  const list = reachOuts.data ?? []
  return (
    <section className="page-section" aria-labelledby={`${id}-title`}>
      <div className="section-bar">
        <h3 id={`${id}-title`}>{s.listTitle}</h3>
        {canAct && !writing ? (
          <div className="actions">
            <button type="button" className="button" onClick={() => setChecking(true)}>
              {s.checkOnMe}
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => {
                setSent(null)
                setWriting(true)
              }}
            >
              {s.talk}
            </button>
          </div>
        ) : null}
      </div>
      {writing ? (
        <ReachOutForm
          communityId={communityId}
          members={members}
          onDone={(to) => {
            setWriting(false)
            if (to && to.length > 0) setSent(s.sentChosen(to.join(', ')))
          }}
        />
      ) : null}
      <p role="status" className="saved">
        {sent ?? ''}
      </p>
      <ErrorText error={reachOuts.error} />
      {reachOuts.data && list.length === 0 ? <p className="hint">{s.none}</p> : null}
      {list.length > 0 ? (
        <div className="reach-list plain-list">
          {list.map((reach) => (
            <ReachOutCard
              key={reach.id}
              reach={reach}
              communityId={communityId}
              canAct={canAct}
              now={now}
              onOpenConversation={onOpenConversation}
              onResources={onResources}
            />
          ))}
        </div>
      ) : null}
      {checking ? (
        <CheckOnMeDialog
          communityId={communityId}
          members={members}
          onClose={(done) => {
            setChecking(false)
            if (done) setSent(strings.checkOnMe.sent)
          }}
        />
      ) : null}
    </section>
  )
}
