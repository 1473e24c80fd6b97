// A private conversation with one member: what was said, a box to write, and
// what you can do here: share your support plan, ask them to check on you,
// or close the conversation (either of you can, and you can come back).
import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { LIMITS } from '../../../core/domain/limits.js'
import type { Member } from '../../../core/domain/types.js'
import type { RpcError } from '../../../core/rpc/client.js'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ComposeSendRow, ComposeText, useDraft } from '../ComposeText.js'
import { ErrorText } from '../ErrorText.js'
import { useNow } from '../useNow.js'
import { CheckOnMeDialog } from './CheckOnMeDialog.js'
import { ConversationLines } from './ConversationLines.js'
import { useCommunityLive } from '../useCommunityLive.js'
import '../Compose.css'
import './ConversationView.css'
import { Button } from '../Button.js'

export function ConversationView({
  communityId,
  memberId,
  members,
  canAct,
  onBack
}: {
  communityId: string
  memberId: string
  members: readonly Member[]
  canAct: boolean
  onBack: () => void
}) {
  const engine = useEngine()
  const id = useId()
  const now = useNow()
  const s = strings.conversation
  const conversation = useCommunityLive(
    communityId,
    () => engine.call('conversations.get', { communityId, memberId }),
    [memberId]
  )
  const plan = useCommunityLive(communityId, () => engine.call('plan.get', {}), [memberId])
  const member = members.find((m) => m.id === memberId)
  const name = conversation.data?.member ?? member?.name ?? ''
  const [checking, setChecking] = useState(false)
  const [told, setTold] = useState<string | null>(null)
  const data = conversation.data

  // Reading it marks it read, up to the newest line.
  const unread = data?.unread ?? 0
  const lastSeq = data?.lastSeq ?? -1
  useEffect(() => {
    if (unread > 0 && lastSeq >= 0)
      engine.call('conversations.markRead', { communityId, memberId, seq: lastSeq }).catch(() => undefined)
  }, [engine, communityId, memberId, unread, lastSeq])

  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [memberId])

  const share = useAction(async () => {
    await engine.call('plan.share', { communityId, memberId })
    plan.reload()
  })
  const close = useAction(async () => engine.call('conversations.close', { communityId, memberId }))
  const planData = plan.data
  const shared =
    planData?.shares.some((x) => x.communityId === communityId && x.memberId === memberId) ?? false
  const muted = member?.muted ?? false
  const writable = canAct && !muted && member?.left !== true

  return (
    <section className="page conversation-page" aria-labelledby={`${id}-title`} id="content" tabIndex={-1}>
      <div className="page-inner">
        <div className="conversation-bar">
          <Button tone="quiet" small onClick={onBack}>
            <span aria-hidden="true">←</span> {s.back}
          </Button>
        </div>
        <div>
          <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
            {s.title(name)}
          </h2>
          <p className="hint">{s.privacy}</p>
        </div>
        <ErrorText error={conversation.error} />
        {data ? <ConversationLines entries={data.entries} name={name} now={now} /> : null}
        {data?.closed ? (
          <p className="conversation-closed">{data.closedByMe ? s.closedByMe : s.closedByThem(name)}</p>
        ) : null}
        {muted ? <p className="hint">{s.muted(name)}</p> : null}
        {writable ? <ConversationCompose communityId={communityId} memberId={memberId} name={name} /> : null}
        {writable ? (
          <div className="conversation-actions">
            {planData && planData.plan.version > 0 ? (
              shared ? (
                <p className="hint">{s.planShared}</p>
              ) : (
                <Button small disabled={share.pending} onClick={() => void share.run()}>
                  {s.sharePlan}
                </Button>
              )
            ) : (
              <p className="hint">{s.noPlan}</p>
            )}
            <Button small onClick={() => setChecking(true)}>
              {s.checkOnMe(name)}
            </Button>
            {data && !data.closed && data.entries.length > 0 ? (
              <Button
                tone="quiet"
                small
                aria-describedby={`${id}-close-hint`}
                disabled={close.pending}
                onClick={() => void close.run()}
              >
                {s.close}
              </Button>
            ) : null}
            <p className="hint" id={`${id}-close-hint`}>
              {s.closeHint}
            </p>
          </div>
        ) : null}
        <PrivateError error={share.error ?? close.error} name={name} />
        <p role="status" className="saved">
          {told ?? ''}
        </p>
      </div>
      {checking ? (
        <CheckOnMeDialog
          communityId={communityId}
          members={members}
          initial={[memberId]}
          onClose={(sent) => {
            setChecking(false)
            if (sent) setTold(strings.checkOnMe.sent)
          }}
        />
      ) : null}
    </section>
  )
}

/** A private line could not go: say why in words about the person, not the machinery. */
function PrivateError({ error, name }: { error: RpcError | null; name: string }) {
  if (error?.code === 'syncing')
    return (
      <p className="error" role="alert">
        {strings.conversation.syncing(name)}
      </p>
    )
  return <ErrorText error={error} />
}

function ConversationCompose({
  communityId,
  memberId,
  name
}: {
  communityId: string
  memberId: string
  name: string
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.conversation
  const { text, setText, empty, ready, sending } = useDraft()
  const send = useAction(async (line: string) =>
    engine.call('conversations.send', { communityId, memberId, text: line })
  )
  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (send.pending) return
    if (!ready()) return
    await sending((line) => send.run(line))
  }
  return (
    <form className="compose card card-raised conversation-compose" onSubmit={submit} noValidate>
      <ComposeText
        id={id}
        label={s.label(name)}
        rows={3}
        maxLength={LIMITS.privateText}
        value={text}
        placeholder={s.placeholder}
        empty={empty}
        emptyText={s.needText}
        onChange={setText}
        onSend={() => void submit()}
      />
      <ComposeSendRow
        id={id}
        shortcut={s.shortcut}
        sendLabel={send.pending ? s.sending : s.send}
        disabled={send.pending}
      />
      <PrivateError error={send.error} name={name} />
    </form>
  )
}
