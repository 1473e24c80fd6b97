// "Check on me": a private request to the members you choose. Nothing else
// happens, and the dialog says so.
import { useId, useState } from 'react'
import { LIMITS } from '../../../core/domain/limits.js'
import type { Member } from '../../../core/domain/types.js'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { Dialog } from '../Dialog.js'
import { FieldError, TextField } from '../HintedField.js'
import { MemberChoice } from './MemberChoice.js'
import { useChosenMembers } from './useChosenMembers.js'
import { FormActions } from '../FormActions.js'

export function CheckOnMeDialog({
  communityId,
  members,
  initial = [],
  onClose
}: {
  communityId: string
  members: readonly Member[]
  /** Members already chosen, e.g. the one you are talking with. */
  initial?: readonly string[]
  onClose: (sent: boolean) => void
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.checkOnMe
  const [note, setNote] = useState('')
  const { chosen, missing, setMissing, choice } = useChosenMembers(initial, `${id}-missing`)
  const send = useAction(async () =>
    engine.call('checkOnMe.send', {
      communityId,
      to: chosen,
      ...(note.trim() ? { note: note.trim() } : {})
    })
  )
  return (
    <Dialog title={s.title} onClose={() => onClose(false)}>
      <form
        className="stack"
        onSubmit={async (event) => {
          event.preventDefault()
          if (chosen.length === 0) {
            setMissing(true)
            return
          }
          if (await send.run()) onClose(true)
        }}
      >
        <p id={`${id}-intro`}>{s.intro}</p>
        <MemberChoice legend={strings.reaching.chooseMembers} members={members} {...choice} />
        <FieldError id={`${id}-missing`} error={missing ? strings.reaching.chooseNeeded : null} />
        <TextField
          id={`${id}-note`}
          label={s.note}
          hint={s.noteHint}
          maxLength={LIMITS.reachContext}
          value={note}
          onChange={setNote}
        />
        <FormActions
          error={send.error}
          cancel={{ label: s.cancel, onClick: () => onClose(false) }}
          submitLabel={s.send}
          disabled={send.pending}
        />
      </form>
    </Dialog>
  )
}
