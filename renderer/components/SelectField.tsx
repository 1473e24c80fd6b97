// A labelled choice of one from a short list (a setting, how long an invite
// lasts, what kind a resource is). The value comes back as the option's own
// value, a number or a word, rather than as the string a <select> holds.
import type { ReactNode } from 'react'

interface SelectOption<V extends string | number> {
  value: V
  label: string
}

export function SelectField<V extends string | number>({
  id,
  label,
  value,
  options,
  onChange
}: {
  id: string
  label: ReactNode
  value: V
  options: readonly SelectOption<V>[]
  onChange: (value: V) => void
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const chosen = options.find((option) => String(option.value) === e.target.value)
          if (chosen) onChange(chosen.value)
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
