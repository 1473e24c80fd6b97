// The responses anyone else can give a post, "Me too" first.
import { useRef } from 'react'
import { REACTION_KINDS } from '../../../core/domain/types.js'
import type { Post, ReactionKind } from '../../../core/domain/types.js'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ErrorText } from '../ErrorText.js'
import './ReactionBar.css'

export function ReactionBar({
  post,
  communityId,
  writable
}: {
  post: Post
  communityId: string
  writable: boolean
}) {
  const engine = useEngine()
  const toggle = useAction(async (kind: ReactionKind, on: boolean) =>
    engine.call(on ? 'reactions.add' : 'reactions.remove', { communityId, postId: post.id, kind })
  )
  // A press while the last is still on its way counts from what that one asked for, and goes after it:
  // the post may already show the first press before the engine has answered it.
  const asked = useRef(new Map<ReactionKind, boolean>())
  const queue = useRef(Promise.resolve())
  const press = (kind: ReactionKind, mine: boolean) => {
    const on = !(asked.current.get(kind) ?? mine)
    asked.current.set(kind, on)
    queue.current = queue.current.then(async () => {
      await toggle.run(kind, on)
      if (asked.current.get(kind) === on) asked.current.delete(kind)
    })
  }
  return (
    <div className="reactions" role="group" aria-label={strings.post.reactionsLabel}>
      {REACTION_KINDS.map((kind) => {
        const mine = post.myReactions.includes(kind)
        const count = post.reactions[kind]
        const label = strings.reactions[kind]
        return (
          <button
            key={kind}
            type="button"
            className={`reaction reaction-${kind}${kind === 'me-too' ? ' reaction-primary' : ''}`}
            aria-pressed={mine}
            disabled={!writable}
            // Not disabled while sending, so keyboard focus stays on the button.
            onClick={() => press(kind, mine)}
          >
            <span className="reaction-label">{label}</span>
            {count > 0 ? <span className="reaction-count"> {count}</span> : null}
          </button>
        )
      })}
      <ErrorText error={toggle.error} />
    </div>
  )
}
