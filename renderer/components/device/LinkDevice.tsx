// Showing a one-time code (as text and as a QR code) for another device of
// mine to link with, then asking the person whether the device that used it
// is theirs. Nothing is shared before they say yes. Closing it closes the code.
import { useEffect, useId, useRef, useState } from 'react'
import type { Results } from '../../../core/rpc/methods.js'
import type { RpcError } from '../../../core/rpc/client.js'
import { asRpcError, useAction, useEngine, useEngineEvents } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ClosingAction } from '../ClosingAction.js'
import { copyText } from '../copyText.js'
import { ErrorText } from '../ErrorText.js'
import { useNow } from '../useNow.js'
import { LinkErrorText } from './linking.js'
import { QrCode } from './QrCode.js'
import './LinkDevice.css'
import { Button } from '../Button.js'

type Offer = Results['devices.offerLink']
type Phase =
  | { kind: 'making' }
  | { kind: 'waiting' }
  | { kind: 'asked'; name: string }
  | { kind: 'sharing'; name: string }
  | { kind: 'ended'; text: string; linked: boolean }

export function LinkDevice({ onClose, onAgain }: { onClose: () => void; onAgain: () => void }) {
  const engine = useEngine()
  const id = useId()
  const s = strings.linkOffer
  const now = useNow(15_000)
  const [offer, setOffer] = useState<Offer | null>(null)
  const [phase, setPhase] = useState<Phase>({ kind: 'making' })
  const [failed, setFailed] = useState<RpcError | null>(null)
  const [copied, setCopied] = useState(false)
  // Once the person has answered, closing this view must not cut the copying short.
  const answered = useRef(false)
  const ended = useRef(false)
  const asking = useRef('')
  const questionRef = useRef<HTMLParagraphElement>(null)
  const resultRef = useRef<HTMLParagraphElement>(null)
  const codeRef = useRef<HTMLTextAreaElement>(null)

  // The code lives as long as this view: made when it opens, closed when it goes.
  useEffect(() => {
    let live = true
    let made: string | null = null
    engine.call('devices.offerLink', {}).then(
      (result) => {
        made = result.offerId
        if (!live) {
          void engine.call('devices.cancelOffer', { offerId: made }).catch(() => undefined)
          return
        }
        setOffer(result)
        setPhase({ kind: 'waiting' })
      },
      (err: unknown) => {
        if (live) setFailed(asRpcError(err))
      }
    )
    return () => {
      live = false
      if (made && !answered.current && !ended.current)
        void engine.call('devices.cancelOffer', { offerId: made }).catch(() => undefined)
    }
  }, [engine])

  useEngineEvents((event) => {
    if (!offer || ended.current) return
    if (event.type === 'link-request' && event.offerId === offer.offerId) {
      asking.current = event.deviceName
      setPhase({ kind: 'asked', name: event.deviceName })
    }
    if (event.type === 'link-ended' && event.offerId === offer.offerId) {
      ended.current = true
      const text =
        event.linked !== null
          ? s.linked(asking.current, event.linked)
          : event.code === 'invite-expired'
            ? s.expired
            : event.code === 'not-allowed'
              ? s.declined
              : s.stopped(event.message ?? '')
      setPhase({ kind: 'ended', text, linked: event.linked !== null })
    }
  })

  const answer = useAction(async (accept: boolean) => {
    if (!offer) return
    await engine.call('devices.answerLink', { offerId: offer.offerId, accept })
    answered.current = true
    if (ended.current) return
    if (accept) setPhase({ kind: 'sharing', name: asking.current })
    else {
      // A "no" ends the offer; the engine's own word on it says the same.
      ended.current = true
      setPhase({ kind: 'ended', text: s.declined, linked: false })
    }
  })

  // The question and the outcome take focus, so a screen reader hears them and the answer is a Tab away.
  useEffect(() => {
    if (phase.kind === 'asked') questionRef.current?.focus()
    if (phase.kind === 'ended') resultRef.current?.focus()
  }, [phase.kind])

  const copy = async () => {
    if (!offer) return
    await copyText(offer.code, codeRef)
    setCopied(true)
  }

  if (failed)
    return (
      <div className="link-offer stack">
        <LinkErrorText error={failed} kind="link" />
        <ClosingAction label={s.done} onClick={onClose} />
      </div>
    )

  const showCode = offer !== null && (phase.kind === 'waiting' || phase.kind === 'asked')
  return (
    <div className="link-offer stack" aria-labelledby={`${id}-heading`} role="group">
      <h4 id={`${id}-heading`}>{s.heading}</h4>
      {showCode ? (
        <>
          <p>{s.intro}</p>
          <p className="hint">{s.same}</p>
          <div className="link-code">
            <div className="field link-code-text">
              <label htmlFor={`${id}-code`}>{s.code}</label>
              <textarea
                id={`${id}-code`}
                ref={codeRef}
                className="invite-key"
                readOnly
                rows={4}
                spellCheck={false}
                value={offer.code}
                aria-describedby={`${id}-expires`}
                onFocus={(e) => e.currentTarget.select()}
              />
              <p className="hint" id={`${id}-expires`}>
                {s.expires(strings.time.relative(offer.expiresAt, now))}
              </p>
              <div className="actions">
                <Button onClick={() => void copy()}>{copied ? s.copied : s.copy}</Button>
              </div>
            </div>
            <QrCode text={offer.code} label={s.qr} />
          </div>
        </>
      ) : null}
      {phase.kind === 'asked' ? (
        <div className="link-ask stack" role="group" aria-labelledby={`${id}-ask`}>
          <p id={`${id}-ask`} ref={questionRef} tabIndex={-1} className="link-question">
            {s.ask(phase.name)}
          </p>
          <p className="hint">{s.askHint}</p>
          <ErrorText error={answer.error} />
          <div className="actions">
            <Button disabled={answer.pending} onClick={() => void answer.run(false)}>
              {s.no}
            </Button>
            <Button tone="primary" disabled={answer.pending} onClick={() => void answer.run(true)}>
              {s.yes}
            </Button>
          </div>
        </div>
      ) : null}
      <div role="status" aria-live="polite" className="link-status">
        {phase.kind === 'making' ? <p className="progress">{s.making}</p> : null}
        {phase.kind === 'waiting' ? <p className="progress">{s.waiting}</p> : null}
        {phase.kind === 'sharing' ? <p className="progress">{s.sharing(phase.name)}</p> : null}
        {phase.kind === 'ended' ? (
          <p ref={resultRef} tabIndex={-1} className={`progress${phase.linked ? ' progress-done' : ''}`}>
            {phase.text}
          </p>
        ) : null}
        {copied ? <span className="visually-hidden">{s.copied}</span> : null}
      </div>
      <div className="actions">
        {phase.kind === 'ended' ? (
          <>
            {phase.linked ? null : <Button onClick={onAgain}>{strings.myDevices.link}</Button>}
            <Button tone="primary" onClick={onClose}>
              {s.done}
            </Button>
          </>
        ) : phase.kind === 'sharing' ? null : (
          <Button tone="quiet" onClick={onClose}>
            {s.cancel}
          </Button>
        )}
      </div>
    </div>
  )
}
