// What a locked Mutual shows: a way to unlock, and nothing else. No names,
// no communities, no previews.
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ErrorText } from '../ErrorText.js'
import './UnlockScreen.css'

export function UnlockScreen() {
  const engine = useEngine()
  const id = useId()
  const s = strings.lock
  const [passphrase, setPassphrase] = useState('')
  const unlock = useAction(async (given: string) => engine.call('lock.unlock', { passphrase: given }))
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!passphrase) return
    const opened = await unlock.run(passphrase)
    // A wrong one is cleared, so the next try starts from an empty field.
    if (!opened) setPassphrase('')
  }
  return (
    <main className="loading locked" id="content">
      <p className="brand">{strings.appName}</p>
      <h1>{s.title}</h1>
      <p>{s.hint}</p>
      <form className="stack unlock-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-passphrase`}>{s.passphrase}</label>
          <input
            id={`${id}-passphrase`}
            type="password"
            autoComplete="current-password"
            autoFocus
            value={passphrase}
            aria-describedby={unlock.error ? `${id}-error` : undefined}
            aria-invalid={unlock.error ? true : undefined}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </div>
        <ErrorText error={unlock.error} id={`${id}-error`} />
        <button type="submit" className="button primary" disabled={unlock.pending}>
          {unlock.pending ? s.checking : s.unlock}
        </button>
      </form>
    </main>
  )
}
