// A post appears the moment you send it: RPC call to the post being readable in your own feed.
import type { BenchLab } from '../fixtures.js'
import type { Sizes } from '../sizes.js'
import { summarise } from '../stats.js'

export async function localPost(lab: BenchLab, sizes: Sizes) {
  const peer = await lab.local({ offline: true })
  const { id } = await peer.rpc.call('communities.create', { name: 'Local', displayName: 'Ash' })
  const samples: number[] = []
  for (let i = 0; i < sizes.localPosts + 20; i++) {
    const start = performance.now()
    const { id: postId } = await peer.rpc.call('posts.create', { communityId: id, text: `post ${i}` })
    const page = await peer.rpc.call('posts.feed', { communityId: id, limit: 1 })
    if (page.posts[0]?.id !== postId) throw new Error('own post not first in own feed')
    // The first few warm the JIT and caches; a member's app is warm too.
    if (i >= 20) samples.push(performance.now() - start)
  }
  return { ms: summarise(samples), target: { p50: 5, p95: 20 } }
}
