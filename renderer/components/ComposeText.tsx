// What writing a post and writing privately share: the text box that sends
// on Ctrl+Enter (or Cmd+Enter), says so in a hint it is described by, and
// says when it was sent empty; and the row with that hint and Send.
import { useState } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'
import { FieldError } from './HintedField.js'

/** The text being written, and whether it was last sent empty (which says so until it is sent again). */
export function useDraft() {
  const [text, setText] = useState('')
  const [empty, setEmpty] = useState(false)
  /** Whether there is something to send; marks the draft empty when there is not. */
  const ready = () => {
    const has = text.trim() !== ''
    setEmpty(!has)
    return has
  }
  /**
   * Empties the box as `send` takes what was written, so the next can be begun at once; if it could
   * not go, the words come back, unless something new has been begun in their place.
   */
  const sending = async (send: (text: string) => Promise<unknown>) => {
    const sent = text
    setText('')
    if (!(await send(sent))) setText((now) => (now === '' ? sent : now))
  }
  return { text, setText, empty, ready, sending }
}

export function ComposeText({
  id,
  label,
  rows,
  maxLength,
  value,
  placeholder,
  disabled,
  empty,
  emptyText,
  onChange,
  onSend
}: {
  /** The form's id, which names the text, the hint and the error. */
  id: string
  label: string
  rows: number
  maxLength?: number
  value: string
  placeholder: string
  disabled?: boolean
  /** It was sent with nothing written. */
  empty: boolean
  emptyText: string
  onChange: (text: string) => void
  onSend: () => void
}) {
  const keys = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      onSend()
    }
  }
  return (
    <>
      <label htmlFor={`${id}-text`} className="compose-label">
        {label}
      </label>
      <textarea
        id={`${id}-text`}
        rows={rows}
        maxLength={maxLength}
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        aria-describedby={`${id}-shortcut${empty ? ` ${id}-empty` : ''}`}
        aria-invalid={empty ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={keys}
      />
      <FieldError id={`${id}-empty`} error={empty ? emptyText : null} />
    </>
  )
}

/** The shortcut's hint and the Send button, after whatever else the row holds. */
export function ComposeSendRow({
  id,
  shortcut,
  sendLabel,
  disabled,
  children
}: {
  id: string
  shortcut: string
  sendLabel: string
  disabled: boolean
  children?: ReactNode
}) {
  return (
    <div className="compose-row">
      {children}
      <span className="hint" id={`${id}-shortcut`}>
        {shortcut}
      </span>
      <button type="submit" className="button primary" disabled={disabled}>
        {sendLabel}
      </button>
    </div>
  )
}
