import { REACTION_KINDS } from '../../../core/domain/types.js'
import type { Post } from '../../../core/domain/types.js'
import { strings } from '../../strings/index.js'
import './ReactionSummary.css'

/** On your own post: what others said, to read rather than to press. */
export function ReactionSummary({ post }: { post: Post }) {
  const said = REACTION_KINDS.filter((kind) => post.reactions[kind] > 0)
  if (said.length === 0) return <span />
  return (
    <p className="reaction-summary">
      {said.map((kind, i) => (
        <span key={kind} className={`said said-${kind}`}>
          {i > 0 ? ' · ' : ''}
          {strings.reactionSummary[kind](post.reactions[kind])}
        </span>
      ))}
    </p>
  )
}
