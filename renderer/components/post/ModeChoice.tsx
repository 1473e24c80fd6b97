// Choosing what kind of replies a post asks for.
import { useId } from 'react'
import { REPLY_MODES } from '../../../core/domain/types.js'
import type { ReplyMode } from '../../../core/domain/types.js'
import { strings } from '../../strings/index.js'
import './ModeChoice.css'

export function ModeChoice({ value, onChange }: { value: ReplyMode; onChange: (mode: ReplyMode) => void }) {
  const name = useId()
  return (
    <fieldset className="modes">
      <legend>{strings.compose.modeLegend}</legend>
      {REPLY_MODES.map((mode) => (
        <label key={mode} className={`mode-option box mode-${mode}`}>
          <input type="radio" name={name} checked={value === mode} onChange={() => onChange(mode)} />
          <span className="mode-option-label">{strings.modes[mode].label}</span>
          <span className="mode-option-hint">{strings.modes[mode].hint}</span>
        </label>
      ))}
    </fieldset>
  )
}
