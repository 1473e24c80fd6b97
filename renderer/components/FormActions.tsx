// How a form ends: what went wrong, if anything, then Cancel (quiet) beside
// the button that sends, which is disabled while the form is being sent so
// a second press does not send it twice.
import type { ReactNode } from 'react'
import type { RpcError } from '../../core/rpc/client.js'
import { ErrorText } from './ErrorText.js'
import { Button } from './Button.js'

export function FormActions({
  error,
  cancel,
  submitLabel,
  submitClassName = 'button primary',
  disabled,
  status
}: {
  error?: RpcError | null
  /** Absent where the form cannot be left, such as a first start. */
  cancel?: { label: string; onClick: () => void }
  submitLabel: string
  submitClassName?: string
  disabled: boolean
  /** A word that the form was saved, at the start of the row. */
  status?: ReactNode
}) {
  return (
    <>
      {error === undefined ? null : <ErrorText error={error} />}
      <div className="actions">
        {status}
        {cancel ? (
          <Button tone="quiet" onClick={cancel.onClick}>
            {cancel.label}
          </Button>
        ) : null}
        <button type="submit" className={submitClassName} disabled={disabled}>
          {submitLabel}
        </button>
      </div>
    </>
  )
}
