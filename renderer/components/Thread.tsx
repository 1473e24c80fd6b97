// A post and its replies, oldest reply first, with a reply box that reminds
// you what the author asked for.
import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import type { Post } from '../../core/domain/types.js'
import { useEngine, useLive } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { Compose } from './Compose.js'
import { ErrorText } from './ErrorText.js'
import { PostList } from './PostList.js'
import { useNow } from './useNow.js'
import './Thread.css'
import { Button } from './Button.js'

export function Thread({
  communityId,
  rootId,
  topic,
  writable,
  colors,
  onBack,
  onDelete,
  onFlag,
  onAskReview,
  gate
}: {
  communityId: string
  rootId: string
  topic: string
  writable: boolean
  colors: ReadonlyMap<string, string | null>
  onBack: () => void
  onDelete: (post: Post) => void
  onFlag?: (post: Post) => void
  onAskReview?: (post: Post) => void
  /** Shown instead of the reply box until you have agreed to the agreements. */
  gate?: ReactNode
}) {
  const engine = useEngine()
  const now = useNow()
  const back = useRef<HTMLButtonElement>(null)
  const thread = useLive(
    () => engine.call('posts.thread', { communityId, postId: rootId }),
    [communityId, rootId],
    (e) => (e.type === 'community-changed' || e.type === 'sync-changed') && e.communityId === communityId
  )
  useEffect(() => back.current?.focus(), [rootId])
  const root = thread.data?.root
  const posts = thread.data ? [thread.data.root, ...thread.data.replies] : []
  return (
    <section className="thread" aria-labelledby="thread-title">
      <div className="thread-bar">
        <Button ref={back} tone="quiet" onClick={onBack} aria-keyshortcuts="Escape">
          ← {strings.thread.back(root?.topic ?? topic)}
        </Button>
        <h2 id="thread-title" className="thread-title">
          {strings.thread.title}
        </h2>
      </div>
      <ErrorText error={thread.error} />
      {thread.data ? (
        <PostList
          posts={posts}
          label={strings.post.threadLabel}
          hasMore={false}
          loadingMore={false}
          colors={colors}
          itemProps={{ communityId, writable, now, onDelete, onFlag, onAskReview }}
        />
      ) : thread.error ? null : (
        <p className="quiet-note" role="status">
          {strings.post.loading}
        </p>
      )}
      {root && !root.deleted && gate ? gate : null}
      {root && !root.deleted && !gate ? (
        <Compose
          key={root.id}
          communityId={communityId}
          topic={root.topic}
          replyTo={{ id: root.id, author: root.author, mode: root.mode }}
          label={strings.compose.replyLabel(root.author)}
          disabled={!writable}
        />
      ) : null}
    </section>
  )
}
