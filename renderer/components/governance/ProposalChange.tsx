// What a proposal would change, shown so members can weigh it: new words
// beside the ones they replace, settings from what they are to what they
// would be, or the collapsed post a review is about.
import { useState } from 'react'
import type { Settings } from '../../../core/domain/governance.js'
import type { Agreements, GovernanceState, Proposal } from '../../../core/domain/types.js'
import { useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { AgreementsText } from './AgreementsText.js'
import { ErrorText } from '../ErrorText.js'
import { ContentNote, PostText } from '../PostCard.js'
import { SETTING_KEYS, settingWords } from '../Settings.js'
import { diffLines } from './textDiff.js'
import { useCommunityLive } from '../useCommunityLive.js'
import './ProposalChange.css'

export function ProposalChange({
  proposal,
  governance,
  history,
  communityId
}: {
  proposal: Proposal
  governance: GovernanceState
  history: readonly Agreements[]
  communityId: string
}) {
  const change = proposal.change
  const s = strings.proposals
  if (change.kind === 'agreements' || change.kind === 'confidentiality') {
    const field = change.kind === 'agreements' ? 'text' : 'confidentiality'
    const before = textBefore(proposal, governance, history, field)
    return (
      <div className="proposal-change">
        {before === null ? null : <TextDiff before={before} after={change.text} />}
        <details className="proposal-full">
          <summary>{s.fullText}</summary>
          <AgreementsText text={change.text} />
        </details>
      </div>
    )
  }
  if (change.kind === 'settings') {
    const open = proposal.status === 'open'
    return (
      <ul className="proposal-change proposal-settings">
        {SETTING_KEYS.filter((key) => change.settings[key] !== undefined).map((key) => (
          <li key={key}>
            {s.setting(
              strings.settings[key],
              open ? settingWords(key, governance.settings[key]) : null,
              settingWords(key, change.settings[key] as Settings[typeof key])
            )}
          </li>
        ))}
      </ul>
    )
  }
  if (change.kind === 'review')
    return <ReviewedPost communityId={communityId} postId={change.postId} status={proposal.status} />
  return null
}

/** The words a text proposal replaces: today's for an open one, the version before for an adopted one. */
function textBefore(
  proposal: Proposal,
  governance: GovernanceState,
  history: readonly Agreements[],
  field: 'text' | 'confidentiality'
): string | null {
  if (proposal.status === 'open') return governance.agreements[field]
  if (proposal.status !== 'adopted') return null
  const adopted = history.find((a) => a.proposalId === proposal.id)
  const previous = adopted ? history.find((a) => a.version === adopted.version - 1) : undefined
  return previous ? previous[field] : null
}

function TextDiff({ before, after }: { before: string; after: string }) {
  const s = strings.proposals
  const diff = diffLines(before, after)
  if (!diff.some((line) => line.kind === 'added' || line.kind === 'removed'))
    return <p className="hint">{s.noTextChange}</p>
  return (
    <div className="text-diff box">
      {diff.map((line, i) =>
        line.kind === 'folded' ? (
          <p key={i} className="diff-folded" aria-hidden="true">
            ⋯
          </p>
        ) : line.kind === 'same' ? (
          <p key={i} className="diff-same">
            {line.text}
          </p>
        ) : (
          <ChangedLine key={i} kind={line.kind} text={line.text} />
        )
      )}
    </div>
  )
}

/** The post a review is about, read only when a member asks to. */
function ReviewedPost({
  communityId,
  postId,
  status
}: {
  communityId: string
  postId: string
  status: Proposal['status']
}) {
  const [open, setOpen] = useState(false)
  return (
    <details
      className="proposal-change proposal-post"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>{strings.proposals.readPost}</summary>
      {open ? <PostBody communityId={communityId} postId={postId} key={status} /> : null}
    </details>
  )
}

function PostBody({ communityId, postId }: { communityId: string; postId: string }) {
  const engine = useEngine()
  const post = useCommunityLive(communityId, () => engine.call('posts.get', { communityId, postId }), [
    postId
  ])
  if (post.error)
    return post.error.code === 'not-found' ? (
      <p className="hint">{strings.proposals.postGone}</p>
    ) : (
      <ErrorText error={post.error} />
    )
  if (!post.data) return <p className="hint">{strings.post.loading}</p>
  if (post.data.deleted) return <p className="hint">{strings.proposals.postGone}</p>
  return (
    <ContentNote note={post.data.note}>
      <PostText text={post.data.text} />
    </ContentNote>
  )
}

/** A line taken out or put in, marked as such for a screen reader as well as by colour. */
function ChangedLine({ kind, text }: { kind: 'removed' | 'added'; text: string }) {
  const s = strings.proposals
  const Mark = kind === 'removed' ? 'del' : 'ins'
  return (
    <p className={`diff-${kind}`}>
      <Mark>
        <span className="visually-hidden">{kind === 'removed' ? s.removedText : s.addedText} </span>
        {text}
      </Mark>
    </p>
  )
}
