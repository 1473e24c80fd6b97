// On a fresh device: coming back as me from my 24 words, with the encrypted
// backup file if I saved one, and saying plainly what came back.
import { useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import type { RestoreResult } from '../../../core/domain/types.js'
import { useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { AttemptProgress } from '../AttemptProgress.js'
import { HintedField } from '../HintedField.js'
import { LinkedResult } from './LinkedResult.js'
import { AttemptActions, DeviceNameField } from './linking.js'
import { useLinkAttempt } from './useLinkAttempt.js'
import './Restore.css'

const WORDS = 24

export function Restore({
  onDone,
  onCancel
}: {
  onDone: (communityId: string | null) => void
  onCancel: () => void
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.restore
  const [phrase, setPhrase] = useState('')
  const [name, setName] = useState('')
  const [backup, setBackup] = useState<{ name: string; text: string } | null>(null)
  const [unreadable, setUnreadable] = useState(false)
  const [problems, setProblems] = useState<{ phrase?: string; name?: string }>({})
  const [result, setResult] = useState<RestoreResult | null>(null)
  const phraseRef = useRef<HTMLTextAreaElement>(null)
  const restore = useLinkAttempt(
    (linkId: string, words: string, as: string) =>
      engine.call('devices.restore', {
        phrase: words,
        name: as,
        ...(backup ? { backup: backup.text.trim() } : {}),
        linkId
      }),
    phraseRef
  )

  const choose = async (file: File | undefined) => {
    setUnreadable(false)
    setBackup(null)
    if (!file) return
    try {
      setBackup({ name: file.name, text: await file.text() })
    } catch {
      setUnreadable(true)
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const words = phrase.trim().toLowerCase().split(/\s+/).filter(Boolean)
    const as = name.trim()
    const found = {
      ...(words.length === 0
        ? { phrase: s.phraseNeeded }
        : words.length !== WORDS
          ? { phrase: s.wordCount(words.length) }
          : {}),
      ...(as ? {} : { name: strings.linkToOther.nameNeeded })
    }
    setProblems(found)
    if (found.phrase || found.name) return
    const done = await restore.run(words.join(' '), as)
    if (done) setResult(done)
  }

  const { stop, stage, cancelled } = restore
  const working = restore.pending

  if (result)
    return (
      <LinkedResult title={s.doneTitle} result={result} onDone={onDone} onBack={() => setResult(null)}>
        <BackupOutcome result={result} hadBackup={backup !== null} />
      </LinkedResult>
    )

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p>{s.intro}</p>
      <HintedField id={`${id}-phrase`} label={s.phrase} hint={s.phraseHint} error={problems.phrase}>
        {(control) => (
          <textarea
            {...control}
            ref={phraseRef}
            className="phrase-input"
            rows={4}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="none"
            autoFocus
            value={phrase}
            disabled={working}
            onChange={(e) => {
              setPhrase(e.target.value)
              if (problems.phrase) setProblems(({ phrase: _, ...rest }) => rest)
            }}
          />
        )}
      </HintedField>
      <DeviceNameField
        id={`${id}-name`}
        value={name}
        disabled={working}
        error={problems.name}
        onChange={setName}
      />
      <div className="field">
        <label htmlFor={`${id}-backup`}>{s.backup}</label>
        <input
          id={`${id}-backup`}
          type="file"
          accept=".txt,text/plain"
          disabled={working}
          aria-describedby={`${id}-backup-hint`}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <p className="hint" id={`${id}-backup-hint`}>
          {backup ? s.backupChosen(backup.name) : s.backupHint}
        </p>
        {unreadable ? <p className="field-error">{s.backupUnreadable}</p> : null}
      </div>
      <AttemptProgress
        pending={working}
        stage={stage ?? 'looking'}
        text={s.stage[stage ?? 'looking']}
        stopped={cancelled}
        stoppedText={s.stopped}
      />
      <AttemptActions
        pending={working}
        cancelled={cancelled}
        error={restore.error}
        kind="restore"
        stopLabel={s.stop}
        submitLabel={s.submit}
        onStop={() => void stop()}
        onCancel={onCancel}
      />
    </form>
  )
}

function BackupOutcome({ result, hadBackup }: { result: RestoreResult; hadBackup: boolean }) {
  const s = strings.restore
  if (!hadBackup) return <p>{s.noBackup}</p>
  if (result.conversations === 0 && !result.plan) return <p>{s.emptyBackup}</p>
  return (
    <>
      {result.conversations > 0 ? <p>{s.conversations(result.conversations)}</p> : null}
      {result.plan ? <p>{s.plan}</p> : null}
    </>
  )
}
