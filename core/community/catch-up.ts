// Catching up in big batches. By default Autobase applies remote nodes about
// 64 at a time. A member who comes back to a backlog from several writers
// then applies a small batch, the next batch changes where those nodes fall
// in the order, and the tail is undone and applied again: merging five
// members' 200 posts each applied 20,307 nodes across the five for 5,000
// needed. With big batches Autobase first fetches what the indexers have and
// applies it in one pass (4,800 nodes, half the time).
//
// It is on while catching up: for BOUND_MS after this device comes online,
// which is when a backlog from writers who went on without it arrives, and
// whenever a backlog is already visible in the writers' logs. In big-batch
// mode Autobase waits up to 3 s for an indexer's next block, so in live use
// (a post at a time) it would only add waiting, and a member who announced a
// length and vanished could hold apply back; so it never stays on for long.
import type { CommunityBase } from './base.js'

/** Nodes known but not yet applied, past which a big batch pays: Autobase's own batch size. */
const BACKLOG = 64
const BOUND_MS = 20_000

export class CatchUp {
  private since: number | null = null
  private timer: NodeJS.Timeout | null = null
  /** After a timed-out run, wait until the backlog has cleared once before another. */
  private spent = false

  constructor(private readonly base: CommunityBase) {}

  /** On going online: what the others wrote meanwhile is on its way. */
  start(): void {
    if (this.since === null && !this.base.closing) this.on()
  }

  /** After each update: on while a visible backlog waits. */
  check(): void {
    if (this.base.closing) return this.off()
    const backlog = this.backlog()
    if (backlog === 0) this.spent = false
    else if (this.since === null && backlog >= BACKLOG && !this.spent) this.on()
  }

  close(): void {
    this.off()
  }

  private backlog(): number {
    let waiting = 0
    for (const writer of this.base.activeWriters) waiting += Math.max(0, writer.core.length - writer.length)
    return waiting
  }

  private on(): void {
    this.since = Date.now()
    this.base.setBigBatches(true)
    this.timer = setTimeout(() => {
      this.spent = true
      this.off()
    }, BOUND_MS)
    this.timer.unref()
  }

  private off(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.since === null) return
    this.since = null
    this.base.setBigBatches(false)
  }
}
