// One post: who wrote it and when, what they asked for (reply mode), a
// content note that keeps the text closed until the reader chooses, the
// responses with "Me too" first, and for your own posts whether they have
// reached anyone yet. Posts folded on this device or collapsed by members'
// flags stay closed until opened on purpose.
import { memo, useId, useState } from 'react'
import type { KeyboardEvent, ReactNode, Ref } from 'react'
import { REACTION_KINDS, REPLY_MODES } from '../../core/domain/types.js'
import type { Post, PostState, ReactionKind, ReplyMode } from '../../core/domain/types.js'
import { useAction, useEngine } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { Avatar } from './Avatar.js'
import { ErrorText } from './ErrorText.js'
import { MemberMarker } from './MemberMarker.js'
import { CollapsedNotice, FlagList, PersonalFold } from './PostCover.js'
import { PostMenu } from './PostMenu.js'
import { ResourceDetails } from './ResourceDetails.js'

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
      <article {...row} className="post post-folded" aria-labelledby={`${id}-fold`}>
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
      className={`post${post.mine ? ' post-mine' : ''}${post.deleted ? ' post-deleted' : ''}${post.collapsed ? ' post-collapsed-card' : ''}`}
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
              <button
                type="button"
                className="button link replies"
                onClick={() => props.onOpenThread?.(post)}
                aria-label={post.replyCount === 0 ? `${s.reply} (${post.author})` : undefined}
              >
                {s.replies(post.replyCount)}
              </button>
            ) : null}
            {post.mine && props.writable ? (
              <>
                <button type="button" className="button link" onClick={() => setEditing(true)}>
                  {s.edit}
                </button>
                <button type="button" className="button link danger" onClick={() => props.onDelete(post)}>
                  {s.delete}
                </button>
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

export function ModeBadge({ mode }: { mode: ReplyMode }) {
  return <span className={`badge mode mode-${mode}`}>{strings.modes[mode].badge}</span>
}

export function StateBadge({ state }: { state: PostState }) {
  const s = strings.states[state]
  return (
    <span className={`badge state state-${state}`} title={s.hint}>
      <span className="state-dot" aria-hidden="true" />
      {s.label}
    </span>
  )
}

/** Keeps the text closed behind its content note until the reader opens it. */
export function ContentNote({ note, children }: { note: string | null; children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  if (!note) return <>{children}</>
  return (
    <div className="content-note">
      <p className="note-line">
        <span className="note-label">{strings.post.noteLabel}:</span>{' '}
        <span className="note-text">{note}</span>{' '}
        <button
          type="button"
          className="button small"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? strings.post.hide : strings.post.show}
        </button>
      </p>
      <div id={id} hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  )
}

const LINK = /(https:\/\/[^\s<>"]+)/g

/** The text as written, with https links that open (after asking) in the browser. */
export function PostText({ text }: { text: string }) {
  const engine = useEngine()
  const parts = text.split(LINK)
  return (
    <p className="post-text">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a
            key={i}
            href={part}
            rel="noreferrer noopener"
            onClick={(event) => {
              event.preventDefault()
              void engine.openExternal(part)
            }}
          >
            {part}
          </a>
        ) : (
          part
        )
      )}
    </p>
  )
}

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
            onClick={() => {
              // Not disabled while sending, so keyboard focus stays on the button.
              if (!toggle.pending) void toggle.run(kind, !mine)
            }}
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

function PostEditor({
  post,
  communityId,
  onDone,
  labelledBy
}: {
  post: Post
  communityId: string
  onDone: () => void
  labelledBy: string
}) {
  const engine = useEngine()
  const id = useId()
  const [text, setText] = useState(post.text)
  const [mode, setMode] = useState<ReplyMode>(post.mode)
  const [note, setNote] = useState(post.note ?? '')
  const save = useAction(async () => {
    await engine.call('posts.edit', {
      communityId,
      postId: post.id,
      text,
      mode,
      note: note.trim() ? note.trim() : null
    })
  })
  return (
    <form
      className="post-editor stack"
      aria-labelledby={labelledBy}
      onSubmit={async (event) => {
        event.preventDefault()
        if (!text.trim()) return
        await save.run()
        onDone()
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          onDone()
        }
      }}
    >
      <label className="visually-hidden" htmlFor={`${id}-text`}>
        {strings.post.edit}
      </label>
      <textarea id={`${id}-text`} rows={4} value={text} autoFocus onChange={(e) => setText(e.target.value)} />
      {post.replyTo === null ? <ModeChoice value={mode} onChange={setMode} /> : null}
      <div className="field">
        <label htmlFor={`${id}-note`}>{strings.compose.noteLabel}</label>
        <input
          id={`${id}-note`}
          type="text"
          maxLength={200}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <ErrorText error={save.error} />
      <div className="actions">
        <button type="button" className="button quiet" onClick={onDone}>
          {strings.post.cancel}
        </button>
        <button type="submit" className="button primary" disabled={save.pending || !text.trim()}>
          {strings.post.save}
        </button>
      </div>
    </form>
  )
}

export function ModeChoice({ value, onChange }: { value: ReplyMode; onChange: (mode: ReplyMode) => void }) {
  const name = useId()
  return (
    <fieldset className="modes">
      <legend>{strings.compose.modeLegend}</legend>
      {REPLY_MODES.map((mode) => (
        <label key={mode} className={`mode-option mode-${mode}`}>
          <input type="radio" name={name} checked={value === mode} onChange={() => onChange(mode)} />
          <span className="mode-option-label">{strings.modes[mode].label}</span>
          <span className="mode-option-hint">{strings.modes[mode].hint}</span>
        </label>
      ))}
    </fieldset>
  )
}
