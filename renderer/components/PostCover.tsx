// What covers a post before it is read: folded away on this device (hidden,
// or its author muted), or collapsed for everyone because enough members
// flagged it, with who flagged and why. Each can be opened on purpose.
import type { Post } from '../../core/domain/types.js'
import { useAction, useEngine } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { ErrorText } from './ErrorText.js'
import './PostCover.css'
import { Button } from './Button.js'

/** On this device only: a post you hid, or one by someone you muted. */
export function PersonalFold({
  post,
  communityId,
  labelId,
  onShow
}: {
  post: Post
  communityId: string
  labelId: string
  onShow: () => void
}) {
  const engine = useEngine()
  const s = strings.personal
  const unhide = useAction(async () =>
    engine.call('posts.hideForMe', { communityId, postId: post.id, hidden: false })
  )
  return (
    <div className="post-fold">
      <p id={labelId}>{post.hiddenByMe ? s.hidden : s.muted}</p>
      {post.hiddenByMe ? (
        <Button small onClick={() => void unhide.run()}>
          {s.unhide}
        </Button>
      ) : (
        <Button small onClick={onShow}>
          {s.showMuted}
        </Button>
      )}
      <ErrorText error={unhide.error} />
    </div>
  )
}

/** Collapsed by members' flags: the reasons and who gave them, and a way to read it anyway. */
export function CollapsedNotice({
  post,
  open,
  canAct,
  onToggle,
  onAskReview
}: {
  post: Post
  open: boolean
  canAct: boolean
  onToggle: () => void
  onAskReview?: (post: Post) => void
}) {
  const s = strings.flags
  return (
    <div className="post-collapsed">
      <p className="collapsed-title">{post.mine ? s.collapsedMine : s.collapsed}</p>
      <p className="flag-count">{s.flaggedBy(post.flags.length)}</p>
      <FlagList post={post} />
      <div className="collapsed-actions">
        <Button small aria-expanded={open} onClick={onToggle}>
          {open ? s.close : s.open}
        </Button>
        {post.mine && canAct && onAskReview ? (
          <Button small onClick={() => onAskReview(post)}>
            {s.askReview}
          </Button>
        ) : null}
      </div>
    </div>
  )
}

/** Flags are never anonymous: each with who gave it and why. */
export function FlagList({ post }: { post: Post }) {
  return (
    <ul className="flag-list">
      {post.flags.map((flag) => (
        <li key={flag.byId}>{strings.flags.line(flag.by, flag.reason)}</li>
      ))}
    </ul>
  )
}
