// Clears from this device the blocks of ops apply refused, once the log is
// signed past them. Apply notes them in the view (`refused/<writer>`, see
// core/view/quota.ts); this reads only the signed part of the view, so what it
// clears is the same on every peer and is never undone by a reordering.
//
// Why that is safe (Autobase 7.28.1, read in node_modules/autobase):
// - A writer's node is indexed once the indexer quorum has ordered it; the
//   view signed with the system (`view.core.signedLength`) holds only the
//   effects of indexed nodes. Autobase never reads an indexed node's block
//   again: each Writer reads forward from its length in the indexed system
//   (lib/writer.js `_loadNextNode`, nodes.length up), a reordering undoes
//   only unindexed nodes (held in memory), and a restart re-reads only the
//   unindexed updates above the indexed system (apply-state.js `catchup`
//   checks writers out at `indexedLength`). Heads naming an indexed node are
//   resolved without reading it (`_ensureNodeDependencies`).
// - Another peer may still need a block everyone cleared: a new joiner, or a
//   member coming back from a long time away, who linearizes from an older
//   point. A request for a block nobody holds never fails, it waits (hypercore
//   announces the drop, so nobody is asked). Such a peer gets past it only by
//   fast-forwarding, which Autobase starts when the signed system core is at
//   least 16 blocks (FastForward.MINIMUM) ahead of its own. So a block is
//   cleared only once the signed system core has grown MARGIN blocks past the
//   point where its note was first seen signed: a peer that still needs it is
//   then at least MARGIN blocks behind and fast-forwards.
// - What remains: a peer that holds more than MARGIN - 16 system blocks of its
//   own unconfirmed changes on top of an old signed point, or whose
//   fast-forward fails (Autobase waits 5 minutes before trying again), waits
//   until the community moves on far enough for a fast-forward to succeed. A
//   quiet community never reaches the margin, so a flood's last blocks stay
//   until it moves on. The writer's own device never clears its own core.
// - Explicit repairs (`forceFastForward`, recovery from corrupt local
//   storage) can roll a peer back to an older point; it then needs the blocks
//   like a lagging peer does.
import ReadyResource from 'ready-resource'
import type Corestore from 'corestore'
import type Hypercore from 'hypercore'
import type { CommunityBase } from './base.js'
import { keys, prefixEnd } from '../view/records.js'
import type { RefusedRecord } from '../view/quota.js'

/** How far each writer's core has been cleared, in the core's own user data. */
const PROGRESS_KEY = 'mutual/cleared'
/** Signed system blocks between a note being signed and its blocks being cleared (FastForward.MINIMUM is 16). */
const MARGIN = 32
/** Signing does not always come with an 'update'; look again this often. */
const POLL_MS = 1000
/** Signed points remembered while they ripen; dropping the oldest only delays clearing. */
const MAX_POINTS = 256
/**
 * Clearing only writes tombstones; the bytes stay in RocksDB's blob files
 * until a compaction that collects blob garbage. A whole-store compaction
 * costs in proportion to the store, so it runs when clearing has gone quiet
 * or COMPACT_BLOCKS have piled up, never sooner than COMPACT_GAP_MS after the
 * last one, nor than ten times as long as the last one took.
 */
const COMPACT_BLOCKS = 1024
const COMPACT_GAP_MS = 10_000
/** rocksdb-native's garbageCollectionPolicy.FORCE, with every blob file eligible. */
const COLLECT_BLOBS = { blobGarbageCollectionPolicy: 1, blobGarbageCollectionAgeCutoff: 1 }

interface SignedPoint {
  /** The system core's signed length when the view was first seen signed to `view`. */
  system: number
  view: number
}

export class Sweeper extends ReadyResource {
  private readonly points: SignedPoint[] = []
  private system = 0
  private signed = 0
  /** The signed view length last swept. */
  private swept = 0
  /** Cleared-up-to per writer (hex), once read from its core. */
  private readonly progress = new Map<string, number>()
  private running: Promise<void> | null = null
  /** The signed checkout a sweep is reading, if any. */
  private reading: { close(): Promise<void> } | null = null
  private again = false
  private readonly timer: NodeJS.Timeout
  private readonly kick = (): void => {
    if (this.closing) return
    if (this.running) {
      this.again = true
      return
    }
    this.running = this.run()
      .catch((err: unknown) => {
        if (!this.closing) this.warn(err)
      })
      .finally(() => {
        this.running = null
        if (this.again) {
          this.again = false
          this.kick()
        }
      })
  }

