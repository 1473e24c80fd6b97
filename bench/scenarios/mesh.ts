// Joining, and members finding each other (issue 11). Three phases:
// 1. newcomers join, one after another, a small community whose members are online;
// 2. a community grows to `meshMembers` members, each a `mutual daemon` of its own,
//    joining one by one: how long each join takes, then how long after the last
//    join until every member holds a proven connection to every other;
// 3. newcomers join that grown community, one after another.
// Throughout 2 and 3 every daemon's connections are read (`network.connections`)
// and matched by handshake hash: a connection one side holds and the other does
// not is open on one side only.
import type { ConnectionsReport } from '../../core/domain/types.js'
import type { EngineEvent, JoinStage } from '../../core/domain/types.js'
import { agree } from '../../test/support/peers.js'
import { circle, fill, nextEvent } from '../fixtures.js'
import type { BenchLab, BenchPeer } from '../fixtures.js'
import type { Sizes } from '../sizes.js'
import { round, summarise } from '../stats.js'

/** A join that takes longer than this is counted as failed and cancelled. */
const JOIN_TIMEOUT_MS = 60_000
/** How long the mesh may take to complete before the run gives up on it. */
const MESH_TIMEOUT_MS = 60_000
/** A connection held on one side only for longer than this counts (the issue's bound). */
const ONE_SIDED_MS = 2000
/** After the mesh is complete: how long it is still watched for connections open on one side. */
const SETTLE_MS = 5000
const POLL_MS = 500
/** Posts in each community before anyone joins: a full newest page and more. */
const POSTS = 60

interface JoinSample {
  writableMs: number
  newestPageMs: number
  /** Join-progress stages the newcomer was shown. */
  stages: JoinStage[]
  /** When each stage was first shown, in ms from the start: where a slow join spent its time. */
  stageMs: Partial<Record<JoinStage, number>>
  failed?: string
}

/** Invite accepted (join called) to the newest page of `general` readable, with the stages shown. */
async function timedJoin(
  joiner: BenchPeer,
  invite: string,
  name: string,
  communityId: string,
  latestId: string
): Promise<JoinSample> {
  const stages = new Set<JoinStage>()
  const stageMs: Partial<Record<JoinStage, number>> = {}
  const joinId = Math.random().toString(16).slice(2, 18).padEnd(16, '0')
  const start = performance.now()
  const off = joiner.onEvent((e: EngineEvent) => {
    if (e.type !== 'join-progress') return
    stages.add(e.progress.stage)
    stageMs[e.progress.stage] ??= round(performance.now() - start)
  })
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      joiner.rpc.call('communities.join', { invite, displayName: name, joinId }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('join timed out')), JOIN_TIMEOUT_MS)
      })
    ])
    const writableMs = performance.now() - start
    const deadline = start + JOIN_TIMEOUT_MS
    for (;;) {
      const page = await joiner.rpc.call('posts.feed', { communityId, limit: 50 })
      if (page.posts.length === 50 && page.posts[0]?.id === latestId) break
      if (performance.now() > deadline) throw new Error('newest page not readable in time')
      await nextEvent([joiner], 50)
    }
    return {
      writableMs: round(writableMs),
      newestPageMs: round(performance.now() - start),
      stages: [...stages],
      stageMs
    }
  } catch (err) {
    // What the newcomer saw of the community when it gave up, if it got that far.
    const [status] = await joiner.rpc.call('sync.status', { communityId }).catch(() => [])
    const links = await joiner.rpc
      .call('network.connections', { communityId })
      .then((r) => ({
        connections: r.connections.length,
        proven: r.connections.filter((c) => c.member).length
      }))
      .catch(() => null)
    await joiner.rpc.call('communities.cancelJoin', { joinId }).catch(() => undefined)
    const reason = err instanceof Error ? err.message : String(err)
    return {
      writableMs: NaN,
      newestPageMs: NaN,
      stages: [...stages],
      stageMs,
      failed: `${reason}; stages ${[...stages].join(',')}; ${JSON.stringify({ status, links })}`
    }
  } finally {
    clearTimeout(timer)
    off()
  }
}

