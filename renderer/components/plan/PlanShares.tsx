// Who in this community sees your plan: share it with someone, or stop. The
// words say what stopping can and cannot do: your future edits stop reaching
// them, and what they already saw stays with them.
import { useId, useState } from 'react'
import type { PlanShare } from '../../../core/domain/reaching.js'
import type { Member } from '../../../core/domain/types.js'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ConfirmDialog } from '../ConfirmDialog.js'
import { ErrorText } from '../ErrorText.js'
import { PageSection } from '../Page.js'
import { choosable } from '../reaching/MemberChoice.js'
import './PlanShares.css'
import { Button } from '../Button.js'

export function PlanShares({
  communityId,
  members,
  shares,
  saved,
  canAct,
  onChanged
}: {
  communityId: string
  members: readonly Member[]
  /** Shares in this community. */
  shares: readonly PlanShare[]
  /** The plan has been saved at least once. */
  saved: boolean
  canAct: boolean
  onChanged: () => void
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.plan
  const [revoking, setRevoking] = useState<PlanShare | null>(null)
  const [said, setSaid] = useState('')
  const options = choosable(members).filter((m) => !shares.some((x) => x.memberId === m.id))
  const [choice, setChoice] = useState('')
  const chosen = options.find((m) => m.id === choice) ?? options[0]
  const share = useAction(async (memberId: string) => {
    await engine.call('plan.share', { communityId, memberId })
    onChanged()
  })
  return (
    <PageSection title={s.sharesTitle}>
      {shares.length === 0 ? (
        <p className="hint">{s.sharesNone}</p>
      ) : (
        <ul className="plan-shares plain-list">
          {shares.map((x) => (
            <li key={x.memberId}>
              <span>{s.sharedWith(x.member)}</span>
              {canAct ? (
                <Button small aria-label={s.revokeLabel(x.member)} onClick={() => setRevoking(x)}>
                  {s.revoke}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canAct && options.length > 0 ? (
        <form
          className="plan-share-form"
          onSubmit={async (event) => {
            event.preventDefault()
            if (!chosen) return
            setSaid('')
            await share.run(chosen.id)
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-with`}>{s.shareWith}</label>
            <select
              id={`${id}-with`}
              value={chosen?.id ?? ''}
              disabled={!saved}
              aria-describedby={`${id}-hint`}
              onChange={(e) => setChoice(e.target.value)}
            >
              {options.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={!saved || share.pending}>
            {s.share}
          </button>
          <p className="hint" id={`${id}-hint`}>
            {saved ? s.shareHint : s.saveFirst}
          </p>
        </form>
      ) : null}
      <ErrorText error={share.error} />
      <p role="status" className="saved">
        {said}
      </p>
      {revoking ? (
        <RevokeDialog
          communityId={communityId}
          share={revoking}
          onClose={(done) => {
            setRevoking(null)
            if (done) {
              setSaid(s.revoked(revoking.member))
              onChanged()
            }
          }}
        />
      ) : null}
    </PageSection>
  )
}

function RevokeDialog({
  communityId,
  share,
  onClose
}: {
  communityId: string
  share: PlanShare
  onClose: (revoked: boolean) => void
}) {
  const engine = useEngine()
  const s = strings.plan
  return (
    <ConfirmDialog
      title={s.revokeTitle(share.member)}
      body={s.revokeBody(share.member)}
      cancelLabel={s.cancel}
      confirmLabel={s.revokeConfirm}
      quietCancel
      confirm={() => engine.call('plan.revoke', { communityId, memberId: share.memberId })}
      onClose={onClose}
    />
  )
}
