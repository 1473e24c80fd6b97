// A laptop waking from sleep keeps stale DHT state. Timers do not run while
// suspended, so a tick arriving far later than scheduled means we slept.
const TICK_MS = 5000
const SLEPT_MS = 20_000

export class SuspendWatch {
  private timer: NodeJS.Timeout | null = null
  private last = 0

  constructor(private readonly onWake: () => void) {}

  start(): void {
    if (this.timer) return
    this.last = Date.now()
    this.timer = setInterval(() => {
      const now = Date.now()
      if (now - this.last > SLEPT_MS) this.onWake()
      this.last = now
    }, TICK_MS)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}
