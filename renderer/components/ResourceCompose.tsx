// Adding a community resource: what kind, its name, how to reach it, and a
// few words about it. It is a post in #resources, so members can flag and
// collapse it by the same consent as any post.
import { useId, useState } from 'react'
import { RESOURCE_KINDS, RESOURCES_TOPIC } from '../../core/domain/reaching.js'
import type { ResourceKind } from '../../core/domain/reaching.js'
import { LIMITS } from '../../core/domain/limits.js'
import { useAction, useEngine } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { HintedField, TextField } from './HintedField.js'
import { SelectField } from './SelectField.js'
import { FormActions } from './FormActions.js'
import { closeOnEscape } from './closeOnEscape.js'
import './Compose.css'
import './ResourceCompose.css'
import { Button } from './Button.js'

export function ResourceCompose({ communityId, disabled }: { communityId: string; disabled?: boolean }) {
  const engine = useEngine()
  const id = useId()
  const s = strings.resources
  const [open, setOpen] = useState(false)
  const [kind, setKind] = useState<ResourceKind>('warmline')
  const [name, setName] = useState('')
  const [contact, setContact] = useState('')
  const [text, setText] = useState('')
  const [tried, setTried] = useState(false)
  const send = useAction(async () =>
    engine.call('posts.create', {
      communityId,
      topic: RESOURCES_TOPIC,
      text,
      resource: { kind, name: name.trim(), ...(contact.trim() ? { contact: contact.trim() } : {}) }
    })
  )
  if (!open)
    return (
      <div className="resource-add">
        <Button tone="primary" disabled={disabled} onClick={() => setOpen(true)}>
          {s.add}
        </Button>
      </div>
    )
  const nameMissing = tried && !name.trim()
  const textMissing = tried && !text.trim()
  return (
    <form
      className="compose card card-raised stack resource-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={async (event) => {
        event.preventDefault()
        setTried(true)
        if (!name.trim() || !text.trim()) return
        if (await send.run()) {
          setOpen(false)
          setTried(false)
          setName('')
          setContact('')
          setText('')
        }
      }}
      onKeyDown={closeOnEscape(() => setOpen(false))}
    >
      <h3 id={`${id}-title`} className="compose-label">
        {s.add}
      </h3>
      <SelectField
        id={`${id}-kind`}
        label={s.kind}
        value={kind}
        options={RESOURCE_KINDS.map((k) => ({ value: k, label: s.kinds[k] }))}
        onChange={setKind}
      />
      <TextField
        id={`${id}-name`}
        label={s.name}
        error={nameMissing ? s.nameNeeded : null}
        autoFocus
        maxLength={LIMITS.resourceName}
        value={name}
        onChange={setName}
      />
      <TextField
        id={`${id}-contact`}
        label={s.contact}
        hint={s.contactHint}
        maxLength={LIMITS.resourceContact}
        value={contact}
        onChange={setContact}
      />
      <HintedField id={`${id}-text`} label={s.description} error={textMissing ? s.descriptionNeeded : null}>
        {(control) => (
          <textarea {...control} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </HintedField>
      <FormActions
        error={send.error}
        cancel={{ label: s.cancel, onClick: () => setOpen(false) }}
        submitLabel={send.pending ? s.sending : s.submit}
        disabled={send.pending}
      />
    </form>
  )
}
