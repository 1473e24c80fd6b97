// This device's own protection: the passphrase, locking, my other devices,
// the recovery phrase, and wiping Mutual from it. Says plainly what each
// protects and what it cannot reach.
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import type { Results } from '../../../core/rpc/methods.js'
import { useAction, useEngine, useLive } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ErrorText } from '../ErrorText.js'
import { InlineConfirm } from './InlineConfirm.js'
import { MyDevices } from './MyDevices.js'
import { RecoveryPhrase } from './RecoveryPhrase.js'
import './DeviceDialog.css'
import { Button } from '../Button.js'

type LockStatus = Results['lock.status']

const IDLE_CHOICES = [0, 1, 5, 15, 60] as const

export function DeviceDialog({ onWiped }: { onWiped: () => void }) {
  const engine = useEngine()
  const status = useLive(
    () => engine.call('lock.status', {}),
    [],
    (e) => e.type === 'lock-changed'
  )
  const s = strings.device
  if (!status.data) return <ErrorText error={status.error} />
  const lock = status.data
  return (
    <div className="stack device">
      <p>
        {
          {
            passphrase: s.protectionPassphrase,
            keychain: s.protectionKeychain,
            none: s.protectionNone
          }[lock.protection]
        }
      </p>
      <PassphraseForm lock={lock} onSaved={status.reload} />
      <LockControls lock={lock} onChanged={status.reload} />
      <MyDevices />
      <RecoveryPhrase />
      <WipeSection onWiped={onWiped} />
    </div>
  )
}

function PassphraseForm({ lock, onSaved }: { lock: LockStatus; onSaved: () => void }) {
  const engine = useEngine()
  const id = useId()
  const s = strings.device
  const has = lock.protection === 'passphrase'
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [mismatch, setMismatch] = useState(false)
  const [saved, setSaved] = useState(false)
  const save = useAction(async (remove: boolean) => {
    if (remove) await engine.call('lock.remove', { current })
    else await engine.call('lock.set', { passphrase: next, ...(has ? { current } : {}) })
    return true
  })
  const submit = async (event: FormEvent, remove = false) => {
    event.preventDefault()
    setSaved(false)
    const differ = !remove && next !== again
    setMismatch(differ)
    if (differ) return
    if (await save.run(remove)) {
      setCurrent('')
      setNext('')
      setAgain('')
      setSaved(true)
      onSaved()
    }
  }
  const field = (key: string, label: string, value: string, set: (v: string) => void, auto: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="password"
        autoComplete={auto}
        value={value}
        aria-describedby={key === 'next' ? `${id}-hint` : undefined}
        onChange={(e) => set(e.target.value)}
      />
    </div>
  )
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{s.passphraseHeading}</h3>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        {has ? field('current', s.current, current, setCurrent, 'current-password') : null}
        {field('next', s.next, next, setNext, 'new-password')}
        <p className="hint" id={`${id}-hint`}>
          {s.passphraseHint}
        </p>
        {field('again', s.again, again, setAgain, 'new-password')}
        {mismatch ? (
          <p className="error" role="alert">
            {s.mismatch}
          </p>
        ) : null}
        <ErrorText error={save.error} />
        {saved ? <p role="status">{s.saved}</p> : null}
        <div className="actions">
          <button type="submit" className="button primary" disabled={save.pending}>
            {has ? s.change : s.set}
          </button>
          {has ? (
            <Button tone="quiet" disabled={save.pending} onClick={(e) => void submit(e, true)}>
              {s.remove}
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  )
}

function LockControls({ lock, onChanged }: { lock: LockStatus; onChanged: () => void }) {
  const engine = useEngine()
  const id = useId()
  const s = strings.device
  const lockNow = useAction(async () => engine.call('lock.lockNow', {}))
  const setIdle = useAction(async (minutes: number) => {
    await engine.call('lock.setIdle', { minutes })
    onChanged()
  })
  const has = lock.protection === 'passphrase'
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{s.lockHeading}</h3>
      {has ? null : <p className="hint">{s.lockNeedsPassphrase}</p>}
      <div className="field">
        <label htmlFor={`${id}-after`}>{s.lockAfter}</label>
        <select
          id={`${id}-after`}
          value={lock.lockAfterMinutes ?? 0}
          disabled={!has || setIdle.pending}
          onChange={(e) => void setIdle.run(Number(e.target.value))}
        >
          {IDLE_CHOICES.map((m) => (
            <option key={m} value={m}>
              {m === 0 ? s.never : s.minutes(m)}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <Button
          disabled={!has || lockNow.pending}
          aria-describedby={`${id}-shortcut`}
          onClick={() => void lockNow.run()}
        >
          {s.lockNow}
        </Button>
        <span className="hint" id={`${id}-shortcut`}>
          {s.shortcut}
        </span>
      </div>
      <ErrorText error={lockNow.error ?? setIdle.error} />
    </section>
  )
}

function WipeSection({ onWiped }: { onWiped: () => void }) {
  const engine = useEngine()
  const id = useId()
  const s = strings.device
  const [asking, setAsking] = useState(false)
  const wipe = useAction(async () => {
    await engine.call('profile.wipe', { confirm: 'wipe this device' })
    return true
  })
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{s.wipeHeading}</h3>
      <p className="hint">{s.wipeHint}</p>
      {asking ? (
        <InlineConfirm
          id={`${id}-confirm`}
          className="stack"
          title={s.wipeConfirmTitle}
          body={s.wipeConfirm}
          yesLabel={s.wipeYes}
          noLabel={s.wipeNo}
          pending={wipe.pending}
          error={wipe.error}
          onYes={() => void wipe.run().then((done) => done && onWiped())}
          onNo={() => setAsking(false)}
        />
      ) : (
        <Button tone="danger" onClick={() => setAsking(true)}>
          {s.wipe}
        </Button>
      )}
    </section>
  )
}
