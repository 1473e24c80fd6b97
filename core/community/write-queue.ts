// Group commit: ops that arrive while an append is in flight go out together
// in the next one. A lone post still goes out at once; a burst costs one
// Autobase append (one local write, one apply pass) instead of one each.
//
// Order: a write can take a place in line when it is asked for (`reserve`),
// before it has read what it needs from the view; blocks go out in the order
// places were taken, so posts sent back to back keep their order without
// waiting for each other's reads.
import type { CommunityBase } from './base.js'

interface Waiting {
  block: Buffer | null
  /** Given up before writing anything (a check failed): skipped. */
  released: boolean
  resolve: () => void
  reject: (err: unknown) => void
}

export interface Place {
  append(block: Buffer): Promise<void>
  release(): void
}

export class WriteQueue {
  private line: Waiting[] = []
  private flushing = false

  constructor(private readonly base: CommunityBase) {}

  append(block: Buffer): Promise<void> {
    return this.reserve().append(block)
  }

  /** A place in line, taken now and filled (or released) later. */
  reserve(): Place {
    const waiting: Waiting = {
      block: null,
      released: false,
      resolve: () => undefined,
      reject: () => undefined
    }
    this.line.push(waiting)
    return {
      append: (block) =>
        new Promise<void>((resolve, reject) => {
          waiting.block = block
          waiting.resolve = resolve
          waiting.reject = reject
          if (!this.flushing) void this.flush()
        }),
      release: () => {
        if (waiting.block !== null || waiting.released) return
        waiting.released = true
        if (!this.flushing) void this.flush()
      }
    }
  }

  private async flush(): Promise<void> {
    this.flushing = true
    for (;;) {
      // Everything ready at the head of the line goes out together; a place not yet filled holds the rest.
      const batch: Waiting[] = []
      while (this.line.length > 0) {
        const head = this.line[0]!
        if (head.released) {
          this.line.shift()
          continue
        }
        if (head.block === null) break
        batch.push(head)
        this.line.shift()
      }
      if (batch.length === 0) break
      try {
        await this.base.append(batch.map((w) => w.block as Buffer))
        for (const w of batch) w.resolve()
      } catch (err) {
        for (const w of batch) w.reject(err)
      }
    }
    this.flushing = false
  }
}
