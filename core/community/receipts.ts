// "I hold your log from here to here": a small message on a side channel of
// each replication connection with a proven member, about that member's own
// writer, so they can say honestly that a post has reached others.
//
// Hypercore alone does not tell them (hypercore 11.37.1, lib/replicator.js
// `broadcastRange`): a peer that stores a block announces it only to peers
// that lack it, or once its copy is whole from block 0. The writer never lacks
// its own blocks, so it hears only from members holding its whole log from
// block 0. A member who joined after some of my posts were signed fetches my
// writer only from where their view starts (autobase 7.28.1, lib/writer.js
// `_resume`: downloads from the writer's indexed length), and cleared refused
// ops leave gaps (sweeper.ts). With the indexers away, nobody connected held
// my log whole, so a post every other member held stayed "only on this
// device". What a member says here is a claim, like hypercore's own bitfield
// messages, which the tracker already believes; it is never written anywhere.
import Hypercore from 'hypercore'
import type Corestore from 'corestore'
import c from 'compact-encoding'
import hcrypto from 'hypercore-crypto'
import type Protomux from 'protomux'
import { z } from 'zod'

const PROTOCOL = 'mutual/holding/v1'
const message = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().positive() })
  .strict()
  .refine((m) => m.start < m.end)

/**
 * What this needs of Corestore 7.12.5 beyond core/shims: weak sessions, which
 * never keep a core open and close with it, and the cores open right now.
 */
interface Cores {
  get(opts: { key: Uint8Array; weak: true; active: false; createIfMissing: false }): Hypercore
  readonly cores: { get(discoveryKey: Uint8Array): unknown }
  watch(fn: (core: OpenedCore) => void): void
  unwatch(fn: (core: OpenedCore) => void): void
}
interface OpenedCore {
  discoveryKey: Buffer | null
}

/** Blocks [start, end) of a writer, all held by one member. */
export interface Held {
  start: number
  end: number
}

interface Link {
  /** The member on the other end, proven from their writer key (see member-links.ts). */
  member: string
  send: Protomux.Message<unknown>
  /** What they hold of my writer, as they last told me. */
  heard: Held | null
  /** What I last told them I hold of theirs. */
  told: Held | null
}

/** My copy of one connected member's writer, watched while I am connected to them. */
interface Watch {
  key: Buffer
  discoveryKey: Buffer
  links: Set<Link>
  /** A weak session on the core while something else keeps it open; null while it is closed. */
  session: Hypercore | null
  /** The session is ready to read. */
  live: boolean
  /** The highest block of theirs I am known to store: what I hold is told as the run ending there. */
  top: number
  queued: boolean
}

export class Receipts {
  private readonly links = new Set<Link>()
  private readonly watches = new Map<string, Watch>()
  private readonly store: Cores
  private closed = false

  constructor(
    store: Corestore,
    private readonly id: Buffer,
    private readonly onheard: () => void
  ) {
    this.store = store as unknown as Cores
    this.store.watch(this.onCore)
  }

  /** Adds the channel to a replication stream with a proven member. */
  attach(stream: unknown, member: string): void {
    if (this.closed) return
    const mux = Hypercore.getProtocolMuxer(stream)
    // The other side may open first; an open nobody is waiting for is answered with our channel.
    mux.pair({ protocol: PROTOCOL, id: this.id }, () => this.openChannel(mux, member))
    this.openChannel(mux, member)
  }

  /** What connected members told me they hold of my own writer. */
  held(): Held[] {
    const out: Held[] = []
    for (const link of this.links) if (link.heard) out.push(link.heard)
    return out
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.store.unwatch(this.onCore)
    this.links.clear()
    for (const watch of this.watches.values()) this.unfollow(watch)
    this.watches.clear()
  }

