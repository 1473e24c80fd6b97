// How you appear in one community: a name, and a colour if you like.
import { useId } from 'react'
import { strings } from '../strings/index.js'
import { Avatar } from './Avatar.js'
import { FieldError } from './HintedField.js'
import './Appearance.css'

const COLOURS = Object.keys(strings.appearance.colours)

export interface AppearanceValue {
  name: string
  color: string | null
}

export function AppearanceFields({
  value,
  onChange,
  error,
  legend = strings.appearance.legend
}: {
  value: AppearanceValue
  onChange: (value: AppearanceValue) => void
  error?: string | null
  legend?: string
}) {
  const id = useId()
  const s = strings.appearance
  return (
    <fieldset className="appearance">
      <legend>{legend}</legend>
      <p className="hint" id={`${id}-hint`}>
        {s.hint}
      </p>
      <div className="appearance-row">
        <Avatar name={value.name || '?'} color={value.color} />
        <div className="field grow">
          <label htmlFor={`${id}-name`}>{s.name}</label>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="nickname"
            maxLength={60}
            value={value.name}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange({ ...value, name: e.target.value })}
          />
          <FieldError id={`${id}-error`} error={error} />
        </div>
      </div>
      <fieldset className="swatches">
        <legend>{s.colour}</legend>
        <label className="swatch swatch-none">
          <input
            type="radio"
            name={`${id}-colour`}
            checked={value.color === null}
            onChange={() => onChange({ ...value, color: null })}
          />
          <span className="swatch-chip" aria-hidden="true" />
          <span className="swatch-name">{s.noColour}</span>
        </label>
        {COLOURS.map((colour) => (
          <label className="swatch" key={colour}>
            <input
              type="radio"
              name={`${id}-colour`}
              checked={value.color === colour}
              onChange={() => onChange({ ...value, color: colour })}
            />
            <span className="swatch-chip" style={{ backgroundColor: colour }} aria-hidden="true" />
            <span className="swatch-name">{s.colours[colour]}</span>
          </label>
        ))}
      </fieldset>
    </fieldset>
  )
}
