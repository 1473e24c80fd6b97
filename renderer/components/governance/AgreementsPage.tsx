// A community's agreements page: the words everyone agreed to and their
// confidentiality limits, how the community works, the proposals to change
// any of it (open first), and every earlier version.
import { useMemo, useState } from 'react'
import type { GovernanceState, Member, Proposal } from '../../../core/domain/types.js'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { AgreementsSections } from './AgreementsText.js'
import { ErrorText } from '../ErrorText.js'
import { Page, PageSection } from '../Page.js'
import { mayTakePart } from '../participation.js'
import { ProposalCard } from './ProposalCard.js'
import { ProposeDialog } from './ProposeDialog.js'
import { SettingsSummary } from '../Settings.js'
import { useNow } from '../useNow.js'
import { useCommunityLive } from '../useCommunityLive.js'
import './AgreementsPage.css'
import { Button } from '../Button.js'

export function AgreementsPage({
  communityId,
  communityName,
  governance,
  members,
  writable
}: {
  communityId: string
  communityName: string
  governance: GovernanceState
  members: readonly Member[]
  /** This device can write here and the community has not removed you. */
  writable: boolean
}) {
  const engine = useEngine()
  const now = useNow()
  const s = strings.agreements
  const [proposing, setProposing] = useState<{ revising: Proposal | null } | null>(null)
  const proposals = useCommunityLive(communityId, () => engine.call('proposals.list', { communityId }))
  const history = useCommunityLive(communityId, () => engine.call('agreements.history', { communityId }))
  const names = useMemo(() => new Map(members.map((m) => [m.id, m.name] as const)), [members])
  const versions = history.data ?? []
  const byId = useMemo(() => new Map((proposals.data ?? []).map((p) => [p.id, p] as const)), [proposals.data])
  const { agreements, myAgreedVersion } = governance
  const canAct = mayTakePart(writable, myAgreedVersion)

  return (
    <Page
      className="agreements-page"
      title={s.pageTitle(communityName)}
      outside={
        proposing ? (
          <ProposeDialog
            communityId={communityId}
            governance={governance}
            revising={proposing.revising}
            onClose={() => setProposing(null)}
          />
        ) : null
      }
    >
      <AgreeStatus
        communityId={communityId}
        version={agreements.version}
        mine={myAgreedVersion}
        canWrite={writable}
      />
      <div className="agreements-current card card-raised">
        <p className="hint">{s.current(agreements.version)}</p>
        <AgreementsSections agreements={agreements} />
      </div>

      <PageSection title={s.settingsTitle}>
        <SettingsSummary settings={governance.settings} />
      </PageSection>

      <PageSection
        title={strings.proposals.title}
        actions={
          canAct ? (
            <Button tone="primary" onClick={() => setProposing({ revising: null })}>
              {s.propose}
            </Button>
          ) : null
        }
      >
        <ErrorText error={proposals.error} />
        {proposals.data?.length === 0 ? <p className="hint">{strings.proposals.none}</p> : null}
        <div className="proposal-list">
          {(proposals.data ?? []).map((proposal) => (
            <ProposalCard
              key={proposal.id}
              proposal={proposal}
              communityId={communityId}
              governance={governance}
              history={versions}
              names={names}
              canAct={canAct}
              now={now}
              onRevise={(p) => setProposing({ revising: p })}
            />
          ))}
        </div>
      </PageSection>

      {versions.length > 1 ? (
        <PageSection title={s.history}>
          <ErrorText error={history.error} />
          {versions
            .filter((v) => v.version !== agreements.version)
            .reverse()
            .map((v) => {
              const from = v.proposalId ? byId.get(v.proposalId) : undefined
              return (
                <details key={v.version} className="version box">
                  <summary>
                    {s.current(v.version)}
                    {' · '}
                    {v.proposalId === null
                      ? s.founding
                      : from
                        ? s.fromProposal(from.author, from.reason)
                        : s.adoptedChange}
                  </summary>
                  <AgreementsSections agreements={v} level={4} />
                </details>
              )
            })}
        </PageSection>
      ) : null}
    </Page>
  )
}

/** Whether you have agreed to these words, and a way to agree to new ones. */
function AgreeStatus({
  communityId,
  version,
  mine,
  canWrite
}: {
  communityId: string
  version: number
  mine: number | null
  canWrite: boolean
}) {
  const engine = useEngine()
  const s = strings.agreements
  const agree = useAction(async () => engine.call('agreements.accept', { communityId, version }))
  if (mine !== null && mine >= version) return <p className="agree-status">{s.youAgreed(mine)}</p>
  return (
    <div className="agree-status agree-needed">
      <p>{mine === null ? s.gateIntro : s.changed(mine, version)}</p>
      {canWrite ? (
        <Button tone="primary" disabled={agree.pending} onClick={() => void agree.run()}>
          {agree.pending ? s.agreeing : mine === null ? s.agree : s.agreeAgain}
        </Button>
      ) : null}
      <ErrorText error={agree.error} />
    </div>
  )
}
