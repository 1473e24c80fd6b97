// Reach-outs in a community: "I'd like to talk" (and "check on me"), then
// the reach-outs themselves, newest first.
import { useState } from 'react'
import type { Member } from '../../../core/domain/types.js'
import { useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ErrorText } from '../ErrorText.js'
import { PageSection } from '../Page.js'
import { useNow } from '../useNow.js'
import { CheckOnMeDialog } from './CheckOnMeDialog.js'
import { ReachOutCard } from './ReachOutCard.js'
import { ReachOutForm } from './ReachOutForm.js'
import { useCommunityLive } from '../useCommunityLive.js'
import './ReachOuts.css'
import { Button } from '../Button.js'

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
  const now = useNow()
  const s = strings.reaching
  const [writing, setWriting] = useState(false)
  const [checking, setChecking] = useState(false)
  const [sent, setSent] = useState<string | null>(null)
  const reachOuts = useCommunityLive(communityId, () => engine.call('reachouts.list', { communityId }))
  const list = reachOuts.data ?? []
  return (
    <PageSection
      title={s.listTitle}
      actions={
        canAct && !writing ? (
          <div className="actions">
            <Button onClick={() => setChecking(true)}>{s.checkOnMe}</Button>
            <Button
              tone="primary"
              onClick={() => {
                setSent(null)
                setWriting(true)
              }}
            >
              {s.talk}
            </Button>
          </div>
        ) : null
      }
    >
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
    </PageSection>
  )
}
