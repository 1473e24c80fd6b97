// A virtualized list of posts as an ARIA feed: only the rows near the screen
// exist in the DOM, older pages load as the reader nears the end, and Page
// Down / Page Up move between posts. When new posts arrive while the reader
// is further down, what they are reading stays where it is.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'
import type { Post } from '../../core/domain/types.js'
import { strings } from '../strings/index.js'
import { PostCard } from './PostCard.js'
import type { PostCardProps } from './PostCard.js'
import './PostList.css'

type ItemProps = Omit<PostCardProps, 'post' | 'posInSet' | 'setSize' | 'ref' | 'start' | 'index' | 'color'>

export function PostList({
  posts,
  label,
  hasMore,
  loadingMore,
  onLoadMore,
  onVisible,
  colors,
  itemProps,
  empty,
  end
}: {
  posts: readonly Post[]
  label: string
  hasMore: boolean
  loadingMore: boolean
  onLoadMore?: () => void
  onVisible?: (first: number, last: number) => void
  colors: ReadonlyMap<string, string | null>
  itemProps: ItemProps | ((post: Post) => ItemProps)
  empty?: ReactNode
  end?: ReactNode
}) {
  const scroller = useRef<HTMLDivElement>(null)
  const away = useRef(false)
  const virtualizer = useVirtualizer({
    count: posts.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 170,
    overscan: 6,
    gap: 12,
    getItemKey: (index) => posts[index]?.id ?? index,
    // Reading further down: keep the post in view still when newer ones arrive above.
    anchorTo: away.current ? 'end' : 'start'
  })
  away.current = (virtualizer.scrollOffset ?? 0) > 8
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1

  useEffect(() => {
    onVisible?.(first, last)
    if (hasMore && !loadingMore && last >= posts.length - 8) onLoadMore?.()
  }, [first, last, hasMore, loadingMore, posts.length, onVisible, onLoadMore])

  const focusIndex = useCallback(
    (index: number) => {
      if (index < 0 || index >= posts.length) return
      virtualizer.scrollToIndex(index, { align: 'auto' })
      const focus = (tries: number) => {
        const node = scroller.current?.querySelector<HTMLElement>(`article[data-index="${index}"]`)
        if (node) node.focus()
        else if (tries > 0) requestAnimationFrame(() => focus(tries - 1))
      }
      focus(10)
    },
    [posts.length, virtualizer]
  )

  const keys = useRef<(event: KeyboardEvent<HTMLElement>) => void>(() => undefined)
  // One stable handler, so memoized posts need not render again for it.
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLElement>) => keys.current(event), [])
  keys.current = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return
    const index = Number(event.currentTarget.dataset.index)
    if (event.key === 'PageDown') {
      event.preventDefault()
      focusIndex(index + 1)
    } else if (event.key === 'PageUp') {
      event.preventDefault()
      focusIndex(index - 1)
    } else if (event.key === 'Home' && event.ctrlKey) {
      event.preventDefault()
      focusIndex(0)
    } else if (event.key === 'End' && event.ctrlKey) {
      event.preventDefault()
      focusIndex(posts.length - 1)
    }
  }

  const setSize = hasMore ? -1 : posts.length
  return (
    <div className="post-scroller" ref={scroller}>
      {posts.length === 0 && !hasMore ? empty : null}
      <div
        // A feed holds posts: with none yet, it is only the space they will fill.
        {...(posts.length > 0 ? { role: 'feed', 'aria-label': label, 'aria-busy': loadingMore } : {})}
        className="post-feed"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const post = posts[item.index]
          if (!post) return null
          const props = typeof itemProps === 'function' ? itemProps(post) : itemProps
          return (
            <PostCard
              key={item.key}
              {...props}
              post={post}
              color={colors.get(post.authorId) ?? null}
              index={item.index}
              ref={virtualizer.measureElement}
              start={item.start}
              posInSet={item.index + 1}
              setSize={setSize}
              onKeyDown={onKeyDown}
            />
          )
        })}
      </div>
      <div className="feed-end" role="status">
        {loadingMore ? strings.post.loadingMore : !hasMore && posts.length > 0 ? end : null}
      </div>
    </div>
  )
}
