// Tracks how much of my own writer another member is known to hold, so a
// post can honestly say "only on this device" or "reached others". Persisted
// in the writer's user data, because peers may be gone after a restart.
//
// A peer tells us what it holds only after storing a block, so at our
// 'upload' its figure still lacks that block. Hypercore reports the peer's
// answer as 'remote-contiguous-length'; without listening for it, my latest
// post would stay "only on this device" until I happened to write again.
//
// Hypercore reports only peers holding my log whole from block 0; members who
// hold a later run of it say so themselves (receipts.ts). The figure is the
// union: every block below it is held by at least one other member, so a run
// starting at or below it carries it to the run's end.
import ReadyResource from 'ready-resource'
import type Hypercore from 'hypercore'
import type { Held } from './receipts.js'

const USER_DATA_KEY = 'mutual/replicated-length'
/** Uploads come block by block; the figure is saved at most this often. */
const SAVE_EVERY_MS = 1000

export class ReplicationTracker extends ReadyResource {
  length = 0
  private saved = 0
  private saveTimer: NodeJS.Timeout | null = null
  private readonly check = (): void => void this.refresh()

  constructor(
    private readonly local: Hypercore,
    private readonly onchange: () => void,
    /** Runs of my writer that connected members told me they hold. */
    private readonly heard: () => Iterable<Held> = () => []
  ) {
    super()
  }

  protected override async _open(): Promise<void> {
    const stored = await this.local.getUserData(USER_DATA_KEY)
    if (stored && stored.length >= 4) this.length = this.saved = stored.readUInt32BE(0)
    this.local.on('upload', this.check)
    this.local.on('peer-add', this.check)
    this.local.on('remote-contiguous-length', this.check)
  }

  protected override async _close(): Promise<void> {
    this.local.off('upload', this.check)
    this.local.off('peer-add', this.check)
    this.local.off('remote-contiguous-length', this.check)
    if (this.saveTimer) clearTimeout(this.saveTimer)
    await this.save()
  }

  async refresh(): Promise<void> {
    if (this.closing) return
    const runs: Held[] = [...this.heard()]
    for (const peer of this.local.peers) runs.push({ start: 0, end: peer.remoteContiguousLength })
    let best = this.length
    for (let grew = true; grew;) {
      grew = false
      for (const run of runs) {
        const end = Math.min(run.end, this.local.length)
        if (run.start <= best && end > best) {
          best = end
          grew = true
        }
      }
    }
    if (best <= this.length) return
    this.length = best
    this.saveTimer ??= setTimeout(() => {
      this.saveTimer = null
      void this.save()
    }, SAVE_EVERY_MS)
    this.onchange()
  }

  private async save(): Promise<void> {
    if (this.length === this.saved) return
    const buf = Buffer.alloc(4)
    buf.writeUInt32BE(this.length, 0)
    try {
      await this.local.setUserData(USER_DATA_KEY, buf)
      this.saved = this.length
    } catch {
      // The core is closing: the figure is re-learnt from peers next time.
    }
  }
}
