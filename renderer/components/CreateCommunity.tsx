// Starting a community: its name, how you appear in it, and the agreements
// it starts with (a template you can edit).
import { useId, useState } from 'react'
import { LIMITS } from '../../core/domain/limits.js'
import type { FormEvent } from 'react'
import { useAction, useEngine } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { AppearanceFields } from './Appearance.js'
import { keepChosenColour } from './chosenColour.js'
import type { AppearanceValue } from './Appearance.js'
import { TextField } from './HintedField.js'
import { FormActions } from './FormActions.js'
import './CreateCommunity.css'

export function CreateCommunity({
  defaultName,
  onCreated,
  onCancel
}: {
  defaultName: string
  onCreated: (id: string) => void
  onCancel?: () => void
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.create
  const [name, setName] = useState('')
  const [me, setMe] = useState<AppearanceValue>({ name: defaultName, color: null })
  const [agreements, setAgreements] = useState({
    text: s.templateAgreements,
    confidentiality: s.templateConfidentiality
  })
  const [agreementsOpen, setAgreementsOpen] = useState(false)
  const [problems, setProblems] = useState<{ name?: string; me?: string; agreements?: string }>({})
  const create = useAction(async () => {
    const { id: communityId } = await engine.call('communities.create', {
      name: name.trim(),
      displayName: me.name.trim(),
      agreements
    })
    await keepChosenColour(engine, communityId, me)
    return communityId
  })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const found = {
      ...(name.trim() ? {} : { name: s.nameNeeded }),
      ...(me.name.trim() ? {} : { me: strings.appearance.nameNeeded }),
      ...(agreements.text.trim() && agreements.confidentiality.trim()
        ? {}
        : { agreements: s.agreementsNeeded })
    }
    setProblems(found)
    if (found.agreements) setAgreementsOpen(true)
    if (found.name || found.me || found.agreements) return
    const created = await create.run()
    if (created) onCreated(created)
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <TextField
        id={`${id}-name`}
        label={s.name}
        hint={s.nameHint}
        error={problems.name}
        maxLength={80}
        value={name}
        autoFocus
        onChange={setName}
      />
      <AppearanceFields value={me} onChange={setMe} error={problems.me ?? null} />
      <details
        className="create-agreements"
        open={agreementsOpen}
        onToggle={(e) => setAgreementsOpen(e.currentTarget.open)}
      >
        <summary>{s.agreements}</summary>
        <div className="stack">
          <p className="hint">{s.agreementsHint}</p>
          {(['text', 'confidentiality'] as const).map((key) => (
            <div className="field" key={key}>
              <label htmlFor={`${id}-${key}`}>
                {key === 'text' ? s.agreementsText : s.confidentialityText}
              </label>
              <textarea
                id={`${id}-${key}`}
                rows={key === 'text' ? 12 : 6}
                maxLength={LIMITS.agreementsText}
                value={agreements[key]}
                aria-invalid={problems.agreements && !agreements[key].trim() ? true : undefined}
                onChange={(e) => setAgreements({ ...agreements, [key]: e.target.value })}
              />
            </div>
          ))}
          {problems.agreements ? <p className="field-error">{problems.agreements}</p> : null}
        </div>
      </details>
      <FormActions
        error={create.error}
        cancel={onCancel ? { label: strings.topics.cancel, onClick: onCancel } : undefined}
        submitLabel={create.pending ? s.working : s.submit}
        disabled={create.pending}
      />
    </form>
  )
}
