// A labelled field with a hint under it and, when something is wrong, the
// error: the control is described by both, so a screen reader hears the hint
// and the problem together, and is marked invalid while the error shows.
import type { ReactNode } from 'react'

/** What the control inside a field needs to be tied to its label, hint and error. */
interface FieldControl {
  id: string
  'aria-describedby': string | undefined
  'aria-invalid': true | undefined
}

export function FieldError({ id, error }: { id: string; error: string | null | undefined }) {
  if (!error) return null
  return (
    <p className="field-error" id={id}>
      {error}
    </p>
  )
}

export function HintedField({
  id,
  label,
  hint,
  error,
  children
}: {
  id: string
  label: ReactNode
  hint?: ReactNode
  error?: string | null
  children: (control: FieldControl) => ReactNode
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': error ? true : undefined
      })}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  )
}

/** The usual field: one line of text, or a number, tied to its label, hint and error. */
export function TextField({
  id,
  label,
  hint,
  error,
  type = 'text',
  value,
  onChange,
  ...input
}: {
  id: string
  label: ReactNode
  hint?: ReactNode
  error?: string | null
  type?: 'text' | 'number'
  value: string
  onChange: (value: string) => void
  maxLength?: number
  min?: number
  max?: number
  autoFocus?: boolean
  disabled?: boolean
}) {
  return (
    <HintedField id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <input {...control} {...input} type={type} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </HintedField>
  )
}
