// A bounded wait for the next change: loops that re-check some state wait on
// it, so they wake at once when something moves, and still look again if
// nothing says so.

interface Emitter {
  once(event: string, listener: () => void): unknown
  off(event: string, listener: () => void): unknown
}

/** Resolves at `emitter`'s next `event`, or after `ms`, whichever comes first. */
export function nextEvent(emitter: Emitter, event: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      emitter.off(event, done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    emitter.once(event, done)
  })
}
