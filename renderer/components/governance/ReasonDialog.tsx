// A decision that needs a reason, asked for in a small dialog: flagging a
// post, asking for a review, proposing a removal. It says plainly what will
// happen, and sends nothing until a reason is given.
import { useId, useState } from 'react'
import type { FormEvent, ReactNode } from 'react'
import { useAction } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { Dialog } from '../Dialog.js'
import { HintedField } from '../HintedField.js'
import { FormActions } from '../FormActions.js'
import './ReasonDialog.css'

export function ReasonDialog({
  title,
  intro,
  label,
  hint,
  submit,
  maxLength,
  danger = false,
  onSubmit,
  onClose
}: {
  title: string
  intro: ReactNode
  label: string
  hint?: string
  submit: string
  maxLength: number
  danger?: boolean
  /** Sends the decision; the dialog closes once it has gone. */
  onSubmit: (reason: string) => Promise<unknown>
  onClose: () => void
}) {
  const id = useId()
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const send = useAction(onSubmit)

  const onSend = async (event: FormEvent) => {
    event.preventDefault()
    if (send.pending) return
    if (!reason.trim()) {
      setMissing(true)
      return
    }
    setMissing(false)
    if ((await send.run(reason.trim())) !== undefined) onClose()
  }

  return (
    <Dialog title={title} onClose={onClose} className="reason-dialog">
      <div className="dialog-intro">{intro}</div>
      <form className="stack" onSubmit={onSend} noValidate>
        <HintedField
          id={`${id}-reason`}
          label={label}
          hint={hint}
          error={missing ? strings.reasonDialog.needed : null}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={maxLength}
              value={reason}
              autoFocus
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </HintedField>
        <FormActions
          error={send.error}
          cancel={{ label: strings.reasonDialog.cancel, onClick: onClose }}
          submitLabel={submit}
          submitClassName={`button ${danger ? 'danger-solid' : 'primary'}`}
          disabled={send.pending}
        />
      </form>
    </Dialog>
  )
}
