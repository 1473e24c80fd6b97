// Tracks how much of my own writer another member is known to hold, so a
// post can honestly say "only on this device" or "reached others". Persisted
// in the writer's user data, because peers may be gone after a restart.
import type Hypercore from 'hypercore'

const USER_DATA_KEY = 'mutual/replicated-length'

export class ReplicationTracker {
  length = 0
  private onchange: () => void
  private readonly check = (): void => void this.refresh()
  private closed = false

  constructor(
    private readonly local: Hypercore,
    onchange: () => void
  ) {
    this.onchange = onchange
  }

  async open(): Promise<void> {
    const stored = await this.local.getUserData(USER_DATA_KEY)
    if (stored && stored.length >= 4) this.length = stored.readUInt32BE(0)
    this.local.on('upload', this.check)
    this.local.on('peer-add', this.check)
  }

  close(): void {
    this.closed = true
    this.local.off('upload', this.check)
    this.local.off('peer-add', this.check)
  }

  async refresh(): Promise<void> {
    if (this.closed) return
    let best = this.length
    for (const peer of this.local.peers)
      best = Math.max(best, Math.min(peer.remoteContiguousLength, this.local.length))
    if (best <= this.length) return
    this.length = best
    const buf = Buffer.alloc(4)
    buf.writeUInt32BE(best, 0)
    try {
      await this.local.setUserData(USER_DATA_KEY, buf)
    } catch {
      // Closing mid-write: the figure is re-learnt from peers next time.
    }
    if (!this.closed) this.onchange()
  }
}
