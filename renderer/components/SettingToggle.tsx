// A switch that takes effect as soon as it is changed (notifications for a
// community, being seen as here), with what it means under it, and the
// engine's answer if it could not be changed.
import { useId } from 'react'
import type { RpcError } from '../../core/rpc/client.js'
import { ErrorText } from './ErrorText.js'

export function SettingToggle({
  className,
  label,
  hint,
  checked,
  pending,
  error,
  onChange
}: {
  className: string
  label: string
  hint: string
  checked: boolean
  pending: boolean
  error: RpcError | null
  onChange: (on: boolean) => void
}) {
  const id = useId()
  return (
    <div className={className}>
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          disabled={pending}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <ErrorText error={error} />
    </div>
  )
}
