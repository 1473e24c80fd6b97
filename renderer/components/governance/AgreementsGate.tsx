// Before a newcomer's first post: the agreements and the confidentiality
// limits, then "I agree". Stands where the compose box will be.
import { useId, useState } from 'react'
import type { Agreements } from '../../../core/domain/types.js'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { AgreementsSections } from './AgreementsText.js'
import { ErrorText } from '../ErrorText.js'
import './AgreementsGate.css'
import { Button } from '../Button.js'

export function AgreementsGate({
  communityId,
  agreements,
  compact = false
}: {
  communityId: string
  agreements: Agreements
  /** Under a thread: one line, opened on request. */
  compact?: boolean
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.agreements
  const [open, setOpen] = useState(!compact)
  const agree = useAction(async () =>
    engine.call('agreements.accept', { communityId, version: agreements.version })
  )
  if (!open)
    return (
      <div className="agreements-gate card card-raised agreements-gate-compact">
        <p>{s.gateCompact}</p>
        <Button onClick={() => setOpen(true)}>{s.gateOpen}</Button>
      </div>
    )
  return (
    <section className="agreements-gate card card-raised" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{s.gateTitle}</h2>
      <p className="hint">{s.gateIntro}</p>
      <div className="agreements-scroll box" role="region" aria-label={s.textLabel} tabIndex={0}>
        <AgreementsSections agreements={agreements} />
      </div>
      <ErrorText error={agree.error} />
      <div className="actions">
        <p className="hint">{s.agreeHint}</p>
        <Button tone="primary" disabled={agree.pending} onClick={() => void agree.run()}>
          {agree.pending ? s.agreeing : s.agree}
        </Button>
      </div>
    </section>
  )
}
