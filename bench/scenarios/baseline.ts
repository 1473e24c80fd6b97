// Mutual against its floor: each scenario runs the same workload on Mutual
// (through the RPC) and on a bare Autobase + Hyperbee stack (bench/bare/),
// one after the other in the same run and on the same local testnet, and
// reports both with Mutual ÷ bare. The bare stack has no pairing, governance
// or per-member view records, so a ratio says what those cost.
import { DEFAULT_SETTINGS } from '../../core/domain/governance.js'
import { encodeOp } from '../../core/domain/ops.js'
import { bareGrown, bareJoinTimes } from '../bare/join.js'
import { POST_BYTES } from '../bare/ops.js'
import { BarePeer } from '../bare/peer.js'
import type { BareConfig } from '../bare/peer.js'
import { BareRemote } from '../bare/remote.js'
import { FILLER, circle, letIn, viewsAgree } from '../fixtures.js'
import type { BenchLab } from '../fixtures.js'
import type { Sizes } from '../sizes.js'
import { mutualMember } from '../stacks.js'
import type { Member } from '../stacks.js'
import { ratios, round, summarise, summaryRatios, time } from '../stats.js'
import { comingBack } from './coming-back.js'
import { diskBytes } from './disk.js'
import { grownCommunity, joinTimes } from './join.js'
import { backToBack, paced } from './propagation.js'

/** (a) A newcomer to N posts from 5 writers, and (c) what a reader and a writer keep on disk per post. */
export async function baselineJoin(lab: BenchLab, sizes: Sizes) {
  const writers = sizes.joinWriters
  const posts = sizes.scalePosts

  let c!: Awaited<ReturnType<typeof grownCommunity>>
  const mutualBuildMs = await time(async () => {
    c = await grownCommunity(lab, writers, posts, 'Baseline')
  })
  const mJoin = await joinTimes(lab, c, true)
  // A clean stop first, so what is measured is what stays on disk.
  for (const w of c.writers) await w.close()
  const mWriter = await diskBytes(c.writers[0]!.dir)

  let b!: Awaited<ReturnType<typeof bareGrown>>
  const bareBuildMs = await time(async () => {
    b = await bareGrown(lab, writers, posts)
  })
  const bJoin = await bareJoinTimes(lab, b)
  const stalls = bJoin.halfOpenDropped + (await stalledSetups(b.writers))
  for (const w of b.writers) await w.close()
  const bWriter = await diskBytes(b.writers[0]!.dir)

  // Writable includes finding the others, where a stalled connection setup lands (see STALLS_NOTE);
  // from writable on, the newest page is the stacks' own work.
  const side = (
    join: { writableMs: number; newestPageMs: number; fullHistoryMs: number },
    buildMs: number
  ) => ({
    writableMs: join.writableMs,
    newestPageMs: join.newestPageMs,
    newestPageAfterWritableMs: round(join.newestPageMs - join.writableMs),
    fullHistoryMs: join.fullHistoryMs,
    buildMs: round(buildMs)
  })
  const mutual = side(mJoin, mutualBuildMs)
  const bare = side(bJoin, bareBuildMs)
  const mReader = mJoin.disk!
  const bReader = bJoin.disk
  const perPost = (kind: 'asLeft' | 'compacted') => {
    const mutual = { reader: round(mReader[kind] / c.posts), writer: round(mWriter[kind] / c.posts) }
    const bare = { reader: round(bReader[kind] / b.posts), writer: round(bWriter[kind] / b.posts) }
    return { mutual, bare, ratio: ratios(mutual, bare) }
  }
  return {
    posts: c.posts,
    writers,
    postBytes: { mutual: mutualPostBytes(), bare: POST_BYTES },
    mutual,
    bare,
    ratio: ratios(mutual, bare),
    bareStalledConnections: stalls,
    bareFastForwarded: bJoin.fastForwarded,
    // The newcomer once it has read every post, and the founder (who wrote a fifth), both stopped
    // cleanly; as left, and once RocksDB has flushed its write-ahead log (see disk.ts).
    diskBytesPerPost: { asLeft: perPost('asLeft'), compacted: perPost('compacted') },
    note: 'buildMs is set-up (5 writers taking turns), not a target. ' + STALLS_NOTE
  }
}

