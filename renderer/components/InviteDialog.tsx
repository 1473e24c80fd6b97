// Making an invite key (how long it lasts, how many people it lets in),
// copying it, and seeing and withdrawing the invites still open. Where the
// community asks for it, a key works once another member has seconded it.
import { useId, useRef, useState } from 'react'
import type { CreatedInvite, InviteInfo } from '../../core/domain/types.js'
import { useAction, useEngine } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { ClosingAction } from './ClosingAction.js'
import { copyText } from './copyText.js'
import { SelectField } from './SelectField.js'
import { Dialog } from './Dialog.js'
import { ErrorText } from './ErrorText.js'
import { SecondInviteButton, useSecondInvite } from './SecondInvite.js'
import { useNow } from './useNow.js'
import { useCommunityLive } from './useCommunityLive.js'
import './InviteDialog.css'
import { Button } from './Button.js'

const USES = [1, 2, 5, 10, 25, 100]

export function isOpen(invite: InviteInfo, now: number): boolean {
  return !invite.revoked && invite.uses < invite.maxUses && invite.expiresAt > now
}

export function InviteDialog({
  communityId,
  communityName,
  secondNeeded = false,
  onClose
}: {
  communityId: string
  communityName: string
  /** The community's settings ask another member to second each invite. */
  secondNeeded?: boolean
  onClose: () => void
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.invite
  const now = useNow()
  const defaultExpiry = s.expiries[2]?.ms ?? 7 * 24 * 60 * 60 * 1000
  const [expiresInMs, setExpiresInMs] = useState(defaultExpiry)
  const [maxUses, setMaxUses] = useState(1)
  const [created, setCreated] = useState<CreatedInvite | null>(null)
  const [copied, setCopied] = useState(false)
  const keyRef = useRef<HTMLTextAreaElement>(null)
  const invites = useCommunityLive(communityId, () => engine.call('invites.list', { communityId }))
  const create = useAction(async () => engine.call('invites.create', { communityId, expiresInMs, maxUses }))
  const revoke = useAction(async (inviteId: string) =>
    engine.call('invites.revoke', { communityId, inviteId })
  )
  const second = useSecondInvite(communityId)

  const copy = async () => {
    if (!created) return
    await copyText(created.invite, keyRef)
    setCopied(true)
  }

  const open = (invites.data ?? []).filter((i) => isOpen(i, now)).sort((a, b) => a.expiresAt - b.expiresAt)
  return (
    <Dialog title={s.title(communityName)} onClose={onClose} className="invite-dialog">
      <p>{s.intro}</p>
      {secondNeeded ? <p className="invite-second-note">{s.secondIntro}</p> : null}
      <form
        className="invite-form"
        onSubmit={async (event) => {
          event.preventDefault()
          setCopied(false)
          const made = await create.run()
          if (made) setCreated(made)
        }}
      >
        <SelectField
          id={`${id}-expiry`}
          label={s.expiry}
          value={expiresInMs}
          options={s.expiries.map((option) => ({ value: option.ms, label: option.label }))}
          onChange={setExpiresInMs}
        />
        <SelectField
          id={`${id}-uses`}
          label={s.uses}
          value={maxUses}
          options={USES.map((n) => ({ value: n, label: s.usesOption(n) }))}
          onChange={setMaxUses}
        />
        <button type="submit" className="button primary" disabled={create.pending}>
          {create.pending ? s.creating : s.create}
        </button>
      </form>
      <ErrorText error={create.error} />
      {created ? (
        <div className="invite-result">
          <label htmlFor={`${id}-key`}>{s.key}</label>
          <textarea
            id={`${id}-key`}
            ref={keyRef}
            className="invite-key"
            readOnly
            rows={3}
            spellCheck={false}
            value={created.invite}
            aria-describedby={`${id}-key-hint`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="actions">
            <p className="hint" id={`${id}-key-hint`}>
              {s.keyHint(strings.time.relative(created.expiresAt, now))}
              {created.awaitingSecond ? ` ${s.awaiting}` : ''}
            </p>
            <Button onClick={() => void copy()}>{copied ? s.copied : s.copy}</Button>
          </div>
          <span className="visually-hidden" role="status">
            {copied ? s.copied : ''}
          </span>
        </div>
      ) : null}
      <section className="open-invites" aria-labelledby={`${id}-open`}>
        <h3 id={`${id}-open`}>{s.open}</h3>
        {open.length === 0 ? (
          <p className="quiet-note">{s.none}</p>
        ) : (
          <ul className="plain-list">
            {open.map((invite) => {
              const expires = strings.time.relative(invite.expiresAt, now)
              return (
                <li key={invite.id} className="invite-row box">
                  <span>
                    {s.row(invite.createdBy, invite.uses, invite.maxUses, expires)}
                    {invite.awaitingSecond
                      ? ` · ${s.rowAwaiting}`
                      : invite.secondedBy
                        ? ` · ${s.rowSeconded(invite.secondedBy)}`
                        : ''}
                  </span>
                  {invite.awaitingSecond && !invite.mine ? (
                    <SecondInviteButton
                      invite={invite}
                      expires={expires}
                      pending={second.pending}
                      onSecond={(inviteId) => void second.run(inviteId)}
                    />
                  ) : null}
                  <Button
                    tone="danger"
                    small
                    aria-label={s.revokeLabel(expires)}
                    disabled={revoke.pending}
                    onClick={() => void revoke.run(invite.id)}
                  >
                    {s.revoke}
                  </Button>
                </li>
              )
            })}
          </ul>
        )}
        <ErrorText error={revoke.error ?? second.error ?? invites.error} />
      </section>
      <ClosingAction label={s.close} onClick={onClose} />
    </Dialog>
  )
}
