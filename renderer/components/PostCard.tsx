// One post: who wrote it and when, what they asked for (reply mode), a
// content note that keeps the text closed until the reader chooses, the
// responses with "Me too" first, and for your own posts whether they have
// reached anyone yet. Posts folded on this device or collapsed by members'
// flags stay closed until opened on purpose.
import { memo, useId, useState } from 'react'
import type { KeyboardEvent, Ref } from 'react'
import type { Post } from '../../core/domain/types.js'
import { strings } from '../strings/index.js'
import { Avatar } from './Avatar.js'
import { MemberMarker } from './MemberMarker.js'
import { ContentNote } from './post/ContentNote.js'
import { ModeBadge } from './post/ModeBadge.js'
import { PostEditor } from './post/PostEditor.js'
import { PostText } from './post/PostText.js'
import { ReactionBar } from './post/ReactionBar.js'
import { ReactionSummary } from './post/ReactionSummary.js'
import { StateBadge } from './post/StateBadge.js'
import { CollapsedNotice, FlagList, PersonalFold } from './PostCover.js'
import { PostMenu } from './PostMenu.js'
import { ResourceDetails } from './ResourceDetails.js'
import './PostCard.css'
import { Button } from './Button.js'

// The post's parts live in post/; other screens import them from here.
export { ContentNote, PostText }
export { ModeChoice } from './post/ModeChoice.js'

export interface PostCardProps {
  post: Post
  communityId: string
  color: string | null
  /** You can write here: agreed to the agreements, not removed, on a writable device. */
  writable: boolean
  now: number
  /** Opens the post's thread; absent when the post is the thread being read. */
  onOpenThread?: (post: Post) => void
  onDelete: (post: Post) => void
  /** Opens the dialog that asks why you flag a post. */
  onFlag?: (post: Post) => void
  /** Opens the dialog that asks the community to look again at your collapsed post. */
  onAskReview?: (post: Post) => void
  posInSet: number
  setSize: number
  ref?: Ref<HTMLElement>
  /** Where a virtualized list places the post, in pixels from the top. */
  start?: number
  index?: number
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void
}

/** Memoized: while a list scrolls, posts already on screen do not render again. */
export const PostCard = memo(function PostCard(props: PostCardProps) {
  const { post, color, now } = props
  const id = useId()
  const [editing, setEditing] = useState(false)
  // Opened on purpose; a post scrolled away and back is closed again.
  const [showFolded, setShowFolded] = useState(false)
  const [openCollapsed, setOpenCollapsed] = useState(post.mine)
  const s = strings.post
  const row = {
    ref: props.ref,
    style: props.start === undefined ? undefined : { transform: `translateY(${props.start}px)` },
    'data-index': props.index,
    'aria-posinset': props.posInSet,
    'aria-setsize': props.setSize,
    tabIndex: 0,
    'data-post-id': post.id,
    onKeyDown: props.onKeyDown
  }

  const folded = !post.deleted && !post.mine && (post.hiddenByMe || (post.authorMuted && !showFolded))
  if (folded)
    return (
      <article {...row} className="post card card-raised post-folded" aria-labelledby={`${id}-fold`}>
        <PersonalFold
          post={post}
          communityId={props.communityId}
          labelId={`${id}-fold`}
          onShow={() => setShowFolded(true)}
        />
      </article>
    )
  const closed = post.collapsed && !openCollapsed

  return (
    <article
      {...row}
      className={`post card card-raised${post.mine ? ' post-mine' : ''}${post.deleted ? ' post-deleted' : ''}${post.collapsed ? ' post-collapsed-card' : ''}`}
      aria-labelledby={`${id}-author`}
      aria-describedby={`${id}-meta`}
    >
      <header className="post-header">
        <Avatar name={post.author} color={color} />
        <div className="post-byline">
          <span className="post-author" id={`${id}-author`}>
            {post.author} <MemberMarker marker={post.authorMarker} />
            {post.mine ? <span className="post-you"> ({s.you})</span> : null}
          </span>
          <span className="post-meta" id={`${id}-meta`}>
            <time dateTime={new Date(post.createdAt).toISOString()} title={strings.time.full(post.createdAt)}>
              {strings.time.relative(post.createdAt, now)}
            </time>
            {post.editedAt !== null ? <span className="post-edited"> · {s.edited}</span> : null}
          </span>
        </div>
        <div className="post-badges">
          {post.mood && !post.deleted ? (
            <span className="badge mood">{strings.checkIns.mood(post.mood)}</span>
          ) : null}
          {post.deleted || post.replyTo !== null || post.resource ? null : <ModeBadge mode={post.mode} />}
          {post.mine && !post.deleted ? <StateBadge state={post.state} /> : null}
        </div>
      </header>
      {post.deleted ? (
        <p className="post-text post-gone">{s.deleted}</p>
      ) : editing ? (
        <PostEditor
          post={post}
          communityId={props.communityId}
          onDone={() => setEditing(false)}
          labelledBy={`${id}-author`}
        />
      ) : (
        <>
          {post.collapsed ? (
            <CollapsedNotice
              post={post}
              open={openCollapsed}
              canAct={props.writable}
              onToggle={() => setOpenCollapsed((o) => !o)}
              onAskReview={props.onAskReview}
            />
          ) : null}
          {closed ? null : (
            <ContentNote note={post.note}>
              {post.resource ? <ResourceDetails resource={post.resource} /> : null}
              <PostText text={post.text} />
            </ContentNote>
          )}
          {!post.collapsed && post.flags.length > 0 ? (
            <details className="post-flags">
              <summary>{strings.flags.flaggedBy(post.flags.length)}</summary>
              <FlagList post={post} />
            </details>
          ) : null}
        </>
      )}
      {post.deleted || editing || closed ? null : (
        <footer className="post-footer">
          {post.mine ? (
            <ReactionSummary post={post} />
          ) : (
            <ReactionBar post={post} communityId={props.communityId} writable={props.writable} />
          )}
          <div className="post-actions">
            {props.onOpenThread ? (
              <Button
                tone="link"
                className="replies"
                onClick={() => props.onOpenThread?.(post)}
                aria-label={post.replyCount === 0 ? `${s.reply} (${post.author})` : undefined}
              >
                {s.replies(post.replyCount)}
              </Button>
            ) : null}
            {post.mine && props.writable ? (
              <>
                <Button tone="link" onClick={() => setEditing(true)}>
                  {s.edit}
                </Button>
                <Button tone="link" className="danger" onClick={() => props.onDelete(post)}>
                  {s.delete}
                </Button>
              </>
            ) : null}
            {post.mine ? null : (
              <PostMenu
                post={post}
                communityId={props.communityId}
                canFlag={props.writable}
                onFlag={props.onFlag}
              />
            )}
          </div>
        </footer>
      )}
    </article>
  )
})
