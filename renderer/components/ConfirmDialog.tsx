// Asking before something that cannot be taken back (deleting a post,
// withdrawing a shared plan): Cancel has focus, so Enter does the safe thing,
// and the dialog stays open with the error if the engine says no.
import { useAction } from '../engine/hooks.js'
import { Dialog } from './Dialog.js'
import { ErrorText } from './ErrorText.js'
import { Button } from './Button.js'

export function ConfirmDialog({
  title,
  body,
  className,
  cancelLabel,
  confirmLabel,
  quietCancel = false,
  confirm,
  onClose
}: {
  title: string
  body: string
  className?: string
  cancelLabel: string
  confirmLabel: string
  /** Cancel as a quiet button rather than a framed one. */
  quietCancel?: boolean
  confirm: () => Promise<unknown>
  /** Told whether it was done. */
  onClose: (done: boolean) => void
}) {
  const action = useAction(confirm)
  return (
    <Dialog title={title} onClose={() => onClose(false)} className={className}>
      <p>{body}</p>
      <ErrorText error={action.error} />
      <div className="actions">
        <button
          type="button"
          className={quietCancel ? 'button quiet' : 'button'}
          autoFocus
          onClick={() => onClose(false)}
        >
          {cancelLabel}
        </button>
        <Button
          tone="danger-solid"
          disabled={action.pending}
          onClick={async () => {
            if (await action.run()) onClose(true)
          }}
        >
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  )
}
