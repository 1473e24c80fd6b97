// A newcomer to a years-old community reads the latest posts within seconds.
import { circle, converged, fill, nextEvent } from '../fixtures.js'
import type { BenchLab, BenchPeer } from '../fixtures.js'
import { round } from '../stats.js'
import { diskBytes } from './disk.js'

interface Grown {
  writers: BenchPeer[]
  id: string
  posts: number
  latestId: string
}

/** A community whose `writers` members (each its own process) wrote `posts` in turns, all in sync. */
export async function grownCommunity(
  lab: BenchLab,
  writers: number,
  posts: number,
  name: string
): Promise<Grown> {
  const peers = await Promise.all(Array.from({ length: writers }, () => lab.remote()))
  const [founder, ...others] = peers as [BenchPeer, ...BenchPeer[]]
  const id = await circle(founder, others, name)
  // Members take turns, as people do over years: a community's history is
  // mostly one voice at a time. The three who order the log (the founder and
  // the first two members) stay online so it keeps being signed; the others
  // are visitors who take the first turns and then go away. Going first, a
  // visitor has little to catch up on, and staying online until its turn it
  // never has to find the others again: both are set-up, not the join being
  // measured.
  const away = peers.slice(3)
  const share = Math.ceil(posts / writers)
  const started = performance.now()
  const progress = (what: string): void => {
    process.stderr.write(`bench: ${name}: ${what} at ${round((performance.now() - started) / 1000)} s\n`)
  }
  const turns = [...away, ...peers.slice(0, 3)]
  for (const [i, peer] of turns.entries()) {
    const visiting = away.includes(peer)
    await fill(peer, id, Math.min(share, posts - i * share), { label: `w${i}`, inFlight: 64 })
    progress(`turn ${i} written`)
    await converged([founder, peer], id, 600_000)
    progress(`turn ${i} in sync`)
    if (visiting) await peer.rpc.call('network.setOnline', { online: false })
  }
  await converged(peers.slice(0, 3), id, 600_000)
  progress('built')
  const { id: latestId } = await founder.rpc.call('posts.create', {
    communityId: id,
    text: 'The newest post.'
  })
  return { writers: peers, id, posts: posts + 1, latestId }
}

/**
 * Invite accepted (join called) to the newest 50 posts shown, then to the whole history held.
 * With `measureDisk`, also what the newcomer keeps on disk once stopped.
 */
export async function joinTimes(lab: BenchLab, c: Grown, measureDisk = false) {
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
  // Full history: every post readable, paging back to the very first one.
  // A newcomer fast-forwards to the signed view, so older pages are fetched
  // from members as they are read.
  const seen = await readWholeFeed(joiner, c.id)
  if (seen !== c.posts) throw new Error(`read ${seen} of ${c.posts} posts`)
  const fullHistory = performance.now() - start
  const bytes = await writerBytes(joiner.engine, c.id)
  await joiner.close()
  return {
    writableMs: round(writable),
    newestPageMs: round(newestPage),
    fullHistoryMs: round(fullHistory),
    ...bytes,
    ...(measureDisk ? { disk: await diskBytes(joiner.dir) } : {})
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

/**
 * A newcomer running as its own daemon joins and reads the whole history
 * through the RPC: the most memory it held at once during that bulk sync.
 */
export async function bulkSyncMemory(lab: BenchLab, c: Grown) {
  const founder = c.writers[0]!
  const { invite } = await founder.rpc.call('invites.create', { communityId: c.id })
  const daemon = await lab.daemon()
  const start = performance.now()
  await daemon.rpc.call('communities.join', { invite, displayName: 'Reads everything' })
  const seen = await readWholeFeed(daemon, c.id)
  if (seen !== c.posts) throw new Error(`read ${seen} of ${c.posts} posts`)
  const ms = performance.now() - start
  const peakRssMb = await daemon.peakRssMb()
  await daemon.close()
  return { posts: seen, fullHistoryMs: round(ms), peakRssMb, target: { peakRssMb: 400 } }
}

/** Pages back through the general feed to the very first post; how many posts were read. */
async function readWholeFeed(peer: BenchPeer, communityId: string): Promise<number> {
  let seen = 0
  let before: number | undefined
  for (;;) {
    const page = await peer.rpc.call('posts.feed', {
      communityId,
      limit: 200,
      ...(before === undefined ? {} : { before })
    })
    seen += page.posts.length
    if (page.next === null) return seen
    before = page.next
  }
}
