// A check-in's optional mood: one gentle word, from a few offered or your
// own. A word, never a score.
import { useId } from 'react'
import { MOOD_SUGGESTIONS } from '../../core/domain/reaching.js'
import { LIMITS } from '../../core/domain/limits.js'
import { isWord } from '../../core/domain/stable-text.js'
import { strings } from '../strings/index.js'
import './MoodChoice.css'

/** One word of letters (apostrophes and dashes allowed), exactly as the engine accepts. */
export const isMoodWord = (word: string): boolean => isWord(word, LIMITS.mood)

export interface MoodValue {
  /** A suggestion, 'own' for the member's own word, or null for none. */
  choice: string | null
  own: string
}

export function moodOf(value: MoodValue): string | null {
  if (value.choice === null) return null
  return value.choice === 'own' ? value.own.trim() || null : value.choice
}

export function MoodChoice({
  value,
  onChange,
  invalid
}: {
  value: MoodValue
  onChange: (value: MoodValue) => void
  invalid: boolean
}) {
  const id = useId()
  const s = strings.checkIns
  const options: (string | null)[] = [null, ...MOOD_SUGGESTIONS, 'own']
  return (
    <fieldset className="moods" aria-describedby={`${id}-hint`}>
      <legend>{s.moodLegend}</legend>
      <p className="hint" id={`${id}-hint`}>
        {s.moodHint}
      </p>
      <div className="mood-options">
        {options.map((option) => (
          <label key={option ?? 'none'} className="choice-chip">
            <input
              type="radio"
              name={`${id}-mood`}
              checked={value.choice === option}
              onChange={() => onChange({ ...value, choice: option })}
            />
            {option === null ? s.noMood : option === 'own' ? s.ownWord : option}
          </label>
        ))}
      </div>
      {value.choice === 'own' ? (
        <div className="field">
          <label htmlFor={`${id}-own`}>{s.ownWord}</label>
          <input
            id={`${id}-own`}
            type="text"
            maxLength={LIMITS.mood}
            autoFocus
            value={value.own}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={`${id}-own-hint`}
            onChange={(e) => onChange({ ...value, own: e.target.value })}
          />
          <p className={invalid ? 'field-error' : 'hint'} id={`${id}-own-hint`}>
            {invalid ? s.ownWordInvalid : s.ownWordHint}
          </p>
        </div>
      ) : null}
    </fieldset>
  )
}