/** (b) Live propagation to an online peer: back to back, and one post every 100 ms. */
export async function baselinePropagation(lab: BenchLab, sizes: Sizes) {
  const n = sizes.propagationPosts
  const text = (i: number) => `live ${i}: ${FILLER}`
  const measure = async (a: Member, b: Member) => {
    await viewsAgree([a, b], 60_000)
    const backToBackMs = summarise(await backToBack(a, b, n, text))
    const every100MsMs = summarise(await paced(a, b, n, 100, text))
    return { backToBackMs, every100MsMs }
  }

  // As the propagation scenario: the sender here, the receiver its own process, both indexers.
  const [ma, mb] = await Promise.all([lab.local(), lab.remote()])
  const id = await circle(ma, [mb], 'Baseline propagation')
  const mutual = await measure(mutualMember(ma, id), mutualMember(mb, id))
  await ma.close()
  await mb.close()

  const ba = await BarePeer.open(await bareConfig(lab, null))
  await ba.setOnline(true)
  const bb = await BareRemote.start(lab, { key: ba.identity.key, encryptionKey: ba.identity.encryptionKey })
  await ba.addWriter(bb.identity.localKey, true)
  await bb.writable()
  const bare = await measure(ba, bb)
  const stalls = ba.halfOpenDropped + (await stalledSetups([bb]))
  await ba.close()
  await bb.close()

  return {
    posts: n,
    mutual,
    bare,
    bareStalledConnections: stalls,
    note: STALLS_NOTE,
    ratio: {
      backToBack: summaryRatios(mutual.backToBackMs, bare.backToBackMs),
      every100Ms: summaryRatios(mutual.every100MsMs, bare.every100MsMs)
    }
  }
}

const progress = (what: string): void => void process.stderr.write(`bench: coming back: ${what}\n`)

/** (d) Coming back: a member stops cleanly, another writes, it starts again; until it holds them. */
export async function baselineRestart(lab: BenchLab, sizes: Sizes) {
  const { comebackRounds: rounds, comebackPosts: posts } = sizes

  // The writer is its own process; the member who comes back runs here, so it can start again.
  const [writer, away] = await Promise.all([lab.remote(), lab.local()])
  const id = await circle(writer, [away], 'Baseline restart')
  const m = await comingBack(
    mutualMember(writer, id),
    mutualMember(away, id),
    async () => mutualMember(await lab.local({ storage: away.dir }), id),
    rounds,
    posts
  )
  await m.member.close()
  progress('clean stops done')

  // The same, with the member who comes back a daemon stopped by SIGKILL.
  const killedAway = await lab.daemon()
  await letIn(writer, killedAway, id, 'Comes back')
  let current = killedAway
  const killed = await comingBack(
    mutualMember(writer, id),
    { ...mutualMember(killedAway, id), close: () => current.kill() },
    async () => {
      current = await lab.daemon({ storage: killedAway.dir })
      return { ...mutualMember(current, id), close: () => current.kill() }
    },
    rounds,
    posts
  )
  await killed.member.close()
  await writer.close()
  progress('stops by SIGKILL done')

  const bWriter = await BareRemote.start(lab, { key: null, encryptionKey: null })
  const config = await bareConfig(lab, bWriter.identity)
  const incarnations: BarePeer[] = []
  const open = async (): Promise<BarePeer> => {
    const peer = await BarePeer.open(config)
    incarnations.push(peer)
    await peer.setOnline(true)
    return peer
  }
  const bAway = await open()
  await bWriter.addWriter(bAway.identity.localKey, true)
  await bAway.writable()
  const b = await comingBack(bWriter, bAway, open, rounds, posts)
  progress('bare done')
  const stalls = incarnations.reduce((n, p) => n + p.halfOpenDropped, await stalledSetups([bWriter]))
  await b.member.close()
  await bWriter.close()

  const mutual = {
    ms: summarise(m.ms),
    openMs: summarise(m.openMs),
    afterKill: { ms: summarise(killed.ms), openMs: summarise(killed.openMs) }
  }
  const bare = { ms: summarise(b.ms), openMs: summarise(b.openMs) }
  return {
    rounds,
    posts,
    mutual,
    bare,
    ratio: { ms: summaryRatios(mutual.ms, bare.ms), openMs: summaryRatios(mutual.openMs, bare.openMs) },
    bareStalledConnections: stalls,
    note: STALLS_NOTE
  }
}

const STALLS_NOTE =
  'Both stacks run loopback DHTs with firewalled: false (core/network.ts), which avoids connections ' +
  'open on one side only (hyperdht 6.34, holepunchto/hyperdht#304). bareStalledConnections counts ' +
  'any the bare stack still found silent and dropped after 1 s; each costs it about 3 s.'

async function stalledSetups(members: BareRemote[]): Promise<number> {
  let n = 0
  for (const m of members) n += await m.halfOpenDropped()
  return n
}

async function bareConfig(
  lab: BenchLab,
  base: { key: string; encryptionKey: string } | null
): Promise<BareConfig> {
  return {
    dir: await lab.dir(),
    bootstrap: lab.bootstrap,
    key: base?.key ?? null,
    encryptionKey: base?.encryptionKey ?? null
  }
}

/** The size of the op Mutual's fill writes for one post, for the same-workload check. */
function mutualPostBytes(): number {
  return encodeOp({
    type: 'post/create',
    id: '0'.repeat(16),
    topic: 'general',
    replyTo: null,
    mode: DEFAULT_SETTINGS.defaultReplyMode,
    note: null,
    text: `w0 1000: ${FILLER}`,
    at: Date.now()
  }).length
}
