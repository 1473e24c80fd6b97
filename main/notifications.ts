// OS notifications for replies to your posts, mentions of you, what the
// community decided that concerns you, someone who would like to talk, and
// private lines (named, never quoted: a screen can be seen by others). The engine
// already applies each community's notification setting before it emits a
// notice, so every notice that arrives here is wanted.
import { Notification } from 'electron'
import type { Notice } from '../core/domain/types.js'
import type { OpenTarget } from '../core/rpc/bridge.js'

const TITLES: Record<Notice['kind'], (n: Notice) => string> = {
  reply: (n) => `${n.author} replied to you in ${n.communityName}`,
  mention: (n) => `${n.author} mentioned you in ${n.communityName}`,
  collapsed: (n) => `Members of ${n.communityName} collapsed one of your posts`,
  removed: (n) => `${n.communityName} decided that you are no longer a member`,
  proposal: (n) => `${n.author} proposed a change in ${n.communityName}`,
  reach: (n) => `${n.author} would like to talk, in ${n.communityName}`,
  private: (n) => `${n.author}, privately, in ${n.communityName}`
}

export function noticeText(notice: Notice): { title: string; body: string } {
  return { title: TITLES[notice.kind](notice), body: notice.excerpt }
}

/** Where a click on the notice leads: the member's conversation, the thread, or the community's reach-outs. */
export function noticeTarget(notice: Notice): OpenTarget | null {
  const { communityId } = notice
  if (notice.memberId) return { communityId, memberId: notice.memberId }
  if (notice.root !== null) return { communityId, root: notice.root }
  if (notice.kind === 'reach') return { communityId, reachOuts: true }
  return null
}

/** What a notification says while the app is locked: that something came, and nothing more. */
const LOCKED_NOTICE = { title: 'Mutual', body: 'Something new for you. Unlock Mutual to see it.' }

export class Notifier {
  // Electron drops click handlers of notifications that get garbage collected,
  // so the newest few are held. Not every platform reports 'close'; the cap
  // keeps this from growing when it does not.
  private readonly live = new Set<Notification>()
  private static readonly MAX_LIVE = 20

  constructor(private readonly onClick: (notice: Notice) => void) {}

  /** Takes back what is shown: called when the app locks, so no name stays on screen. */
  clear(): void {
    for (const notification of this.live) notification.close()
    this.live.clear()
  }

  show(notice: Notice | null): void {
    if (!Notification.isSupported()) return
    const notification = new Notification(notice ? noticeText(notice) : LOCKED_NOTICE)
    this.live.add(notification)
    for (const old of this.live) {
      if (this.live.size <= Notifier.MAX_LIVE) break
      this.live.delete(old)
    }
    const forget = (): void => {
      this.live.delete(notification)
    }
    notification.on('click', () => {
      forget()
      if (notice) this.onClick(notice)
    })
    notification.on('close', forget)
    notification.on('failed', forget)
    notification.show()
  }
}
