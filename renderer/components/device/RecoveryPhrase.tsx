// The recovery phrase: whether one covers my communities, and getting a new
// one. It first says plainly what the words bring back and what they do not,
// then shows them once, with the encrypted backup to save if asked for.
import { useEffect, useId, useRef, useState } from 'react'
import type { RecoveryPhrase as Phrase, RecoveryStatus } from '../../../core/domain/types.js'
import { useAction, useEngine, useLive } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ClosingAction } from '../ClosingAction.js'
import { ErrorText } from '../ErrorText.js'
import { NotSharedList } from './linking.js'
import { PhraseWords } from './PhraseWords.js'
import { Button } from '../Button.js'

function statusText(status: RecoveryStatus): string {
  const s = strings.recovery
  if (status.registered === 0) return status.missing === 0 ? s.noCommunities : s.none
  return status.missing === 0 ? s.covered(status.registered) : s.partly(status.registered, status.missing)
}

export function RecoveryPhrase() {
  const engine = useEngine()
  const id = useId()
  const s = strings.recovery
  const status = useLive(
    () => engine.call('devices.recoveryStatus', {}),
    [],
    (e) => e.type === 'communities-changed'
  )
  const [step, setStep] = useState<'status' | 'explain' | 'shown' | 'finished'>('status')
  const [withBackup, setWithBackup] = useState(true)
  const [phrase, setPhrase] = useState<Phrase | null>(null)
  const make = useAction(async (backup: boolean) => engine.call('devices.recoveryPhrase', { backup }))
  const finishedRef = useRef<HTMLParagraphElement>(null)
  const getButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (step === 'finished') finishedRef.current?.focus()
  }, [step])

  const show = async () => {
    const made = await make.run(withBackup)
    if (!made) return
    setPhrase(made)
    setStep('shown')
  }
  const finish = () => {
    // The words leave memory with the view: Mutual never keeps them.
    setPhrase(null)
    setStep('finished')
    status.reload()
  }

  const has = (status.data?.registered ?? 0) > 0
  return (
    <section aria-labelledby={`${id}-heading`} className="recovery">
      <h3 id={`${id}-heading`}>{s.heading}</h3>
      {step === 'shown' && phrase ? (
        <ShownPhrase phrase={phrase} onFinish={finish} />
      ) : step === 'explain' ? (
        <div className="stack" role="group" aria-labelledby={`${id}-explain`}>
          <h4 id={`${id}-explain`}>{s.explainTitle}</h4>
          <p>{s.brings}</p>
          <p>{s.notBrings}</p>
          <p>{s.once}</p>
          <div className="field">
            <label className="check">
              <input
                type="checkbox"
                checked={withBackup}
                aria-describedby={`${id}-backup-hint`}
                onChange={(e) => setWithBackup(e.target.checked)}
              />
              {s.backup}
            </label>
            <p className="hint" id={`${id}-backup-hint`}>
              {s.backupHint}
            </p>
          </div>
          <ErrorText error={make.error} />
          <div className="actions">
            <Button
              tone="quiet"
              onClick={() => {
                setStep('status')
                requestAnimationFrame(() => getButton.current?.focus())
              }}
            >
              {s.notNow}
            </Button>
            <Button tone="primary" autoFocus disabled={make.pending} onClick={() => void show()}>
              {make.pending ? s.making : s.show}
            </Button>
          </div>
        </div>
      ) : (
        <>
          {step === 'finished' ? (
            <p ref={finishedRef} tabIndex={-1} role="status">
              {s.finished}
            </p>
          ) : null}
          {status.data ? (
            <p>{statusText(status.data)}</p>
          ) : status.error ? (
            <ErrorText error={status.error} />
          ) : (
            <p className="quiet-note">{s.loading}</p>
          )}
          <div>
            <Button ref={getButton} onClick={() => setStep('explain')}>
              {has ? s.getNew : s.get}
            </Button>
          </div>
        </>
      )}
    </section>
  )
}

function ShownPhrase({ phrase, onFinish }: { phrase: Phrase; onFinish: () => void }) {
  const id = useId()
  const s = strings.recovery
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => headingRef.current?.focus(), [])
  // The backup is offered as a file the person saves; the link lives as long as the view.
  useEffect(() => {
    if (!phrase.backup) return
    const made = URL.createObjectURL(new Blob([phrase.backup], { type: 'text/plain' }))
    setUrl(made)
    return () => URL.revokeObjectURL(made)
  }, [phrase.backup])
  return (
    <div className="stack" role="group" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {s.wordsTitle}
      </h4>
      <p>{s.writeDown}</p>
      <PhraseWords phrase={phrase.phrase} label={s.wordsLabel} />
      <p className="hint">{s.registered(phrase.registered)}</p>
      <NotSharedList items={phrase.notRegistered} heading={s.notRegistered} reasons={s.reason} />
      {url ? (
        <div className="stack backup-save">
          <div>
            <a className="button" href={url} download={s.backupFile} aria-describedby={`${id}-backup`}>
              {s.saveBackup}
            </a>
          </div>
          <p className="hint" id={`${id}-backup`}>
            {s.backupSaveHint}
          </p>
        </div>
      ) : null}
      <ClosingAction label={s.written} primary onClick={onFinish} />
    </div>
  )
}
