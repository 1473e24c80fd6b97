// What linking and restoring share: ids for their progress, their errors in
// words that fit a device rather than an invite, and what could not come along.
import type { NotShared } from '../../../core/domain/types.js'
import type { RpcError } from '../../../core/rpc/client.js'
import { LIMITS } from '../../../core/domain/limits.js'
import { strings } from '../../strings/index.js'
import { errorMessage } from '../ErrorText.js'
import { TextField } from '../HintedField.js'
import './linking.css'
import { Button } from '../Button.js'

/** The 16 hex characters the engine takes as a link id, so progress events can be told apart. */
export function newLinkId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join(
    ''
  )
}

/** Errors of linking and restoring, in words that fit a device rather than an invite. */
function linkErrorMessage(error: RpcError, kind: 'link' | 'restore'): string {
  const s = strings.linkToOther
  if (error.code === 'offline') return kind === 'link' ? s.offline : strings.restore.offline
  // Online, but nobody who could answer was: that is not the person's connection.
  if (error.code === 'nobody-online') return strings.restore.nobody
  if (kind === 'link') {
    if (error.code === 'invite-not-link-code') return s.isInvite
    if (error.code === 'invite-expired') return s.expired
    if (error.code === 'not-allowed') return s.refused
  }
  // A phrase that does not read (a word misspelt, one missing) is named by the engine: say which.
  if (kind === 'restore' && error.code === 'bad-request') return strings.restore.phraseProblem(error.message)
  return errorMessage(error)
}

export function LinkErrorText({ error, kind }: { error: RpcError | null; kind: 'link' | 'restore' }) {
  if (!error) return null
  return (
    <p className="error" role="alert">
      {linkErrorMessage(error, kind)}
    </p>
  )
}

/** Communities that did not come along, each with why, in words. */
export function NotSharedList({
  items,
  heading,
  reasons
}: {
  items: { name: string; reason: NotShared }[]
  heading: string
  reasons: Record<NotShared, (name: string) => string>
}) {
  if (items.length === 0) return null
  return (
    <div className="not-shared">
      <h4>{heading}</h4>
      <ul>
        {items.map((item, i) => (
          <li key={`${item.name}-${i}`}>{reasons[item.reason](item.name)}</li>
        ))}
      </ul>
    </div>
  )
}

/** What linking and restoring end with: the error, if any, then Stop or Cancel beside the button that starts. */
export function AttemptActions(props: {
  pending: boolean
  cancelled: boolean
  error: RpcError | null
  kind: 'link' | 'restore'
  stopLabel: string
  submitLabel: string
  onStop: () => void
  onCancel: () => void
}) {
  return (
    <>
      {props.cancelled ? null : <LinkErrorText error={props.error} kind={props.kind} />}
      <div className="actions">
        {props.pending ? (
          <Button tone="quiet" onClick={props.onStop}>
            {props.stopLabel}
          </Button>
        ) : (
          <Button tone="quiet" onClick={props.onCancel}>
            {strings.topics.cancel}
          </Button>
        )}
        <button type="submit" className="button primary" disabled={props.pending}>
          {props.submitLabel}
        </button>
      </div>
    </>
  )
}

/** The name this device will go by among my devices, asked for by linking and by restoring alike. */
export function DeviceNameField({
  id,
  value,
  disabled,
  error,
  onChange
}: {
  id: string
  value: string
  disabled: boolean
  error: string | undefined
  onChange: (value: string) => void
}) {
  const s = strings.linkToOther
  return (
    <TextField
      id={id}
      label={s.name}
      hint={s.nameHint}
      error={error}
      value={value}
      maxLength={LIMITS.deviceName}
      disabled={disabled}
      onChange={onChange}
    />
  )
}
