// Your part in an open proposal: consent, consent with a concern, or object
// (the last two with words everyone will read), or take your response back.
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { LIMITS } from '../../../core/domain/limits.js'
import type { Proposal } from '../../../core/domain/types.js'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ErrorText } from '../ErrorText.js'
import { FormActions } from '../FormActions.js'
import { closeOnEscape } from '../closeOnEscape.js'
import { FieldError } from '../HintedField.js'
import './RespondControls.css'
import { Button } from '../Button.js'

export function RespondControls({ proposal, communityId }: { proposal: Proposal; communityId: string }) {
  const engine = useEngine()
  const id = useId()
  const s = strings.proposals
  const [writing, setWriting] = useState<'concern' | 'object' | null>(null)
  const [note, setNote] = useState('')
  const [missing, setMissing] = useState(false)
  const proposalId = proposal.id
  const respond = useAction(async (stance: 'consent' | 'concern' | 'object', text?: string) =>
    engine.call('proposals.respond', { communityId, proposalId, stance, ...(text ? { note: text } : {}) })
  )
  const unrespond = useAction(async () =>
    engine.call('proposals.withdrawResponse', { communityId, proposalId })
  )

  const send = async (event: FormEvent) => {
    event.preventDefault()
    if (!writing || respond.pending) return
    if (!note.trim()) {
      setMissing(true)
      return
    }
    setMissing(false)
    if (await respond.run(writing, note.trim())) {
      setWriting(null)
      setNote('')
    }
  }

  return (
    <div className="respond" role="group" aria-labelledby={`${id}-legend`}>
      <p id={`${id}-legend`} className="respond-legend">
        {proposal.myStance ? s.yourStance[proposal.myStance] : s.respondLegend}
      </p>
      {writing ? (
        <form className="stack respond-note" onSubmit={send} noValidate>
          <div className="field">
            <label htmlFor={`${id}-note`}>{s.noteLabel[writing]}</label>
            <textarea
              id={`${id}-note`}
              rows={2}
              maxLength={LIMITS.reason}
              value={note}
              autoFocus
              aria-invalid={missing ? true : undefined}
              aria-describedby={missing ? `${id}-missing` : undefined}
              onChange={(e) => setNote(e.target.value)}
              onKeyDown={closeOnEscape(() => setWriting(null))}
            />
            <FieldError id={`${id}-missing`} error={missing ? s.noteNeeded[writing] : null} />
          </div>
          <FormActions
            cancel={{ label: s.cancel, onClick: () => setWriting(null) }}
            submitLabel={s.send}
            disabled={respond.pending}
          />
        </form>
      ) : (
        <div className="respond-buttons">
          <Button
            tone="primary"
            aria-pressed={proposal.myStance === 'consent'}
            disabled={respond.pending}
            onClick={() => void respond.run('consent')}
          >
            {s.stances.consent}
          </Button>
          {(['concern', 'object'] as const).map((stance) => (
            <Button
              key={stance}
              aria-pressed={proposal.myStance === stance}
              onClick={() => {
                setMissing(false)
                setWriting(stance)
              }}
            >
              {s.stances[stance]}…
            </Button>
          ))}
          {proposal.myStance ? (
            <Button tone="link" disabled={unrespond.pending} onClick={() => void unrespond.run()}>
              {s.withdrawResponse}
            </Button>
          ) : null}
        </div>
      )}
      <ErrorText error={respond.error ?? unrespond.error} />
    </div>
  )
}
