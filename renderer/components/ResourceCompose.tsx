// Adding a community resource: what kind, its name, how to reach it, and a
// few words about it. It is a post in #resources, so members can flag and
// collapse it by the same consent as any post.
import { useId, useState } from 'react'
import { RESOURCE_KINDS, RESOURCES_TOPIC } from '../../core/domain/reaching.js'
import type { ResourceKind } from '../../core/domain/reaching.js'
import { LIMITS } from '../../core/domain/limits.js'
import { useAction, useEngine } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { ErrorText } from './ErrorText.js'
import './Compose.css'
import './ResourceCompose.css'

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
        <button type="button" className="button primary" disabled={disabled} onClick={() => setOpen(true)}>
          {s.add}
        </button>
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
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          setOpen(false)
        }
      }}
    >
      <h3 id={`${id}-title`} className="compose-label">
        {s.add}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{s.kind}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ResourceKind)}>
          {RESOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {s.kinds[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{s.name}</label>
        <input
          id={`${id}-name`}
          type="text"
          autoFocus
          maxLength={LIMITS.resourceName}
          value={name}
          aria-invalid={nameMissing ? true : undefined}
          aria-describedby={nameMissing ? `${id}-name-error` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {nameMissing ? (
          <p className="field-error" id={`${id}-name-error`}>
            {s.nameNeeded}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-contact`}>{s.contact}</label>
        <input
          id={`${id}-contact`}
          type="text"
          maxLength={LIMITS.resourceContact}
          value={contact}
          aria-describedby={`${id}-contact-hint`}
          onChange={(e) => setContact(e.target.value)}
        />
        <p className="hint" id={`${id}-contact-hint`}>
          {s.contactHint}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{s.description}</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          value={text}
          aria-invalid={textMissing ? true : undefined}
          aria-describedby={textMissing ? `${id}-text-error` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {textMissing ? (
          <p className="field-error" id={`${id}-text-error`}>
            {s.descriptionNeeded}
          </p>
        ) : null}
      </div>
      <ErrorText error={send.error} />
      <div className="actions">
        <button type="button" className="button quiet" onClick={() => setOpen(false)}>
          {s.cancel}
        </button>
        <button type="submit" className="button primary" disabled={send.pending}>
          {send.pending ? s.sending : s.submit}
        </button>
      </div>
    </form>
  )
}
