// One of my devices: its name (renamed in place), where it writes as me, and
// removing it, with a confirmation that says what removing can and cannot do.
import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import type { DeviceInfo } from '../../../core/domain/types.js'
import { LIMITS } from '../../../core/domain/limits.js'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { InlineConfirm } from './InlineConfirm.js'
import { FormActions } from '../FormActions.js'
import { FieldError } from '../HintedField.js'
import './DeviceRow.css'
import { Button } from '../Button.js'

function deviceName(device: DeviceInfo): string {
  return device.name ?? strings.myDevices.unnamed
}

export function DeviceRow({ device, onRemoved }: { device: DeviceInfo; onRemoved: (name: string) => void }) {
  const engine = useEngine()
  const id = useId()
  const s = strings.myDevices
  const name = deviceName(device)
  const [mode, setMode] = useState<'view' | 'rename' | 'remove'>('view')
  const [draft, setDraft] = useState('')
  const [problem, setProblem] = useState(false)
  const renameButton = useRef<HTMLButtonElement>(null)
  const removeButton = useRef<HTMLButtonElement>(null)
  const back = useRef<'rename' | 'remove' | null>(null)

  const rename = useAction(async (next: string) => {
    await engine.call('devices.rename', { id: device.id, name: next })
    return true
  })
  const remove = useAction(async () => {
    await engine.call('devices.revoke', { id: device.id })
    return true
  })

  // Back from renaming or a kept device, focus returns to the button that started it.
  useEffect(() => {
    if (mode !== 'view' || !back.current) return
    ;(back.current === 'rename' ? renameButton : removeButton).current?.focus()
    back.current = null
  }, [mode])
  const close = (from: 'rename' | 'remove') => {
    back.current = from
    rename.clear()
    remove.clear()
    setMode('view')
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const next = draft.trim()
    setProblem(!next)
    if (!next) return
    if (await rename.run(next)) close('rename')
  }

  return (
    <li className={`device-row box${device.revoked ? ' device-revoked' : ''}`}>
      {mode === 'rename' ? (
        <form className="device-rename" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-name`}>{s.nameLabel}</label>
            <input
              id={`${id}-name`}
              type="text"
              autoFocus
              maxLength={LIMITS.deviceName}
              value={draft}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(e) => setDraft(e.target.value)}
            />
            <FieldError id={`${id}-problem`} error={problem ? strings.linkToOther.nameNeeded : null} />
          </div>
          <FormActions
            error={rename.error}
            cancel={{ label: s.cancel, onClick: () => close('rename') }}
            submitLabel={s.save}
            disabled={rename.pending}
          />
        </form>
      ) : (
        <div className="device-main">
          <div className="device-text">
            <span className="device-name">{name}</span>
            {device.thisDevice ? <span className="device-this"> ({s.thisDevice})</span> : null}
            <span className="hint device-where">
              {device.revoked ? s.removed : s.where(device.communities)}
            </span>
          </div>
          {device.revoked ? null : (
            <div className="device-actions">
              <Button
                ref={renameButton}
                small
                aria-label={s.renameLabel(name)}
                onClick={() => {
                  setDraft(device.name ?? '')
                  setProblem(false)
                  setMode('rename')
                }}
              >
                {s.rename}
              </Button>
              {device.thisDevice ? null : (
                <Button
                  ref={removeButton}
                  tone="danger"
                  small
                  aria-label={s.removeLabel(name)}
                  aria-expanded={mode === 'remove'}
                  onClick={() => setMode('remove')}
                >
                  {s.remove}
                </Button>
              )}
            </div>
          )}
        </div>
      )}
      {mode === 'remove' ? (
        <InlineConfirm
          id={`${id}-confirm`}
          className="device-confirm stack"
          title={s.removeTitle(name)}
          body={s.removeBody}
          yesLabel={s.removeYes}
          noLabel={s.removeNo}
          pending={remove.pending}
          error={remove.error}
          onYes={() =>
            void remove.run().then((done) => {
              if (!done) return
              setMode('view')
              onRemoved(name)
            })
          }
          onNo={() => close('remove')}
        />
      ) : null}
    </li>
  )
}