  constructor(
    private readonly base: CommunityBase,
    private readonly store: Corestore,
    private readonly warn: (err: unknown) => void
  ) {
    super()
    base.on('update', this.kick)
    this.timer = setInterval(this.kick, POLL_MS)
    this.timer.unref()
  }

  /** Blocks cleared from this device so far in this session, for tests and diagnostics. */
  cleared = 0

  /** `cleared` as of the last compaction: blocks above it still take space. */
  private compacted = 0
  private compactedAt = 0
  private compactMs = 0

  /** Nothing under way and everything cleared so far compacted away. */
  get settled(): boolean {
    return this.running === null && this.cleared === this.compacted
  }

  protected override async _close(): Promise<void> {
    clearInterval(this.timer)
    this.base.off('update', this.kick)
    // A newcomer holds little of the view, so a sweep can be waiting on a block
    // from members who are gone by now: closing its checkout ends that wait
    // (a joiner closed right after joining never finished closing otherwise).
    await this.reading?.close().catch(() => undefined)
    await this.running
  }

  private async run(): Promise<void> {
    if (!this.base.opened || this.base.closing) return
    const core = this.base.view.core
    // Both figures dip while the indexer set is re-signed; signed history itself never changes.
    this.system = Math.max(this.system, this.base.signedLength)
    this.signed = Math.min(Math.max(this.signed, core.signedLength), core.length)
    const last = this.points[this.points.length - 1]
    if (this.signed > (last?.view ?? this.swept)) {
      this.points.push({ system: this.system, view: this.signed })
      if (this.points.length > MAX_POINTS) this.points.shift()
    }
    let target = this.swept
    while (this.points.length > 0 && this.points[0]!.system + MARGIN <= this.system) {
      target = this.points.shift()!.view
    }
    const before = this.cleared
    if (target > this.swept) {
      await this.sweep(target)
      this.swept = target
    }
    const pending = this.cleared - this.compacted
    if (pending === 0 || this.closing) return
    if (this.cleared > before && pending < COMPACT_BLOCKS) return // still clearing: compact once it goes quiet
    if (Date.now() - this.compactedAt < Math.max(COMPACT_GAP_MS, 10 * this.compactMs)) return
    const started = Date.now()
    const through = this.cleared
    await this.store.storage.compact(COLLECT_BLOBS)
    this.compacted = through
    this.compactedAt = Date.now()
    this.compactMs = this.compactedAt - started
  }

  private async sweep(length: number): Promise<void> {
    const own = this.base.local.key.toString('hex')
    const signed = this.base.view.checkout(length)
    this.reading = signed
    try {
      const range = { gt: keys.refusedPrefix, lt: prefixEnd(keys.refusedPrefix) }
      for await (const entry of signed.createReadStream(range)) {
        if (this.closing) return
        const writer = entry.key.slice(keys.refusedPrefix.length)
        // Never our own: we may be the only one others can still fetch them from.
        if (writer === own) continue
        await this.clearWriter(writer, entry.value as RefusedRecord)
      }
    } finally {
      this.reading = null
      await signed.close()
    }
  }

  private async clearWriter(writer: string, ranges: RefusedRecord): Promise<void> {
    const known = this.progress.get(writer)
    const end = ranges[ranges.length - 1]?.[1] ?? 0
    if (known !== undefined && known >= end) return
    const core = this.store.get({ key: Buffer.from(writer, 'hex'), active: false })
    try {
      await core.ready()
      let done = known ?? (await readProgress(core))
      const from = done
      for (const [start, stop] of ranges) {
        const to = Math.min(stop, core.length)
        const first = Math.max(start, done)
        if (to > first) {
          await core.clear(first, to)
          this.cleared += to - first
        }
        done = Math.max(done, to)
      }
      if (done > from) {
        const saved = Buffer.alloc(4)
        saved.writeUInt32BE(done, 0)
        await core.setUserData(PROGRESS_KEY, saved)
      }
      this.progress.set(writer, done)
    } finally {
      await core.close()
    }
  }
}

async function readProgress(core: Hypercore): Promise<number> {
  const saved = await core.getUserData(PROGRESS_KEY)
  return saved && saved.length >= 4 ? saved.readUInt32BE(0) : 0
}
