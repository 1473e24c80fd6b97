// A topic's feed, newest first, read a page at a time with `before` cursors so
// a topic of any length costs only what the reader has scrolled through.
// Live changes re-read the newest page and the page the reader is looking at.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { FeedPage, Post } from '../../core/domain/types.js'
import type { RpcError } from '../../core/rpc/client.js'
import { asRpcError, useConnectionState, useEngine } from './hooks.js'

const PAGE_SIZE = 50
const WINDOW_MAX = 200

/**
 * Folds a page read with `before` (null: from the newest) into the loaded
 * posts. The page is the whole truth for the seq range it covers, so posts
 * deleted in that range drop out; a post whose place moved (the log can
 * reorder posts written apart) is kept only at its new place.
 */
function mergePage(posts: readonly Post[], page: FeedPage, before: number | null): Post[] {
  const low = page.next ?? 0
  const high = before ?? Number.POSITIVE_INFINITY
  const fresh = new Set(page.posts.map((p) => p.id))
  const kept = posts.filter((p) => !fresh.has(p.id) && (p.seq < low || p.seq >= high))
  return [...kept, ...page.posts].sort((a, b) => b.seq - a.seq)
}

interface Feed {
  posts: Post[]
  /** Older posts exist beyond what is loaded. */
  hasMore: boolean
  loading: boolean
  loadingMore: boolean
  error: RpcError | null
  loadMore: () => void
  /** The list reports which rows are on screen, so live changes re-read them. */
  setVisible: (first: number, last: number) => void
}

interface FeedState {
  key: string
  posts: Post[]
  hasMore: boolean
  loading: boolean
  loadingMore: boolean
  error: RpcError | null
}

export function useFeed(communityId: string, topic: string): Feed {
  const engine = useEngine()
  const { generation } = useConnectionState()
  const key = `${communityId}/${topic}`
  const [state, setState] = useState<FeedState>(() => initial(key))
  const current = useRef(state)
  current.current = state.key === key ? state : initial(key)
  const visible = useRef({ first: 0, last: 0 })
  const actions = useRef({ loadMore: () => undefined as void })

  useEffect(() => {
    let cancelled = false
    // Every read goes through one queue, so pages merge in the order they were asked for.
    let queue: Promise<void> = Promise.resolve()
    let refreshQueued = false
    let posts: Post[] = []
    let hasMore = true
    let loadingMore = false

    const publish = (patch: Partial<FeedState>) => {
      if (cancelled) return
      setState((s) => ({ ...(s.key === key ? s : initial(key)), posts, hasMore, loadingMore, ...patch }))
    }
    const enqueue = (job: () => Promise<void>) => {
      queue = queue.then(job).catch((err: unknown) => {
        const error = asRpcError(err)
        // A restarting engine is the notice's to explain; the feed reads again when it is back.
        if (error.code !== 'closed') publish({ error, loading: false })
      })
    }
    const read = (before: number | null, limit: number) =>
      engine.call('posts.feed', {
        communityId,
        topic,
        limit,
        ...(before === null ? {} : { before })
      })

    const refresh = () => {
      if (refreshQueued) return
      refreshQueued = true
      enqueue(async () => {
        refreshQueued = false
        if (cancelled) return
        const head = await read(null, PAGE_SIZE)
        posts = mergePage(posts, head, null)
        if (head.next === null) hasMore = false
        // Re-read the rows on screen too, when they are beyond the newest page.
        const { first, last } = visible.current
        const top = posts[first]
        if (top && head.next !== null && top.seq < head.next) {
          const before = top.seq + 1
          const page = await read(before, Math.min(WINDOW_MAX, last - first + 10))
          posts = mergePage(posts, page, before)
          if (page.next === null) hasMore = false
        }
        publish({ loading: false, error: null })
      })
    }

    const loadMore = () => {
      if (!hasMore || loadingMore || cancelled) return
      loadingMore = true
      publish({})
      enqueue(async () => {
        try {
          const oldest = posts[posts.length - 1]
          if (cancelled || !oldest) return
          const page = await read(oldest.seq, PAGE_SIZE)
          posts = mergePage(posts, page, oldest.seq)
          hasMore = page.next !== null
        } finally {
          loadingMore = false
          publish({ error: null })
        }
      })
    }
    actions.current.loadMore = loadMore

    // The first page.
    enqueue(async () => {
      const page = await read(null, PAGE_SIZE)
      posts = page.posts
      hasMore = page.next !== null
      publish({ loading: false, error: null })
    })
    const off = engine.onEvent((event) => {
      if (
        (event.type === 'community-changed' || event.type === 'sync-changed') &&
        event.communityId === communityId
      )
        refresh()
    })
    return () => {
      cancelled = true
      off()
    }
  }, [engine, generation, communityId, topic, key])

  const loadMore = useCallback(() => actions.current.loadMore(), [])
  const setVisible = useCallback((first: number, last: number) => {
    visible.current = { first, last }
  }, [])
  const s = current.current
  return { ...s, loadMore, setVisible }
}

function initial(key: string): FeedState {
  return { key, posts: [], hasMore: false, loading: true, loadingMore: false, error: null }
}
