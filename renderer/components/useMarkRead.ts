// While a community is on screen, what arrives in it counts as read.
import { useEffect, useRef, useState } from 'react'
import type { CommunitySummary } from '../../core/domain/types.js'
import { useEngine } from '../engine/hooks.js'

export function useMarkRead(community: CommunitySummary): void {
  const engine = useEngine()
  const marked = useRef(new Map<string, number>())
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden')
  useEffect(() => {
    const update = () => setVisible(document.visibilityState !== 'hidden')
    document.addEventListener('visibilitychange', update)
    return () => document.removeEventListener('visibilitychange', update)
  }, [])
  const { id, latestSeq, unread } = community
  useEffect(() => {
    if (!visible || unread === 0) return
    if ((marked.current.get(id) ?? -1) >= latestSeq) return
    marked.current.set(id, latestSeq)
    void engine.call('communities.markRead', { communityId: id, seq: latestSeq }).catch(() => {
      marked.current.delete(id)
    })
  }, [engine, id, latestSeq, unread, visible])
}
