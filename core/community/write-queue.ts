// Group commit: ops that arrive while an append is in flight go out together
// in the next one. A lone post still goes out at once; a burst costs one
// Autobase append (one local write, one apply pass) instead of one each.
import type { CommunityBase } from './base.js'

interface Waiting {
  block: Buffer
  resolve: () => void
  reject: (err: unknown) => void
}

export class WriteQueue {
  private waiting: Waiting[] = []
  private flushing = false

  constructor(private readonly base: CommunityBase) {}

  append(block: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ block, resolve, reject })
      if (!this.flushing) void this.flush()
    })
  }

  private async flush(): Promise<void> {
    this.flushing = true
    while (this.waiting.length > 0) {
      const batch = this.waiting
      this.waiting = []
      try {
        await this.base.append(batch.map((w) => w.block))
        for (const w of batch) w.resolve()
      } catch (err) {
        for (const w of batch) w.reject(err)
      }
    }
    this.flushing = false
  }
}
