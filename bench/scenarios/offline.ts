// Members who wrote while apart converge quickly once they meet again. The
// bare Autobase + Hyperbee stack merges the same posts in the same run, so
// the figure says what the merge costs Mutual beyond Autobase's own ordering.
import { BareRemote } from '../bare/remote.js'
import { circle, converged, fill, nextEvent, viewsAgree } from '../fixtures.js'
import type { BenchLab, BenchPeer } from '../fixtures.js'
import type { Sizes } from '../sizes.js'
import { ratios, round } from '../stats.js'

/** Far longer than the target: a slow merge is measured, not cut short. */
const MERGE_CAP_MS = 600_000

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

async function mutualMerge(lab: BenchLab, sizes: Sizes) {
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
  await converged(peers, id, MERGE_CAP_MS)
  const ms = performance.now() - start
  const total = (await founder.rpc.call('topics.list', { communityId: id })).find(
    (t) => t.name === 'general'
  )?.postCount
  if (total !== sizes.offlineMembers * sizes.offlinePostsEach)
    throw new Error(`expected every post, got ${total}`)
  await Promise.all(peers.map((p) => p.close()))
  // After discovery: fetching the others' posts and merging them into one order.
  return { ms: round(ms), allConnectedMs: round(reunited - start), mergeMs: round(ms - (reunited - start)) }
}

/** The same on the bare stack: members as their own processes, the first three indexers as in Mutual. */
async function bareMerge(lab: BenchLab, sizes: Sizes) {
  const founder = await BareRemote.start(lab, { key: null, encryptionKey: null })
  const { key, encryptionKey } = founder.identity
  const others = await Promise.all(
    Array.from({ length: sizes.offlineMembers - 1 }, () => BareRemote.start(lab, { key, encryptionKey }))
  )
  const members = [founder, ...others]
  for (const [i, m] of others.entries()) {
    await founder.addWriter(m.identity.localKey, i < 2)
    await m.writable()
  }
  await viewsAgree(members, 60_000)
  await Promise.all(members.map((m) => m.setOnline(false)))
  await Promise.all(
    members.map((m, i) => m.fill(sizes.offlinePostsEach, { label: `apart${i}`, inFlight: 32 }))
  )
  const start = performance.now()
  await Promise.all(members.map((m) => m.setOnline(true)))
  // Bare Autobase can settle with every indexer waiting on the others and nothing signed (see
  // unstickAcks in core/community/base.ts, which Mutual has and the bare stack has not): then no
  // member changes again, and waiting longer only burns the run.
  let lastChange = performance.now()
  const offs = members.map((m) => m.onEvent(() => (lastChange = performance.now())))
  let merged = false
  try {
    await Promise.race([
      viewsAgree(members, MERGE_CAP_MS),
      stalled(
        () => lastChange,
        () => merged
      )
    ])
  } finally {
    merged = true
    for (const off of offs) off()
  }
  const ms = performance.now() - start
  let total = 0
  for (let page = await founder.page(500); ; page = await founder.page(500, page.next ?? undefined)) {
    total += page.ids.length
    if (page.next === null) break
  }
  if (total !== sizes.offlineMembers * sizes.offlinePostsEach)
    throw new Error(`bare: expected every post, got ${total}`)
  await Promise.all(members.map((m) => m.close()))
  return { ms: round(ms) }
}

/** How long no member's view may stay unchanged before the bare merge counts as stalled. */
const STALL_MS = 60_000

async function stalled(lastChange: () => number, over: () => boolean): Promise<void> {
  while (!over()) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const quiet = performance.now() - lastChange()
    if (quiet > STALL_MS) throw new Error(`bare: no member's view changed for ${Math.round(quiet / 1000)} s`)
  }
}

export async function offlineConvergence(lab: BenchLab, sizes: Sizes) {
  const mutual = await mutualMerge(lab, sizes)
  // A bare stack that never converges is a result too; Mutual's figure stands either way.
  const bare = await bareMerge(lab, sizes).catch((err: unknown) => ({
    error: err instanceof Error ? err.message : String(err)
  }))
  return {
    members: sizes.offlineMembers,
    postsEach: sizes.offlinePostsEach,
    ...mutual,
    bare,
    ratio: 'ms' in bare ? ratios({ ms: mutual.ms }, bare) : null,
    target: { ms: 10_000 }
  }
}
