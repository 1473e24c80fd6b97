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

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private arm(): void {
    const delay = DELAYS_MS[this.attempt] ?? EVERY_MS
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
