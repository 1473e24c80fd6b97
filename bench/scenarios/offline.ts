// Members who wrote while apart converge quickly once they meet again.
import { circle, converged, fill, nextEvent } from '../fixtures.js'
import type { BenchLab, BenchPeer } from '../fixtures.js'
import type { Sizes } from '../sizes.js'
import { round } from '../stats.js'

/**
 * When every member holds a proven link to another again: the part of
 * convergence that is discovery, not sync. Asked through network.connections,
 * which reads no posts, so a member busy merging answers at once.
 */
async function allConnected(peers: BenchPeer[], id: string): Promise<number> {
  for (;;) {
    const reports = await Promise.all(
      peers.map((p) => p.rpc.call('network.connections', { communityId: id }))
    )
    if (reports.every((r) => r.connections.some((c) => c.member !== null))) return performance.now()
    await nextEvent(peers, 20)
  }
}

export async function offlineConvergence(lab: BenchLab, sizes: Sizes) {
  const peers = await Promise.all(Array.from({ length: sizes.offlineMembers }, () => lab.remote()))
  const [founder, ...others] = peers as [BenchPeer, ...BenchPeer[]]
  const id = await circle(founder, others, 'Apart')
  await converged(peers, id, 60_000)
  await Promise.all(peers.map((p) => p.rpc.call('network.setOnline', { online: false })))
  await Promise.all(
    peers.map((p, i) => fill(p, id, sizes.offlinePostsEach, { label: `apart${i}`, inFlight: 32 }))
  )
  const start = performance.now()
  await Promise.all(peers.map((p) => p.rpc.call('network.setOnline', { online: true })))
  const reunited = await allConnected(peers, id)
  // Far longer than the target: a slow merge is measured, not cut short.
  await converged(peers, id, 600_000)
  const ms = performance.now() - start
  const total = (await founder.rpc.call('topics.list', { communityId: id })).find(
    (t) => t.name === 'general'
  )?.postCount
  if (total !== sizes.offlineMembers * sizes.offlinePostsEach)
    throw new Error(`expected every post, got ${total}`)
  return {
    members: sizes.offlineMembers,
    postsEach: sizes.offlinePostsEach,
    ms: round(ms),
    allConnectedMs: round(reunited - start),
    // After discovery: fetching the others' posts and merging them into one order.
    mergeMs: round(ms - (reunited - start)),
    target: { ms: 10_000 }
  }
}
