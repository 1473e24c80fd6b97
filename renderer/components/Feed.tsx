// A topic: the compose box (or, before a newcomer agrees, the agreements),
// then its posts newest first. #check-ins asks how you are arriving;
// #resources lists places to turn to, with a form to add one.
import type { ReactNode } from 'react'
import type { Post, ReplyMode } from '../../core/domain/types.js'
import { useFeed } from '../engine/feed.js'
import { strings } from '../strings/index.js'
import { CHECK_INS_TOPIC, RESOURCES_TOPIC } from '../../core/domain/reaching.js'
import { Compose } from './Compose.js'
import { NotCrisis } from './reaching/NotCrisis.js'
import { ResourceCompose } from './ResourceCompose.js'
import { ErrorText } from './ErrorText.js'
import { PostList } from './PostList.js'
import { useNow } from './useNow.js'
import './Feed.css'

export function Feed({
  communityId,
  communityName,
  topic,
  writable,
  colors,
  covered = false,
  onOpenThread,
  onDelete,
  onFlag,
  onAskReview,
  gate,
  defaultMode
}: {
  communityId: string
  communityName: string
  topic: string
  writable: boolean
  colors: ReadonlyMap<string, string | null>
  /** A thread is open over the feed: keep it (and its scroll place) but out of sight and reach. */
  covered?: boolean
  onOpenThread: (post: Post) => void
  onDelete: (post: Post) => void
  onFlag?: (post: Post) => void
  onAskReview?: (post: Post) => void
  /** Shown instead of the compose box until you have agreed to the agreements. */
  gate?: ReactNode
  /** The community's default reply mode for new posts. */
  defaultMode?: ReplyMode
}) {
  const feed = useFeed(communityId, topic)
  const now = useNow()
  return (
    <section
      className={`feed${covered ? ' feed-covered' : ''}`}
      aria-label={strings.post.feedLabel(topic)}
      inert={covered}
    >
      {topic === RESOURCES_TOPIC ? (
        <div className="topic-intro">
          <h2>{strings.resources.title}</h2>
          <p>{strings.resources.intro}</p>
          <NotCrisis />
        </div>
      ) : null}
      {gate ??
        (topic === RESOURCES_TOPIC ? (
          <ResourceCompose key={communityId} communityId={communityId} disabled={!writable} />
        ) : (
          <Compose
            key={`${communityId}/${topic}`}
            communityId={communityId}
            topic={topic}
            label={topic === CHECK_INS_TOPIC ? strings.checkIns.prompt : strings.compose.label(communityName)}
            disabled={!writable}
            defaultMode={defaultMode}
            checkIn={topic === CHECK_INS_TOPIC}
          />
        ))}
      <ErrorText error={feed.error} />
      {feed.loading ? (
        <p className="quiet-note" role="status">
          {strings.post.loading}
        </p>
      ) : (
        <PostList
          posts={feed.posts}
          label={strings.post.feedLabel(topic)}
          hasMore={feed.hasMore}
          loadingMore={feed.loadingMore}
          onLoadMore={feed.loadMore}
          onVisible={feed.setVisible}
          colors={colors}
          itemProps={{ communityId, writable, now, onOpenThread, onDelete, onFlag, onAskReview }}
          empty={<p className="quiet-note">{strings.post.empty}</p>}
          end={strings.post.end}
        />
      )}
    </section>
  )
}