  private openChannel(mux: Protomux, member: string): void {
    // Both callbacks run only after open(), by which time the link exists.
    let link: Link | null = null
    const channel = mux.createChannel({
      protocol: PROTOCOL,
      id: this.id,
      onopen: () => {
        if (!link || this.closed) return
        this.links.add(link)
        this.watch(link)
      },
      onclose: () => {
        if (!link || !this.links.delete(link)) return
        this.unwatch(link)
      }
    })
    if (!channel) return // already open on this stream
    const send = channel.addMessage({
      encoding: c.json,
      onmessage: (value) => {
        if (!link || this.closed) return
        const parsed = message.safeParse(value)
        // A peer sending junk is taken to hold nothing rather than trusted halfway.
        link.heard = parsed.success ? parsed.data : null
        if (link.heard) this.onheard()
      }
    })
    link = { member, send, heard: null, told: null }
    channel.open()
  }

  private watch(link: Link): void {
    let watch = this.watches.get(link.member)
    if (!watch) {
      const key = Buffer.from(link.member, 'hex')
      const discoveryKey = hcrypto.discoveryKey(key)
      watch = { key, discoveryKey, links: new Set(), session: null, live: false, top: -1, queued: false }
      this.watches.set(link.member, watch)
      if (this.store.cores.get(watch.discoveryKey)) this.follow(watch)
    }
    watch.links.add(link)
    this.queue(watch)
  }

  private unwatch(link: Link): void {
    const watch = this.watches.get(link.member)
    if (!watch) return
    watch.links.delete(link)
    if (watch.links.size > 0) return
    this.watches.delete(link.member)
    this.unfollow(watch)
  }

  /**
   * Autobase opens and closes a writer's core as it needs it, and hooks each
   * opening to hear of the writer's growth (lib/wakeup.js `_add`, which skips
   * a core opened before Autobase marked it as a writer of this base). A
   * session of ours that opened the core, or kept it open, left a newcomer
   * deaf to a writer it had never needed: the post never arrived. So we follow
   * a core only while it is open anyway, with a weak session, which closes
   * with the core and never opens one.
   */
  private readonly onCore = (core: OpenedCore): void => {
    if (this.closed || !core.discoveryKey) return
    const opened = core.discoveryKey
    // Not from inside the store's own bookkeeping: a block needs a round trip anyway.
    queueMicrotask(() => {
      for (const watch of this.watches.values())
        if (!this.closed && watch.discoveryKey.equals(opened)) this.follow(watch)
    })
  }

  private follow(watch: Watch): void {
    if (watch.session) return
    const session = this.store.get({ key: watch.key, weak: true, active: false, createIfMissing: false })
    watch.session = session
    session.on('download', (index: number) => {
      watch.top = Math.max(watch.top, index)
      this.queue(watch)
    })
    const gone = (): void => {
      if (watch.session !== session) return
      watch.session = null
      watch.live = false
    }
    session.once('close', gone)
    session
      .ready()
      .then(async () => {
        if (watch.session !== session) return
        watch.live = true
        // Blocks I held before we met: their newest, if I have it.
        const last = session.length - 1
        if (last > watch.top && (await session.has(last))) watch.top = last
        this.queue(watch)
      })
      .catch(gone) // closed meanwhile: followed again when it next opens
  }

  private unfollow(watch: Watch): void {
    const session = watch.session
    watch.session = null
    watch.live = false
    void session?.close().catch(() => undefined)
  }

  /** Blocks come in bursts; one message per burst. */
  private queue(watch: Watch): void {
    if (watch.queued) return
    watch.queued = true
    setImmediate(() => {
      watch.queued = false
      void this.tell(watch).catch(() => undefined) // closing: nothing to tell
    })
  }

  private async tell(watch: Watch): Promise<void> {
    const session = watch.session
    if (this.closed || watch.links.size === 0 || !session || !watch.live) return
    const held = await heldRunTo(session, watch.top)
    if (!held) return
    for (const link of watch.links) {
      if (link.told && link.told.start === held.start && link.told.end === held.end) continue
      link.told = held
      link.send.send(held)
    }
  }
}

/** The run of blocks held on this device that ends at `top`, if `top` is held. */
async function heldRunTo(core: Hypercore, top: number): Promise<Held | null> {
  if (top < 0 || !(await core.has(top))) return null
  // Holding [s, top] for some s means holding it for every later s: search for the smallest.
  let lo = 0
  let hi = top
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    if (await core.has(mid, top + 1)) hi = mid
    else lo = mid + 1
  }
  return { start: lo, end: top + 1 }
}
