// A newcomer to a years-old community reads the latest posts within seconds.
import { circle, converged, fill, nextEvent } from '../fixtures.js'
import type { BenchLab, BenchPeer } from '../fixtures.js'
import { round } from '../stats.js'

export interface Grown {
  writers: BenchPeer[]
  id: string
  posts: number
  latestId: string
}

/** A community whose `writers` members (each its own process) wrote an equal share of `posts`, all in sync. */
export async function grownCommunity(
  lab: BenchLab,
  writers: number,
  posts: number,
  name: string
): Promise<Grown> {
  const peers = await Promise.all(Array.from({ length: writers }, () => lab.remote()))
  const [founder, ...others] = peers as [BenchPeer, ...BenchPeer[]]
  const id = await circle(founder, others, name)
  const share = Math.ceil(posts / writers)
  await Promise.all(
    peers.map((p, i) => fill(p, id, Math.min(share, posts - i * share), { label: `w${i}`, inFlight: 64 }))
  )
  const { id: latestId } = await founder.rpc.call('posts.create', {
    communityId: id,
    text: 'The newest post.'
  })
  await converged(peers, id, 600_000)
  return { writers: peers, id, posts: posts + 1, latestId }
}

/** Invite accepted (join called) to the newest 50 posts shown, then to the whole history held. */
export async function joinTimes(lab: BenchLab, c: Grown) {
  const founder = c.writers[0]!
  const { invite } = await founder.rpc.call('invites.create', { communityId: c.id })
  const joiner = await lab.local()
  const start = performance.now()
  await joiner.rpc.call('communities.join', { invite, displayName: 'Newcomer' })
  const writable = performance.now() - start
  for (;;) {
    const page = await joiner.rpc.call('posts.feed', { communityId: c.id, limit: 50 })
    if (page.posts.length === 50 && page.posts[0]?.id === c.latestId) break
    await nextEvent([joiner], 50)
  }
  const newestPage = performance.now() - start
  for (;;) {
    const topics = await joiner.rpc.call('topics.list', { communityId: c.id })
    if (topics.find((t) => t.name === 'general')?.postCount === c.posts) break
    await nextEvent([joiner], 200)
  }
  const fullHistory = performance.now() - start
  const bytes = await writerBytes(joiner.engine, c.id)
  await joiner.close()
  return {
    writableMs: round(writable),
    newestPageMs: round(newestPage),
    fullHistoryMs: round(fullHistory),
    ...bytes
  }
}

/** What the joiner had to fetch of the members' own logs, for the raw-replication comparison. */
async function writerBytes(engine: import('../../core/mutual.js').Mutual, id: string) {
  const community = engine.get(id)
  let bytes = 0
  let blocks = 0
  for (const m of await community.reader().members()) {
    const core = community.store.get({ key: Buffer.from(m.id, 'hex') })
    await core.ready()
    bytes += core.byteLength
    blocks += core.length
    await core.close()
  }
  return { writerBlocks: blocks, writerBytes: bytes }
}
