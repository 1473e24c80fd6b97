// The join scenario (bench/scenarios/join.ts) on the bare stack, step for
// step: the same writers, turns and visitors, then a newcomer that reads the
// newest page and then every post, page by page.
import { nextEvent, viewsAgree } from '../fixtures.js'
import type { BenchLab } from '../fixtures.js'
import { diskBytes } from '../scenarios/disk.js'
import { round } from '../stats.js'
import { BarePeer } from './peer.js'
import { BareRemote } from './remote.js'

interface BareGrown {
  writers: BareRemote[]
  posts: number
  latestId: string
}

/** Mutual's indexers are its first three members: the founder and the next two. */
const INDEXERS = 3

/** Founder plus `members` others, each added by the founder's trusted op; all writable. */
async function bareCircle(lab: BenchLab, members: number): Promise<BareRemote[]> {
  const founder = await BareRemote.start(lab, { key: null, encryptionKey: null })
  const { key, encryptionKey } = founder.identity
  const others = await Promise.all(
    Array.from({ length: members }, () => BareRemote.start(lab, { key, encryptionKey }))
  )
  for (const [i, m] of others.entries()) {
    await founder.addWriter(m.identity.localKey, i + 1 < INDEXERS)
    await m.writable()
  }
  return [founder, ...others]
}

/** As grownCommunity: `writers` members wrote `posts` in turns, visitors first, all in sync. */
export async function bareGrown(lab: BenchLab, writers: number, posts: number): Promise<BareGrown> {
  const peers = await bareCircle(lab, writers - 1)
  const founder = peers[0]!
  const away = peers.slice(3)
  const share = Math.ceil(posts / writers)
  const started = performance.now()
  const progress = (what: string): void => {
    process.stderr.write(`bench: bare: ${what} at ${round((performance.now() - started) / 1000)} s\n`)
  }
  const turns = [...away, ...peers.slice(0, 3)]
  for (const [i, peer] of turns.entries()) {
    const visiting = away.includes(peer)
    await peer.fill(Math.min(share, posts - i * share), { label: `w${i}`, inFlight: 64 })
    progress(`turn ${i} written`)
    await viewsAgree([founder, peer], 600_000)
    progress(`turn ${i} in sync`)
    if (visiting) await peer.setOnline(false)
  }
  await viewsAgree(peers.slice(0, 3), 600_000)
  progress('built')
  const latestId = await founder.post('The newest post.')
  return { writers: peers, posts: posts + 1, latestId }
}

/**
 * As joinTimes: from the newcomer starting (open, go online, the founder adds
 * it) to writable, to the newest 50 posts readable, to every post read back.
 */
export async function bareJoinTimes(lab: BenchLab, c: BareGrown) {
  const founder = c.writers[0]!
  const dir = await lab.dir()
  const start = performance.now()
  const joiner = await BarePeer.open({ dir, bootstrap: lab.bootstrap, ...base(founder) })
  try {
    await joiner.setOnline(true)
    await founder.addWriter(joiner.identity.localKey, false)
    await joiner.writable()
    const writable = performance.now() - start
    for (;;) {
      const page = await joiner.page(50)
      if (page.ids.length === 50 && page.ids[0] === c.latestId) break
      await nextEvent([joiner], 50)
    }
    const newestPage = performance.now() - start
    let seen = 0
    let before: string | number | undefined
    for (;;) {
      const page = await joiner.page(200, before)
      seen += page.ids.length
      if (page.next === null) break
      before = page.next
    }
    if (seen !== c.posts) throw new Error(`bare: read ${seen} of ${c.posts} posts`)
    const fullHistory = performance.now() - start
    await joiner.close()
    return {
      writableMs: round(writable),
      newestPageMs: round(newestPage),
      fullHistoryMs: round(fullHistory),
      fastForwarded: joiner.fastForwards > 0,
      disk: await diskBytes(dir),
      halfOpenDropped: joiner.halfOpenDropped
    }
  } finally {
    await joiner.close()
  }
}

function base(m: BareRemote): { key: string; encryptionKey: string } {
  return { key: m.identity.key, encryptionKey: m.identity.encryptionKey }
}
