// A calm word when the engine restarts: nothing is lost, it takes a moment.
import { useEffect, useState } from 'react'
import { useConnectionState } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import './EngineNotice.css'

export function EngineNotice() {
  const { status, generation, restarted } = useConnectionState()
  const [showBack, setShowBack] = useState(false)
  useEffect(() => {
    if (!restarted || status.state !== 'ready') return
    setShowBack(true)
    const timer = setTimeout(() => setShowBack(false), 6000)
    return () => clearTimeout(timer)
  }, [generation, restarted, status.state])
  const text =
    status.state === 'restarting'
      ? strings.engine.restarting
      : status.state === 'failed'
        ? strings.engine.failed
        : showBack
          ? strings.engine.back
          : ''
  return (
    <div
      className={`engine-notice${text ? ' engine-notice-shown' : ''} engine-${status.state}`}
      role="status"
    >
      {text}
    </div>
  )
}
