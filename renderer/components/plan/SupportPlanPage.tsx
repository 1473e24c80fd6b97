// Your support plan (one for all your communities, only on this device,
// encrypted), who in this community you share it with, and the plans others
// here have shared with you.
import { useId } from 'react'
import type { Member } from '../../../core/domain/types.js'
import { useEngine, useLive } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ErrorText } from '../ErrorText.js'
import { useNow } from '../useNow.js'
import { PlanFields } from './PlanFields.js'
import { PlanForm } from './PlanForm.js'
import { PlanShares } from './PlanShares.js'
import './SupportPlanPage.css'

export function SupportPlanPage({
  communityId,
  members,
  canAct
}: {
  communityId: string
  members: readonly Member[]
  canAct: boolean
}) {
  const engine = useEngine()
  const id = useId()
  const now = useNow()
  const s = strings.plan
  const changed = (e: { type: string; communityId?: string }) =>
    e.type === 'community-changed' && e.communityId === communityId
  const mine = useLive(() => engine.call('plan.get', {}), [communityId], changed)
  const theirs = useLive(() => engine.call('plans.sharedWithMe', { communityId }), [communityId], changed)
  const data = mine.data
  return (
    <section className="page plan-page" aria-labelledby={`${id}-title`} id="content" tabIndex={0}>
      <div className="page-inner">
        <h2 id={`${id}-title`}>{s.title}</h2>
        <p>{s.intro}</p>
        <p className="hint">{s.sameEverywhere}</p>
        <ErrorText error={mine.error} />
        {data ? (
          <>
            {data.plan.version === 0 ? <p className="hint">{s.neverSaved}</p> : null}
            <PlanForm plan={data.plan} shareCount={data.shares.length} onSaved={mine.reload} />
            <PlanShares
              communityId={communityId}
              members={members}
              shares={data.shares.filter((x) => x.communityId === communityId)}
              saved={data.plan.version > 0}
              canAct={canAct}
              onChanged={mine.reload}
            />
          </>
        ) : null}
        <section className="page-section" aria-labelledby={`${id}-theirs`}>
          <h3 id={`${id}-theirs`}>{s.sharedWithMe}</h3>
          <ErrorText error={theirs.error} />
          {theirs.data?.length === 0 ? <p className="hint">{s.sharedWithMeNone}</p> : null}
          {(theirs.data ?? []).map((shared) => (
            <article
              key={shared.memberId}
              className="shared-plan card"
              aria-labelledby={`${id}-${shared.memberId}`}
            >
              <h4 id={`${id}-${shared.memberId}`}>{s.theirPlan(shared.member)}</h4>
              {shared.plan.updatedAt !== null ? (
                <p className="hint">{s.updated(strings.time.relative(shared.plan.updatedAt, now))}</p>
              ) : null}
              <PlanFields plan={shared.plan} />
            </article>
          ))}
        </section>
      </div>
    </section>
  )
}
