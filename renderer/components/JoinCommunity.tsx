// Joining with an invite key, saying honestly what is happening: looking for
// a member, nobody online yet (still trying), syncing, in.
import { useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import type { JoinProgress } from '../../core/domain/types.js'
import { useAction, useEngine, useEngineEvents } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { AppearanceFields } from './Appearance.js'
import { keepChosenColour } from './chosenColour.js'
import { AttemptProgress } from './AttemptProgress.js'
import { HintedField } from './HintedField.js'
import { useFocusAfterFailure } from './useFocusAfterFailure.js'
import { useStoppable } from './useStoppable.js'
import type { AppearanceValue } from './Appearance.js'
import { ErrorText } from './ErrorText.js'
import './JoinCommunity.css'
import { Button } from './Button.js'

let joinCounter = 0
const newJoinId = () => `join-${Date.now().toString(36)}-${(joinCounter++).toString(36)}`

function progressText(progress: JoinProgress): string {
  const s = strings.join
  if (progress.stage === 'syncing' && progress.total > 0) return s.syncing(progress.have, progress.total)
  return s.stage[progress.stage]
}

export function JoinCommunity({
  defaultName,
  onJoined,
  onCancel,
  onLink
}: {
  defaultName: string
  onJoined: (id: string) => void
  onCancel?: () => void
  /** A link code was pasted here: go and link with it instead. */
  onLink?: (code: string) => void
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.join
  const [invite, setInvite] = useState('')
  const [me, setMe] = useState<AppearanceValue>({ name: defaultName, color: null })
  const [problems, setProblems] = useState<{ invite?: string; me?: string }>({})
  const [progress, setProgress] = useState<JoinProgress | null>(null)
  const {
    id: joinId,
    stopped,
    setStopped,
    stop
  } = useStoppable((joinId) => engine.call('communities.cancelJoin', { joinId }))

  useEngineEvents((event) => {
    if (event.type === 'join-progress' && event.progress.joinId === joinId.current)
      setProgress(event.progress)
  })

  const join = useAction(async (key: string) => {
    const { id: communityId } = await engine.call('communities.join', {
      invite: key,
      displayName: me.name.trim(),
      joinId: joinId.current ?? undefined
    })
    await keepChosenColour(engine, communityId, me)
    return communityId
  })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const key = invite.trim()
    const found = {
      ...(key ? {} : { invite: s.inviteNeeded }),
      ...(me.name.trim() ? {} : { me: strings.appearance.nameNeeded })
    }
    setProblems(found)
    if (found.invite || found.me) return
    setStopped(false)
    setProgress(null)
    joinId.current = newJoinId()
    const joined = await join.run(key)
    joinId.current = null
    setProgress(null)
    if (joined) onJoined(joined)
  }

  const joining = join.pending
  // The engine says in its message when the key pasted is a code for linking a device.
  const isLinkCode = join.error?.code === 'link-code-not-invite'
  const inviteRef = useRef<HTMLTextAreaElement>(null)
  useFocusAfterFailure(joining, join.error !== null, inviteRef)
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <HintedField id={`${id}-invite`} label={s.invite} hint={s.inviteHint} error={problems.invite}>
        {(control) => (
          <textarea
            {...control}
            ref={inviteRef}
            className="invite-key"
            rows={3}
            spellCheck={false}
            autoFocus
            value={invite}
            disabled={joining}
            onChange={(e) => setInvite(e.target.value)}
          />
        )}
      </HintedField>
      <AppearanceFields value={me} onChange={setMe} error={problems.me ?? null} />
      <AttemptProgress
        pending={joining}
        stage={progress?.stage ?? 'looking-for-member'}
        text={progress ? progressText(progress) : s.stage['looking-for-member']}
        stopped={stopped && join.error?.code === 'closed'}
        stoppedText={s.stopped}
      />
      {isLinkCode ? (
        <div className="error" role="alert">
          <p>{s.isLinkCode}</p>
          {onLink ? (
            <Button small onClick={() => onLink(invite.trim())}>
              {s.linkInstead}
            </Button>
          ) : null}
        </div>
      ) : stopped && join.error?.code === 'closed' ? null : (
        <ErrorText error={join.error} />
      )}
      <div className="actions">
        {joining ? (
          <Button tone="quiet" onClick={stop}>
            {s.cancel}
          </Button>
        ) : onCancel ? (
          <Button tone="quiet" onClick={onCancel}>
            {strings.topics.cancel}
          </Button>
        ) : null}
        <button type="submit" className="button primary" disabled={joining}>
          {s.submit}
        </button>
      </div>
    </form>
  )
}