const summariseSome = (samples: number[]) => (samples.length ? summarise(samples) : null)

function joinSummary(samples: JoinSample[]) {
  const ok = samples.filter((s) => !s.failed)
  return {
    joins: samples.length,
    failed: samples.filter((s) => s.failed).map((s) => s.failed),
    newestPageMs: ok.length ? summarise(ok.map((s) => s.newestPageMs)) : null,
    writableMs: ok.length ? summarise(ok.map((s) => s.writableMs)) : null,
    // Pairing: from join called until the newcomer was let in and began to sync.
    pairedMs: summariseSome(ok.flatMap((s) => (s.stageMs.syncing === undefined ? [] : [s.stageMs.syncing]))),
    toldNoMemberOnline: samples.filter((s) => s.stages.includes('no-member-online')).length,
    toldNoNetwork: samples.filter((s) => s.stages.includes('no-network')).length,
    samples: samples.map((s) => s.newestPageMs)
  }
}

/** `count` newcomers join one after another, each in this process, each gone again once measured. */
async function joinsInto(
  lab: BenchLab,
  members: BenchPeer[],
  communityId: string,
  latestId: string,
  count: number,
  label: string
): Promise<JoinSample[]> {
  const samples: JoinSample[] = []
  for (let i = 0; i < count; i++) {
    const inviter = members[i % members.length]!
    const { invite } = await inviter.rpc.call('invites.create', { communityId })
    const joiner = await lab.local()
    samples.push(await timedJoin(joiner, invite, `${label} ${i + 1}`, communityId, latestId))
    await joiner.close()
    progress(`${label}: join ${i + 1} of ${count}: ${samples[i]!.newestPageMs} ms`)
  }
  return samples
}

/** A community founded by `founder` with `POSTS` posts; returns its id and its newest post. */
async function seeded(founder: BenchPeer, others: BenchPeer[], name: string) {
  const id = await circle(founder, others, name)
  await fill(founder, id, POSTS - 1, { label: name, inFlight: 16 })
  const { id: latestId } = await founder.rpc.call('posts.create', {
    communityId: id,
    text: 'The newest post.'
  })
  return { id, latestId }
}

/**
 * Reads every joined daemon's connections every POLL_MS and keeps what the
 * checks need: which connections are held on one side only, and for how long.
 */
class MeshWatch {
  private readonly joined: BenchPeer[] = []
  private readonly oneSidedSince = new Map<string, number>()
  private readonly counted = new Set<string>()
  /** The longest time any connection was seen held on one side only. */
  longestOneSidedMs = 0
  last: ConnectionsReport[] = []
  private timer: NodeJS.Timeout | null = null
  private polling: Promise<void> = Promise.resolve()

  constructor(private readonly communityId: string) {}

  add(peer: BenchPeer): void {
    this.joined.push(peer)
  }

  start(): void {
    const tick = (): void => {
      this.polling = this.poll().finally(() => {
        if (this.timer) this.timer = setTimeout(tick, POLL_MS)
      })
    }
    this.timer = setTimeout(tick, 0)
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.polling
  }

  /** Connections seen held on one side only for longer than ONE_SIDED_MS. */
  get oneSided(): number {
    return this.counted.size
  }

  private async poll(): Promise<void> {
    const reports = await Promise.all(
      this.joined.map((p) =>
        p.rpc.call('network.connections', { communityId: this.communityId }).catch(() => null)
      )
    )
    const now = performance.now()
    this.last = reports.filter((r): r is ConnectionsReport => r !== null)
    const bySelf = new Map(this.last.map((r) => [r.self, new Set(r.connections.map((c) => c.session))]))
    const seen = new Set<string>()
    for (const r of this.last) {
      for (const c of r.connections) {
        const other = bySelf.get(c.remote)
        // Only between daemons watched here; a newcomer still pairing is not one yet.
        if (!other || other.has(c.session)) continue
        const key = `${r.self}:${c.session}`
        seen.add(key)
        const since = this.oneSidedSince.get(key) ?? now
        this.oneSidedSince.set(key, since)
        this.longestOneSidedMs = Math.max(this.longestOneSidedMs, round(now - since))
        if (now - since > ONE_SIDED_MS) this.counted.add(key)
      }
    }
    for (const key of this.oneSidedSince.keys()) if (!seen.has(key)) this.oneSidedSince.delete(key)
  }

