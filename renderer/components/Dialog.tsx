// A modal dialog on the native <dialog>: the browser traps focus and Escape
// closes it. Focus goes back to where it was when the dialog closes.
import { useId, useLayoutEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import './Dialog.css'

export function Dialog({
  title,
  onClose,
  children,
  className
}: {
  title: string
  onClose: () => void
  children: ReactNode
  className?: string
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  // Read while rendering: by the time effects run, an autoFocus control inside has taken focus.
  const [before] = useState(() => document.activeElement)
  useLayoutEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    // Browsers focus the first control; make sure of it everywhere.
    if (dialog && !dialog.contains(document.activeElement))
      dialog
        .querySelector<HTMLElement>('[autofocus], button, input, select, textarea, [tabindex="0"]')
        ?.focus()
    return () => {
      if (dialog?.open) dialog.close()
      if (before instanceof HTMLElement && before.isConnected) before.focus()
    }
  }, [before])
  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return
        event.preventDefault()
        onClose()
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  )
}
