// The reply mode the author asked for, as a badge on their post.
import type { ReplyMode } from '../../../core/domain/types.js'
import { strings } from '../../strings/index.js'
import './ModeBadge.css'

export function ModeBadge({ mode }: { mode: ReplyMode }) {
  return <span className={`badge mode mode-${mode}`}>{strings.modes[mode].badge}</span>
}
