// Locks the app after the chosen time without use of the computer. The
// window's own timer (renderer LockGate) sees only use of the window, and a
// closed window (macOS keeps the app running) has no timer at all; the
// system's idle time covers both.
import { powerMonitor } from 'electron'

/** How often the idle time is looked at: a lock comes at most this late. */
const CHECK_MS = 30_000

export function watchIdle(lockAfterMinutes: () => Promise<number | null>, lock: () => void): () => void {
  const timer = setInterval(() => {
    void lockAfterMinutes().then((minutes) => {
      if (minutes !== null && minutes > 0 && powerMonitor.getSystemIdleTime() >= minutes * 60) lock()
    })
  }, CHECK_MS)
  timer.unref()
  return () => clearInterval(timer)
}
