// On your own post: whether it has reached anyone yet.
import type { PostState } from '../../../core/domain/types.js'
import { strings } from '../../strings/index.js'
import './StateBadge.css'

export function StateBadge({ state }: { state: PostState }) {
  const s = strings.states[state]
  return (
    <span className={`badge state state-${state}`} title={s.hint}>
      <span className="state-dot" aria-hidden="true" />
      {s.label}
    </span>
  )
}
