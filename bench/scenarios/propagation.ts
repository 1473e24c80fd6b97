// A friend online sees it within a blink: post on A to visible in B's feed.
import { circle, nextEvent } from '../fixtures.js'
import type { BenchLab } from '../fixtures.js'
import type { Sizes } from '../sizes.js'
import { summarise } from '../stats.js'

export async function propagation(lab: BenchLab, sizes: Sizes) {
  const [a, b] = await Promise.all([lab.local(), lab.remote()])
  const id = await circle(a, [b], 'Propagation')
  const samples: number[] = []
  for (let i = 0; i < sizes.propagationPosts + 10; i++) {
    const start = performance.now()
    const { id: postId } = await a.rpc.call('posts.create', { communityId: id, text: `hello ${i}` })
    for (;;) {
      const page = await b.rpc.call('posts.feed', { communityId: id, limit: 1 })
      if (page.posts[0]?.id === postId) break
      await nextEvent([b], 50)
    }
    if (i >= 10) samples.push(performance.now() - start)
  }
  return { ms: summarise(samples), target: { p50: 50, p95: 200 } }
}
