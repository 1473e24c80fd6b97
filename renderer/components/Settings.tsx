// How a community works, in plain words, and the fields to propose changing it.
import { useId, useState } from 'react'
import {
  COUNTING_RULES,
  DECISION_RULES,
  FLAGS_TO_HIDE_MAX,
  INVITE_RULES
} from '../../core/domain/governance.js'
import type { Settings } from '../../core/domain/governance.js'
import { REPLY_MODES } from '../../core/domain/types.js'
import { strings } from '../strings/index.js'
import { SelectField } from './SelectField.js'
import './Settings.css'

type Key = keyof Settings
export const SETTING_KEYS: readonly Key[] = [
  'invite',
  'flagsToHide',
  'removal',
  'consent',
  'defaultReplyMode',
  'counting'
]

/** One setting's value in words. */
export function settingWords<K extends Key>(key: K, value: Settings[K]): string {
  const s = strings.settings
  switch (key) {
    case 'invite':
      return s.invites[value as Settings['invite']]
    case 'flagsToHide':
      return s.flags(value as number)
    case 'defaultReplyMode':
      return strings.modes[value as Settings['defaultReplyMode']].label
    case 'counting':
      return s.countings[value as Settings['counting']]
    default:
      return s.rules[value as Settings['consent']]
  }
}

export function SettingsSummary({ settings }: { settings: Settings }) {
  const s = strings.settings
  return (
    <>
      <dl className="settings-summary">
        {SETTING_KEYS.map((key) => (
          <div key={key} className="setting">
            <dt>{s[key]}</dt>
            <dd>
              {settingWords(key, settings[key])}
              {key === 'removal' ? <span className="hint"> {s.removalNote}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="hint">{s.minimum}</p>
    </>
  )
}

export function SettingsFields({
  value,
  onChange
}: {
  value: Settings
  onChange: (value: Settings) => void
}) {
  const id = useId()
  const s = strings.settings
  const set = <K extends Key>(key: K, v: Settings[K]) => onChange({ ...value, [key]: v })
  // The number as typed, so it can be empty for a moment while someone writes a new one.
  const [flags, setFlags] = useState(String(value.flagsToHide))
  return (
    <div className="settings-fields">
      <SelectField
        id={`${id}-invite`}
        label={s.invite}
        value={value.invite}
        options={INVITE_RULES.map((rule) => ({ value: rule, label: s.inviteOptions[rule] }))}
        onChange={(rule) => set('invite', rule)}
      />
      <div className="field">
        <label htmlFor={`${id}-flags`}>{s.flagsToHide}</label>
        <input
          id={`${id}-flags`}
          type="number"
          min={1}
          max={FLAGS_TO_HIDE_MAX}
          value={flags}
          onChange={(e) => {
            setFlags(e.target.value)
            const n = Number(e.target.value)
            if (Number.isInteger(n) && n >= 1 && n <= FLAGS_TO_HIDE_MAX) set('flagsToHide', n)
          }}
          onBlur={() => setFlags(String(value.flagsToHide))}
        />
      </div>
      {(['removal', 'consent'] as const).map((key) => (
        <SelectField
          key={key}
          id={`${id}-${key}`}
          label={s[key]}
          value={value[key]}
          options={DECISION_RULES.map((rule) => ({ value: rule, label: s.ruleOptions[rule] }))}
          onChange={(rule) => set(key, rule)}
        />
      ))}
      <SelectField
        id={`${id}-mode`}
        label={s.defaultReplyMode}
        value={value.defaultReplyMode}
        options={REPLY_MODES.map((mode) => ({ value: mode, label: strings.modes[mode].label }))}
        onChange={(mode) => set('defaultReplyMode', mode)}
      />
      <SelectField
        id={`${id}-counting`}
        label={s.counting}
        value={value.counting}
        options={COUNTING_RULES.map((rule) => ({ value: rule, label: s.countingOptions[rule] }))}
        onChange={(rule) => set('counting', rule)}
      />
    </div>
  )
}

/** Only what differs from `current`. */
export function changedSettings(current: Settings, next: Settings): Partial<Settings> {
  const out: Partial<Settings> = {}
  for (const key of SETTING_KEYS) if (next[key] !== current[key]) Object.assign(out, { [key]: next[key] })
  return out
}
