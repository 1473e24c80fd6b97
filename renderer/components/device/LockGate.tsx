// Shows the app only while Mutual is unlocked. Locks it after the chosen time
// without use, and on Ctrl+Shift+L (Cmd+Shift+L on a Mac). The engine refuses
// everything but the lock while locked, so this gate hides; it is not what
// keeps the data from a locked window.
import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import { useEngine, useLive } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ErrorText } from '../ErrorText.js'
import { UnlockScreen } from './UnlockScreen.js'

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'focus'] as const

export function LockGate({ children }: { children: ReactNode }) {
  const engine = useEngine()
  const status = useLive(
    () => engine.call('lock.status', {}),
    [],
    (e) => e.type === 'lock-changed'
  )
  const lock = status.data
  const canLock = lock?.protection === 'passphrase' && !lock.locked
  const lockNow = useRef(() => undefined as void)
  lockNow.current = () => {
    if (canLock) void engine.call('lock.lockNow', {}).catch(() => undefined)
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.shiftKey && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l') {
        event.preventDefault()
        lockNow.current()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const minutes = lock?.lockAfterMinutes ?? 0
  useEffect(() => {
    if (!canLock || minutes <= 0) return
    let timer = setTimeout(() => lockNow.current(), minutes * 60_000)
    const restart = () => {
      clearTimeout(timer)
      timer = setTimeout(() => lockNow.current(), minutes * 60_000)
    }
    for (const kind of ACTIVITY) window.addEventListener(kind, restart, { passive: true })
    return () => {
      clearTimeout(timer)
      for (const kind of ACTIVITY) window.removeEventListener(kind, restart)
    }
  }, [canLock, minutes])

  if (!lock) {
    return (
      <main className="loading" id="content">
        <p className="brand">{strings.appName}</p>
        {status.error ? <ErrorText error={status.error} /> : <p role="status">{strings.post.loading}</p>}
      </main>
    )
  }
  if (lock.locked) return <UnlockScreen />
  return <>{children}</>
}
