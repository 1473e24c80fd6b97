// What a reader can do about someone else's post beyond responding: flag it
// for the community (never anonymous), or, on this device only, hide it or
// mute its author.
import { useId, useRef, useState } from 'react'
import type { Post } from '../../core/domain/types.js'
import { useAction, useEngine } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { ErrorText } from './ErrorText.js'
import './PostMenu.css'
import { Button } from './Button.js'

export function PostMenu({
  post,
  communityId,
  canFlag,
  onFlag
}: {
  post: Post
  communityId: string
  /** Flagging writes to the community, so it waits until you have agreed and can write. */
  canFlag: boolean
  onFlag?: (post: Post) => void
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.personal
  const [open, setOpen] = useState(false)
  const toggle = useRef<HTMLButtonElement>(null)
  const act = useAction(async (what: 'unflag' | 'hide' | 'mute') => {
    if (what === 'unflag') return engine.call('flags.remove', { communityId, postId: post.id })
    if (what === 'hide') return engine.call('posts.hideForMe', { communityId, postId: post.id, hidden: true })
    return engine.call('members.mute', { communityId, memberId: post.authorId, muted: !post.authorMuted })
  })
  const close = () => {
    setOpen(false)
    toggle.current?.focus()
  }
  return (
    <div className="post-menu">
      <Button
        ref={toggle}
        tone="link"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={s.moreLabel(post.author)}
        onClick={() => setOpen((o) => !o)}
      >
        {s.more}
      </Button>
      {open ? (
        <div
          className="post-menu-items"
          id={id}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return
            event.stopPropagation()
            close()
          }}
        >
          {canFlag && onFlag && !post.flaggedByMe ? (
            <Button
              small
              onClick={() => {
                // Focus comes back to "More" when the dialog closes: this button will be gone.
                close()
                onFlag(post)
              }}
            >
              {strings.flags.flag}
            </Button>
          ) : null}
          {canFlag && post.flaggedByMe ? (
            <Button small onClick={() => void act.run('unflag')}>
              {strings.flags.unflag}
            </Button>
          ) : null}
          <Button small onClick={() => void act.run('hide')}>
            {s.hide}
          </Button>
          <Button small onClick={() => void act.run('mute')}>
            {post.authorMuted ? s.unmute(post.author) : s.mute(post.author)}
          </Button>
          <p className="hint">{s.onlyHere}</p>
          <ErrorText error={act.error} />
        </div>
      ) : null}
    </div>
  )
}
