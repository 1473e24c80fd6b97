// How you are here: open to listen, would like to talk, resting, or nothing
// said; a short note; for listeners, how many conversations at once. And
// whether connected members see that you are around now.
import { useEffect, useId, useState } from 'react'
import { AVAILABILITY_KINDS } from '../../../core/domain/reaching.js'
import type { AvailabilityKind, AvailabilityState } from '../../../core/domain/reaching.js'
import { LIMITS } from '../../../core/domain/limits.js'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ErrorText } from '../ErrorText.js'
import { PageSection } from '../Page.js'
import { TextField } from '../HintedField.js'
import { SettingToggle } from '../SettingToggle.js'
import { useCommunityLive } from '../useCommunityLive.js'
import { FormActions } from '../FormActions.js'
import './AvailabilityForm.css'

export function AvailabilityForm({ communityId, canAct }: { communityId: string; canAct: boolean }) {
  const engine = useEngine()
  const state = useCommunityLive(communityId, () => engine.call('availability.get', { communityId }))
  const s = strings.availability
  return (
    <PageSection title={s.title} className="availability">
      <p className="hint">{s.intro}</p>
      <ErrorText error={state.error} />
      {state.data ? (
        <>
          <StatusForm communityId={communityId} state={state.data} canAct={canAct} />
          <PresenceToggle communityId={communityId} visible={state.data.presence} onSet={state.reload} />
        </>
      ) : null}
    </PageSection>
  )
}

function StatusForm({
  communityId,
  state,
  canAct
}: {
  communityId: string
  state: AvailabilityState
  canAct: boolean
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.availability
  const [kind, setKind] = useState<AvailabilityKind | null>(state.mine?.kind ?? null)
  const [note, setNote] = useState(state.mine?.note ?? '')
  const [limit, setLimit] = useState(state.mine?.limit?.toString() ?? '')
  const [saved, setSaved] = useState(false)
  const { mine } = state
  // What others see changed (on another device, say): show it.
  useEffect(() => {
    setKind(mine?.kind ?? null)
    setNote(mine?.note ?? '')
    setLimit(mine?.limit?.toString() ?? '')
  }, [mine?.kind, mine?.note, mine?.limit])
  const save = useAction(async () => {
    const n = Number.parseInt(limit, 10)
    return engine.call('availability.set', {
      communityId,
      kind,
      note: kind === null ? undefined : note,
      limit: kind === 'open' && Number.isInteger(n) && n > 0 ? n : null
    })
  })
  return (
    <form
      className="stack"
      onSubmit={async (event) => {
        event.preventDefault()
        setSaved(false)
        if (await save.run()) setSaved(true)
      }}
    >
      <fieldset className="availability-kinds">
        <legend>{s.legend}</legend>
        {[...AVAILABILITY_KINDS, null].map((k) => (
          <label key={k ?? 'none'} className={`choice-chip availability-${k ?? 'none'}`}>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === k}
              disabled={!canAct}
              onChange={() => {
                setSaved(false)
                setKind(k)
              }}
            />
            {k === null ? s.none : s.kinds[k].label}
          </label>
        ))}
      </fieldset>
      {kind !== null ? (
        <TextField
          id={`${id}-note`}
          label={s.note}
          hint={s.noteHint}
          maxLength={LIMITS.availabilityNote}
          value={note}
          disabled={!canAct}
          onChange={(text) => {
            setSaved(false)
            setNote(text)
          }}
        />
      ) : null}
      {kind === 'open' ? (
        <TextField
          id={`${id}-limit`}
          label={s.limit}
          hint={`${s.limitHint} ${s.openNow(state.openConversations)}`}
          type="number"
          min={1}
          max={LIMITS.conversationLimit}
          value={limit}
          disabled={!canAct}
          onChange={(text) => {
            setSaved(false)
            setLimit(text)
          }}
        />
      ) : null}
      <FormActions
        error={save.error}
        status={
          <span role="status" className="saved">
            {saved ? s.saved : ''}
          </span>
        }
        submitLabel={s.save}
        disabled={!canAct || save.pending}
      />
    </form>
  )
}

function PresenceToggle({
  communityId,
  visible,
  onSet
}: {
  communityId: string
  visible: boolean
  onSet: () => void
}) {
  const engine = useEngine()
  const set = useAction(async (on: boolean) => {
    await engine.call('presence.set', { communityId, visible: on })
    onSet()
  })
  return (
    <SettingToggle
      className="presence"
      label={strings.availability.presence}
      hint={strings.availability.presenceHint}
      checked={visible}
      pending={set.pending}
      error={set.error}
      onChange={(on) => void set.run(on)}
    />
  )
}
