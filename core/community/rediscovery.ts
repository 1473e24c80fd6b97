// Hyperswarm looks a topic up once when joining and then rarely. Members who
// come online at the same moment can each look before the other announced,
// and would then miss each other for minutes. While nobody is connected we
// look again, soon at first and then less often.
import type Hyperswarm from 'hyperswarm'

const DELAYS_MS = [1000, 3000, 10_000, 30_000]
const EVERY_MS = 60_000

export class Rediscovery {
  private timer: NodeJS.Timeout | null = null
  private attempt = 0

  constructor(
    private readonly swarm: Hyperswarm,
    private readonly discovery: Hyperswarm.PeerDiscovery
  ) {
    swarm.on('update', () => this.check())
  }

  /** Call when connections change: arms the search while alone, disarms it once connected. */
  check(): void {
    if (this.swarm.connections.size > 0) {
      this.stop()
      this.attempt = 0
    } else if (!this.timer) {
      this.arm()
    }
  }

  /** Looks and announces again at once, on the topic already joined (after a wake from sleep). */
  async refreshNow(): Promise<void> {
    await this.discovery.refresh().catch(() => undefined)
    this.check()
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /**
   * Announcing and looking up start together on joining, so members arriving
   * at the same moment can all look before anyone has announced. Once our own
   * announce is done, one more look finds everyone who arrived with us.
   */
  async afterAnnounce(): Promise<void> {
    await this.discovery.flushed()
    if (this.swarm.connections.size === 0)
      await this.discovery.refresh({ client: true, server: false }).catch(() => undefined)
    this.check()
  }

  private arm(): void {
    // Jitter keeps members who went offline together from searching in lockstep.
    const delay = (DELAYS_MS[this.attempt] ?? EVERY_MS) * (0.5 + Math.random())
    this.attempt++
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.swarm.connections.size > 0) return
      this.discovery.refresh().catch(() => undefined)
      this.arm()
    }, delay)
    this.timer.unref()
  }
}
