// On a new device: entering the code another device of mine shows, and a
// name for this one, then following along (looking, waiting for my yes over
// there, bringing the communities here) until this device is me too.
import { useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import type { LinkResult } from '../../../core/domain/types.js'
import { useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { AttemptProgress } from '../AttemptProgress.js'
import { HintedField } from '../HintedField.js'
import { LinkedResult } from './LinkedResult.js'
import { AttemptActions, DeviceNameField } from './linking.js'
import { useLinkAttempt } from './useLinkAttempt.js'

export function LinkToOther({
  initialCode = '',
  onDone,
  onCancel
}: {
  initialCode?: string
  onDone: (communityId: string | null) => void
  onCancel: () => void
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.linkToOther
  const [code, setCode] = useState(initialCode)
  const [name, setName] = useState('')
  const [problems, setProblems] = useState<{ code?: string; name?: string }>({})
  const [result, setResult] = useState<LinkResult | null>(null)
  const codeRef = useRef<HTMLTextAreaElement>(null)
  const link = useLinkAttempt(
    (linkId: string, given: string, as: string) =>
      engine.call('devices.link', { code: given, name: as, linkId }),
    codeRef
  )

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const given = code.trim()
    const as = name.trim()
    const found = { ...(given ? {} : { code: s.codeNeeded }), ...(as ? {} : { name: s.nameNeeded }) }
    setProblems(found)
    if (found.code || found.name) return
    const linked = await link.run(given, as)
    if (linked) setResult(linked)
  }

  const { stop, stage, cancelled } = link
  // The fields are disabled while linking.
  const linking = link.pending

  if (result)
    return <LinkedResult title={s.doneTitle} result={result} onDone={onDone} onBack={() => setResult(null)} />

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p>{s.intro}</p>
      <HintedField id={`${id}-code`} label={s.code} hint={s.codeHint} error={problems.code}>
        {(control) => (
          <textarea
            {...control}
            ref={codeRef}
            className="invite-key"
            rows={3}
            spellCheck={false}
            autoComplete="off"
            autoFocus
            value={code}
            disabled={linking}
            onChange={(e) => setCode(e.target.value)}
          />
        )}
      </HintedField>
      <DeviceNameField
        id={`${id}-name`}
        value={name}
        disabled={linking}
        error={problems.name}
        onChange={setName}
      />
      <AttemptProgress
        pending={linking}
        stage={stage ?? 'starting'}
        text={stage ? s.stage[stage] : s.starting}
        stopped={cancelled}
        stoppedText={s.stopped}
      />
      <AttemptActions
        pending={linking}
        cancelled={cancelled}
        error={link.error}
        kind="link"
        stopLabel={s.stop}
        submitLabel={s.submit}
        onStop={() => void stop()}
        onCancel={onCancel}
      />
    </form>
  )
}
