// Hyperswarm looks a topic up once when joining and then rarely (every ten
// minutes or so). Members who come online at the same moment can each look
// before the other announced, and a lookup can miss some of those announced
// (a DHT node answers with a sample of at most 20 per topic, and past
// members' records linger). So while this device holds proven links to fewer
// members than the community has, it looks again: soon at first, then less
// often, with jitter so members who went offline together do not search in
// lockstep. Once linked to every other member it stops.
import ReadyResource from 'ready-resource'
import type Hyperswarm from 'hyperswarm'

const DELAYS_MS = [1000, 3000, 10_000, 30_000]
const EVERY_MS = 60_000

export class Rediscovery extends ReadyResource {
  private timer: NodeJS.Timeout | null = null
  private attempt = 0
  private checking: Promise<void> | null = null
  private recheck = false
  private readonly onUpdate = (): void => this.check()

  constructor(
    private readonly swarm: Hyperswarm,
    private readonly discovery: Hyperswarm.PeerDiscovery,
    /** Whether some other current member is not linked to me now. */
    private readonly incomplete: () => Promise<boolean>
  ) {
    super()
    swarm.on('update', this.onUpdate)
  }

  /**
   * On every connection change: arms the search while some member is
   * missing, disarms it once every member is linked. A link is proven a
   * moment after its connection opens; the search checks again before looking.
   */
  check(): void {
    if (this.closing) return
    if (this.checking) {
      this.recheck = true
      return
    }
    this.checking = this.incomplete()
      .catch(() => true)
      .then((missing) => {
        if (this.closing) return
        if (!missing) {
          this.disarm()
          this.attempt = 0
        } else if (!this.timer) {
          this.arm()
        }
      })
      .finally(() => {
        this.checking = null
        if (this.recheck) {
          this.recheck = false
          this.check()
        }
      })
  }

  /** Looks and announces again at once, on the topic already joined (after a wake from sleep). */
  async refreshNow(): Promise<void> {
    await this.discovery.refresh().catch(() => undefined)
    this.check()
  }

  protected override async _close(): Promise<void> {
    this.swarm.off('update', this.onUpdate)
    this.disarm()
  }

  /**
   * Announcing and looking up start together on joining, so members arriving
   * at the same moment can all look before anyone has announced. Once our own
   * announce is done, one more look finds everyone who arrived with us.
   */
  async afterAnnounce(): Promise<void> {
    await this.discovery.flushed()
    if (await this.incomplete().catch(() => true)) await this.discovery.refresh().catch(() => undefined)
    this.check()
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private arm(): void {
    const delay = (DELAYS_MS[this.attempt] ?? EVERY_MS) * (0.5 + Math.random())
    this.attempt++
    this.timer = setTimeout(() => {
      this.timer = null
      void this.incomplete()
        .catch(() => true)
        .then((missing) => {
          if (this.closing || this.timer) return
          if (!missing) {
            this.attempt = 0
            return
          }
          // Plain: asking for client only would turn this session's announcing off for good.
          this.discovery.refresh().catch(() => undefined)
          this.arm()
        })
    }, delay)
    this.timer.unref()
  }
}
