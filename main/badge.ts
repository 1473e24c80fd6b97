// The unread badge. Its one source of truth is the engine: the main process
// sums `unread` from communities.list whenever communities change. The
// renderer's setBadgeCount is only a hint to look again (see ipc.ts), so a
// stale or hostile page cannot put a wrong number on the dock.
import type { CommunitySummary } from '../core/domain/types.js'

/** Badge counts above this are nonsense (each community caps its unread count at 100). */
const MAX_BADGE = 100_000

export function isBadgeCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_BADGE
}

export function totalUnread(communities: readonly CommunitySummary[]): number {
  return communities.reduce((sum, c) => sum + (isBadgeCount(c.unread) ? c.unread : 0), 0)
}

/**
 * Coalesces bursts of change events into one communities.list call. A failed
 * fetch (the engine restarting) leaves the badge as it was; the next 'ready'
 * refreshes it.
 */
export class BadgeUpdater {
  private timer: NodeJS.Timeout | null = null
  private shown: number | null = null

  constructor(
    private readonly fetchUnread: () => Promise<number>,
    private readonly show: (count: number) => void,
    private readonly debounceMs = 250
  ) {}

  refresh(): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.update()
    }, this.debounceMs)
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private async update(): Promise<void> {
    let count: number
    try {
      count = await this.fetchUnread()
    } catch {
      return
    }
    if (!isBadgeCount(count) || count === this.shown) return
    this.shown = count
    this.show(count)
  }
}
