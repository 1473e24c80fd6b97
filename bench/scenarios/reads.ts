// Reading stays instant however big the community grows.
import { fill } from '../fixtures.js'
import type { BenchPeer } from '../fixtures.js'
import type { Sizes } from '../sizes.js'
import { summarise, time } from '../stats.js'

/** Newest 50 posts of a topic already holding `sizes.feedTopicPosts`, and a page deep in history. */
export async function feedPage(peer: BenchPeer, communityId: string, sizes: Sizes) {
  const newest: number[] = []
  const deep: number[] = []
  const first = await peer.rpc.call('posts.feed', { communityId, limit: 50 })
  if (first.posts.length !== 50) throw new Error('feed shorter than a page')
  const middle = Math.floor(sizes.feedTopicPosts / 2)
  for (let i = 0; i < sizes.feedSamples; i++) {
    newest.push(await time(() => peer.rpc.call('posts.feed', { communityId, limit: 50 })))
    deep.push(await time(() => peer.rpc.call('posts.feed', { communityId, limit: 50, before: middle })))
  }
  return {
    posts: sizes.feedTopicPosts,
    newestPage: summarise(newest),
    deepPage: summarise(deep),
    target: { newestPage: 10 }
  }
}

/** A post with `sizes.threadReplies` replies, all loaded. */
export async function thread(peer: BenchPeer, sizes: Sizes) {
  const { id } = await peer.rpc.call('communities.create', { name: 'Threads', displayName: 'Ash' })
  const { id: root } = await peer.rpc.call('posts.create', { communityId: id, text: 'Long thread' })
  await fill(peer, id, sizes.threadReplies, { replyTo: root, label: 'reply' })
  const samples: number[] = []
  for (let i = 0; i < 30; i++) {
    samples.push(
      await time(async () => {
        const t = await peer.rpc.call('posts.thread', { communityId: id, postId: root })
        if (t.replies.length !== sizes.threadReplies) throw new Error('thread incomplete')
      })
    )
  }
  return { replies: sizes.threadReplies, ms: summarise(samples), target: { ms: 50 } }
}
