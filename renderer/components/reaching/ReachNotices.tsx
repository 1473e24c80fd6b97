// In-app notices for reaching out: someone would like to talk, or wrote to
// you privately. They name who, never what was said, and open the
// conversation (or the reach-outs) when asked. The OS notification, when the
// window is hidden, is the shell's.
import { useEffect, useRef, useState } from 'react'
import type { CommunitySummary, Notice } from '../../../core/domain/types.js'
import type { ThreadTarget } from '../../engine/connection.js'
import { useEngineEvents } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import './ReachNotices.css'
import { Button } from '../Button.js'

const SHOWN = 3

/** What is on screen in reaching out: a community's reach-outs, or one conversation. */
export interface ReachingView {
  communityId: string
  /** The open conversation, or null for the reach-outs. */
  memberId: string | null
}

/**
 * A private line in the conversation the person is reading says nothing new.
 * Someone reaching out to the community is always told: the list may be
 * scrolled away, and a screen reader hears it here.
 */
function onScreen(notice: Notice, view: ReachingView | null): boolean {
  if (!view || view.communityId !== notice.communityId || !notice.memberId) return false
  return notice.memberId === view.memberId
}

function noticeTarget(notice: Notice): ThreadTarget {
  const { communityId } = notice
  return notice.memberId ? { communityId, memberId: notice.memberId } : { communityId, reachOuts: true }
}

export function ReachNotices({
  communities,
  viewing,
  onOpen
}: {
  communities: readonly CommunitySummary[]
  /** Where reaching out is open on screen, if it is. */
  viewing: ReachingView | null
  onOpen: (target: ThreadTarget) => void
}) {
  const s = strings.reaching
  const [notices, setNotices] = useState<{ key: number; notice: Notice }[]>([])
  const next = useRef(0)
  useEngineEvents((event) => {
    if (event.type !== 'notice') return
    const { notice } = event
    if (notice.kind !== 'reach' && notice.kind !== 'private') return
    if (onScreen(notice, viewing)) return
    const key = next.current++
    setNotices((list) => [{ key, notice }, ...list].slice(0, SHOWN))
  })
  useEffect(() => setNotices((list) => list.filter((n) => !onScreen(n.notice, viewing))), [viewing])
  const dismiss = (key: number) => setNotices((list) => list.filter((n) => n.key !== key))
  const several = communities.length > 1
  return (
    <div className="reach-notices" aria-live="polite">
      {notices.map(({ key, notice }) => (
        <div key={key} className={`reach-notice card card-raised reach-notice-${notice.kind}`}>
          <p>
            <strong>{notice.author}</strong> {notice.excerpt}
            {several ? <span className="hint"> {s.noticeIn(notice.communityName)}</span> : null}
          </p>
          <div className="actions">
            <Button tone="quiet" small onClick={() => dismiss(key)}>
              {s.noticeDismiss}
            </Button>
            <Button
              tone="primary"
              small
              onClick={() => {
                dismiss(key)
                onOpen(noticeTarget(notice))
              }}
            >
              {s.noticeOpen}
            </Button>
          </div>
        </div>
      ))}
    </div>
  )
}
