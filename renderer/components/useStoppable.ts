// An attempt the person can stop (joining, linking, restoring), known to the
// engine by an id its progress events also carry. Leaving the form stops it
// too, rather than leaving it running unseen.
import { useEffect, useRef, useState } from 'react'
import type { MutableRefObject } from 'react'

interface Stoppable {
  /** The running attempt's id, or null when none is running. */
  id: MutableRefObject<string | null>
  /** The person stopped the last attempt. */
  stopped: boolean
  setStopped: (stopped: boolean) => void
  stop: () => Promise<void>
}

export function useStoppable(cancel: (id: string) => Promise<unknown>): Stoppable {
  const id = useRef<string | null>(null)
  const [stopped, setStopped] = useState(false)
  const latest = useRef(cancel)
  latest.current = cancel
  useEffect(
    () => () => {
      const current = id.current
      if (current) void latest.current(current).catch(() => undefined)
    },
    []
  )
  return {
    id,
    stopped,
    setStopped,
    stop: async () => {
      const current = id.current
      if (!current) return
      setStopped(true)
      await latest.current(current).catch(() => undefined)
    }
  }
}