  /** Ordered pairs of members with a proven connection, and how many there are to have. */
  provenPairs(): { have: number; want: number } {
    const members = new Set(this.last.map((r) => r.me))
    let have = 0
    for (const r of this.last) {
      const proven = new Set(r.connections.map((c) => c.member).filter((m) => m !== null && m !== r.me))
      for (const m of members) if (m !== r.me && proven.has(m)) have++
    }
    return { have, want: members.size * (members.size - 1) }
  }
}

let started = performance.now()
function progress(what: string): void {
  process.stderr.write(`bench: mesh: ${what} at ${round((performance.now() - started) / 1000)} s\n`)
}

export async function mesh(lab: BenchLab, sizes: Sizes) {
  started = performance.now()
  const daemons = await Promise.all(Array.from({ length: sizes.meshMembers }, () => lab.remote()))
  const [founder, ...rest] = daemons as [BenchPeer, ...BenchPeer[]]
  progress(`${daemons.length} daemons up`)

  // 1. A small community, its three members online.
  const small = await seeded(founder, rest.slice(0, 2), 'Small')
  const smallJoins = await joinsInto(
    lab,
    daemons.slice(0, 3),
    small.id,
    small.latestId,
    sizes.meshJoins,
    'small'
  )

  // 2. A community that grows to meshMembers daemons, one join at a time.
  const grown = await seeded(founder, [], 'Mesh')
  const watch = new MeshWatch(grown.id)
  watch.add(founder)
  watch.start()
  const growing: JoinSample[] = []
  const members = [founder]
  let lastJoined = 0
  for (const [i, daemon] of rest.entries()) {
    const inviter = members[i % members.length]!
    const { invite } = await inviter.rpc.call('invites.create', { communityId: grown.id })
    const sample = await timedJoin(daemon, invite, `Member ${i + 1}`, grown.id, grown.latestId)
    lastJoined = performance.now()
    growing.push(sample)
    progress(
      `grow: member ${i + 2} joined: ${sample.newestPageMs} ms${sample.failed ? ` (${sample.failed})` : ''}`
    )
    if (sample.failed) continue
    await agree(daemon, grown.id)
    members.push(daemon)
    watch.add(daemon)
  }

  // Every member with a proven connection to every other.
  let meshMs: number | null = null
  for (;;) {
    const { have, want } = watch.provenPairs()
    if (watch.last.length === members.length && have === want) {
      meshMs = round(performance.now() - lastJoined)
      break
    }
    if (performance.now() - lastJoined > MESH_TIMEOUT_MS) break
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
  const atCompletion = watch.provenPairs()
  progress(`mesh ${meshMs === null ? 'not complete' : `complete after ${meshMs} ms`}`)
  await new Promise((r) => setTimeout(r, SETTLE_MS))
  const statuses = await Promise.all(members.map((m) => m.rpc.call('sync.status', { communityId: grown.id })))
  const growOneSided = watch.oneSided
  const growLongest = watch.longestOneSidedMs

  // 3. Newcomers into the grown community, its members online.
  const bigJoins = await joinsInto(lab, members, grown.id, grown.latestId, sizes.meshJoins, 'big')
  await watch.stop()
  const atEnd = watch.provenPairs()

  return {
    members: members.length,
    small: { members: 3, ...joinSummary(smallJoins) },
    grow: {
      ...joinSummary(growing),
      meshCompleteMs: meshMs,
      provenPairs: atCompletion,
      peersReported: statuses.map(([s]) => s?.peers ?? 0),
      oneSided: growOneSided,
      longestOneSidedMs: growLongest
    },
    big: {
      members: members.length,
      ...joinSummary(bigJoins),
      oneSided: watch.oneSided - growOneSided,
      provenPairsAtEnd: atEnd
    },
    longestOneSidedMs: watch.longestOneSidedMs,
    target: { joinP95Ms: 1500, meshCompleteMs: 5000, oneSided: 0, oneSidedMs: ONE_SIDED_MS }
  }
}
