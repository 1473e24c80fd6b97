// "Your devices": every device that is me, this one marked, each renamed or
// removed in place; and linking another one with a one-time code.
import { useId, useRef, useState } from 'react'
import { useEngine, useLive } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ErrorText } from '../ErrorText.js'
import { DeviceRow } from './DeviceRow.js'
import { LinkDevice } from './LinkDevice.js'
import './MyDevices.css'
import { Button } from '../Button.js'

export function MyDevices() {
  const engine = useEngine()
  const id = useId()
  const s = strings.myDevices
  const devices = useLive(
    () => engine.call('devices.list', {}),
    [],
    // Naming, linking and removing are ops in each community's log.
    (e) => e.type === 'communities-changed' || e.type === 'community-changed' || e.type === 'link-ended'
  )
  // Each new code is a fresh view, so "make a new code" starts clean.
  const [linking, setLinking] = useState<number | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const noticeRef = useRef<HTMLParagraphElement>(null)
  const linkButton = useRef<HTMLButtonElement>(null)

  const closeLink = () => {
    setLinking(null)
    devices.reload()
    requestAnimationFrame(() => linkButton.current?.focus())
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="my-devices">
      <h3 id={`${id}-heading`}>{s.heading}</h3>
      <p className="hint">{s.intro}</p>
      {devices.data ? (
        <ul className="device-list plain-list" aria-label={s.list}>
          {devices.data.map((device) => (
            <DeviceRow
              key={device.id}
              device={device}
              onRemoved={(name) => {
                setNotice(s.removedDone(name))
                devices.reload()
                requestAnimationFrame(() => noticeRef.current?.focus())
              }}
            />
          ))}
        </ul>
      ) : devices.error ? (
        <ErrorText error={devices.error} />
      ) : (
        <p className="quiet-note">{s.loading}</p>
      )}
      <div role="status">
        {notice ? (
          <p ref={noticeRef} tabIndex={-1}>
            {notice}
          </p>
        ) : null}
      </div>
      {linking !== null ? (
        <LinkDevice key={linking} onClose={closeLink} onAgain={() => setLinking((n) => (n ?? 0) + 1)} />
      ) : (
        <div className="stack">
          <p className="hint" id={`${id}-link-hint`}>
            {s.linkHint}
          </p>
          <div>
            <Button
              ref={linkButton}
              aria-describedby={`${id}-link-hint`}
              onClick={() => {
                setNotice(null)
                setLinking(0)
              }}
            >
              {s.link}
            </Button>
          </div>
        </div>
      )}
    </section>
  )
}
