// One proposal, everything in the open: what it changes and why, who
// proposed it, every response with its words, how many consents it still
// needs, and what you can do about it.
import { useId } from 'react'
import type { Agreements, GovernanceState, Proposal } from '../../../core/domain/types.js'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ErrorText } from '../ErrorText.js'
import { ProposalChange } from './ProposalChange.js'
import { RespondControls } from './RespondControls.js'
import './ProposalCard.css'
import { Button } from '../Button.js'

function proposalTitle(proposal: Proposal, names: ReadonlyMap<string, string>): string {
  const c = strings.proposals.change
  const change = proposal.change
  switch (change.kind) {
    case 'removal':
      return c.removal(names.get(change.member) ?? strings.log.someone)
    case 'review':
      // Only a post's author can ask for its review.
      return c.review(proposal.author)
    default:
      return c[change.kind]
  }
}

export function ProposalCard({
  proposal,
  communityId,
  governance,
  history,
  names,
  canAct,
  now,
  onRevise
}: {
  proposal: Proposal
  communityId: string
  governance: GovernanceState
  history: readonly Agreements[]
  names: ReadonlyMap<string, string>
  canAct: boolean
  now: number
  onRevise: (proposal: Proposal) => void
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.proposals
  const open = proposal.status === 'open'
  const withdraw = useAction(async () =>
    engine.call('proposals.withdraw', { communityId, proposalId: proposal.id })
  )
  return (
    <article className={`proposal proposal-${proposal.status}`} aria-labelledby={`${id}-title`}>
      <header className="proposal-header">
        <h4 id={`${id}-title`}>{proposalTitle(proposal, names)}</h4>
        <span className={`badge status status-${proposal.status}`}>{s.status[proposal.status]}</span>
      </header>
      <p className="proposal-meta">
        {s.by(
          proposal.mine ? strings.post.you : proposal.author,
          strings.time.relative(proposal.createdAt, now)
        )}
        {proposal.revision > 1 ? s.revised(proposal.revision) : ''}
      </p>
      <p className="proposal-reason">
        <span className="reason-label">{s.reason}: </span>
        {proposal.reason}
      </p>
      <ProposalChange
        proposal={proposal}
        governance={governance}
        history={history}
        communityId={communityId}
      />
      {open ? (
        <p className="proposal-progress">
          <strong>{s.progress(proposal.consents, proposal.required)}</strong>
          {proposal.objections > 0 ? <span> · {s.objections(proposal.objections)}</span> : null}
          <span className="hint"> · {s.rule}</span>
        </p>
      ) : null}
      {open && proposal.stale ? (
        <p className="proposal-stale">{proposal.mine ? s.staleMine : s.stale}</p>
      ) : null}
      <section className="responses" aria-labelledby={`${id}-responses`}>
        <h5 id={`${id}-responses`} className="visually-hidden">
          {s.responses}
        </h5>
        {proposal.responses.length === 0 ? (
          <p className="hint">{s.noResponses}</p>
        ) : (
          <ul className="response-list plain-list">
            {proposal.responses.map((r) => (
              <li key={r.memberId} className={`response response-${r.stance}`}>
                <span className="response-who">{s.response[r.stance](r.name)}</span>
                {r.note ? <span className="response-note">: “{r.note}”</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {open && proposal.aboutMe ? <p className="proposal-about-me">{s.aboutMe}</p> : null}
      {open && canAct && proposal.mine ? (
        <div className="proposal-own">
          <p className="hint">{s.mine}</p>
          <div className="actions">
            <Button onClick={() => onRevise(proposal)}>{s.revise}</Button>
            <Button tone="danger" disabled={withdraw.pending} onClick={() => void withdraw.run()}>
              {s.withdraw}
            </Button>
          </div>
          <ErrorText error={withdraw.error} />
        </div>
      ) : null}
      {open && canAct && !proposal.mine && !proposal.aboutMe && !proposal.stale ? (
        <RespondControls proposal={proposal} communityId={communityId} />
      ) : null}
    </article>
  )
}
