// Asking in place, before something that cannot be undone happens to a
// device (removing it, wiping this one). Yes comes first but No has focus,
// so a stray Enter keeps everything as it is.
import type { RpcError } from '../../../core/rpc/client.js'
import { ErrorText } from '../ErrorText.js'
import { Button } from '../Button.js'

export function InlineConfirm({
  id,
  className,
  title,
  body,
  yesLabel,
  noLabel,
  pending,
  error,
  onYes,
  onNo
}: {
  /** The question's id, which names the group. */
  id: string
  className: string
  title: string
  body: string
  yesLabel: string
  noLabel: string
  pending: boolean
  error: RpcError | null
  onYes: () => void
  onNo: () => void
}) {
  return (
    <div className={className} role="group" aria-labelledby={id}>
      <p id={id}>
        <strong>{title}</strong> {body}
      </p>
      <ErrorText error={error} />
      <div className="actions">
        <Button tone="danger-solid" disabled={pending} onClick={onYes}>
          {yesLabel}
        </Button>
        <Button autoFocus onClick={onNo}>
          {noLabel}
        </Button>
      </div>
    </div>
  )
}
