// One member posting as fast as the RPC allows while four others keep up.
import { circle, converged } from '../fixtures.js'
import type { BenchLab, BenchPeer } from '../fixtures.js'
import type { Sizes } from '../sizes.js'
import { round } from '../stats.js'

export async function sustainedWrites(lab: BenchLab, sizes: Sizes) {
  const writer: BenchPeer = await lab.local()
  const readers = await Promise.all(Array.from({ length: 4 }, () => lab.remote()))
  const peers = [writer, ...readers]
  const id = await circle(writer, readers, 'Busy')
  await converged(peers, id, 60_000)
  const until = performance.now() + sizes.sustainedSeconds * 1000
  let written = 0
  const worker = async (): Promise<void> => {
    while (performance.now() < until) {
      await writer.rpc.call('posts.create', { communityId: id, text: `busy ${written}` })
      written++
    }
  }
  const start = performance.now()
  await Promise.all(Array.from({ length: 64 }, worker))
  const elapsed = (performance.now() - start) / 1000
  const stopped = performance.now()
  await converged(peers, id, 120_000)
  return {
    postsPerSecond: round(written / elapsed),
    posts: written,
    peersCaughtUpMsAfterStop: round(performance.now() - stopped),
    target: { postsPerSecond: 1000 }
  }
}
