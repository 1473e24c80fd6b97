// A decision that needs a reason, asked for in a small dialog: flagging a
// post, asking for a review, proposing a removal. It says plainly what will
// happen, and sends nothing until a reason is given.
import { useId, useState } from 'react'
import type { FormEvent, ReactNode } from 'react'
import { useAction } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { Dialog } from './Dialog.js'
import { ErrorText } from './ErrorText.js'
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
  const describedBy = [hint ? `${id}-hint` : '', missing ? `${id}-missing` : ''].filter(Boolean).join(' ')

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
        <div className="field">
          <label htmlFor={`${id}-reason`}>{label}</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            maxLength={maxLength}
            value={reason}
            autoFocus
            aria-describedby={describedBy || undefined}
            aria-invalid={missing ? true : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {hint ? (
            <p className="hint" id={`${id}-hint`}>
              {hint}
            </p>
          ) : null}
          {missing ? (
            <p className="field-error" id={`${id}-missing`}>
              {strings.reasonDialog.needed}
            </p>
          ) : null}
        </div>
        <ErrorText error={send.error} />
        <div className="actions">
          <button type="button" className="button quiet" onClick={onClose}>
            {strings.reasonDialog.cancel}
          </button>
          <button
            type="submit"
            className={`button ${danger ? 'danger-solid' : 'primary'}`}
            disabled={send.pending}
          >
            {submit}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
