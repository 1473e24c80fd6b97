// "I'd like to talk": an optional line of context, to the whole community or
// only to members you choose (then it goes privately, into your
// conversations with them).
import { useId, useState } from 'react'
import { LIMITS } from '../../../core/domain/limits.js'
import type { Member } from '../../../core/domain/types.js'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { FieldError, TextField } from '../HintedField.js'
import { MemberChoice } from './MemberChoice.js'
import { useChosenMembers } from './useChosenMembers.js'
import { FormActions } from '../FormActions.js'
import { closeOnEscape } from '../closeOnEscape.js'
import './ReachOutForm.css'

export function ReachOutForm({
  communityId,
  members,
  onDone
}: {
  communityId: string
  members: readonly Member[]
  /** Sent (with the names, when it went to chosen members), or cancelled. */
  onDone: (sentTo: string[] | null) => void
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.reaching
  const [context, setContext] = useState('')
  const [who, setWho] = useState<'everyone' | 'chosen'>('everyone')
  const { chosen, missing, setMissing, choice } = useChosenMembers([], `${id}-missing`)
  const send = useAction(async () =>
    engine.call('reachouts.create', {
      communityId,
      ...(context.trim() ? { context: context.trim() } : {}),
      ...(who === 'chosen' ? { to: chosen } : {})
    })
  )
  return (
    <form
      className="stack card reach-form"
      aria-labelledby={`${id}-title`}
      onSubmit={async (event) => {
        event.preventDefault()
        if (who === 'chosen' && chosen.length === 0) {
          setMissing(true)
          return
        }
        if (await send.run())
          onDone(who === 'chosen' ? members.filter((m) => chosen.includes(m.id)).map((m) => m.name) : [])
      }}
      onKeyDown={closeOnEscape(() => onDone(null))}
    >
      <h4 id={`${id}-title`}>{s.talkTitle}</h4>
      <p className="hint">{s.talkIntro}</p>
      <TextField
        id={`${id}-context`}
        label={s.context}
        hint={s.contextHint}
        autoFocus
        maxLength={LIMITS.reachContext}
        value={context}
        onChange={setContext}
      />
      <fieldset className="reach-who">
        <legend>{s.who}</legend>
        <label className="check">
          <input
            type="radio"
            name={`${id}-who`}
            checked={who === 'everyone'}
            onChange={() => setWho('everyone')}
          />
          {s.everyone}
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${id}-who`}
            checked={who === 'chosen'}
            onChange={() => setWho('chosen')}
          />
          {s.chosen}
        </label>
      </fieldset>
      {who === 'chosen' ? <MemberChoice legend={s.chooseMembers} members={members} {...choice} /> : null}
      <FieldError id={`${id}-missing`} error={missing ? s.chooseNeeded : null} />
      <FormActions
        error={send.error}
        cancel={{ label: s.cancel, onClick: () => onDone(null) }}
        submitLabel={send.pending ? s.sending : s.send}
        disabled={send.pending}
      />
    </form>
  )
}
