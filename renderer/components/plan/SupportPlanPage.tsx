// Your support plan (one for all your communities, only on this device,
// encrypted), who in this community you share it with, and the plans others
// here have shared with you.
import { useId } from 'react'
import type { Member } from '../../../core/domain/types.js'
import { useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ErrorText } from '../ErrorText.js'
import { Page, PageSection } from '../Page.js'
import { useNow } from '../useNow.js'
import { PlanFields } from './PlanFields.js'
import { PlanForm } from './PlanForm.js'
import { PlanShares } from './PlanShares.js'
import { useCommunityLive } from '../useCommunityLive.js'
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
  const mine = useCommunityLive(communityId, () => engine.call('plan.get', {}))
  const theirs = useCommunityLive(communityId, () => engine.call('plans.sharedWithMe', { communityId }))
  const data = mine.data
  return (
    <Page className="plan-page" title={s.title}>
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
      <PageSection title={s.sharedWithMe}>
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
      </PageSection>
    </Page>
  )
}
