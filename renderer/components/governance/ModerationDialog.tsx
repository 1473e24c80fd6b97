// The decisions that go to the whole community and so need a reason:
// flagging a post, asking for a review of your collapsed post, proposing
// that a member be removed.
import type { Settings } from '../../../core/domain/governance.js'
import { LIMITS } from '../../../core/domain/limits.js'
import type { Member, Post } from '../../../core/domain/types.js'
import type { Params } from '../../../core/rpc/methods.js'
import { useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ReasonDialog } from './ReasonDialog.js'

export type ModerationRequest =
  { kind: 'flag'; post: Post } | { kind: 'review'; post: Post } | { kind: 'removal'; member: Member }

export function ModerationDialog({
  communityId,
  request,
  settings,
  onClose
}: {
  communityId: string
  request: ModerationRequest
  settings: Settings | undefined
  onClose: () => void
}) {
  const engine = useEngine()
  // A review and a removal are both proposals, asked of the community with the reason given.
  const propose = (change: Params<'proposals.create'>['change']) => (reason: string) =>
    engine.call('proposals.create', { communityId, change, reason })
  if (request.kind === 'flag') {
    const s = strings.flags
    return (
      <ReasonDialog
        title={s.title}
        intro={<p>{s.intro(settings?.flagsToHide ?? 2)}</p>}
        label={s.reason}
        hint={s.reasonHint}
        submit={s.submit}
        maxLength={LIMITS.flagReason}
        onSubmit={(reason) => engine.call('flags.add', { communityId, postId: request.post.id, reason })}
        onClose={onClose}
      />
    )
  }
  if (request.kind === 'review') {
    const s = strings.flags
    return (
      <ReasonDialog
        title={s.reviewTitle}
        intro={<p>{s.reviewIntro}</p>}
        label={s.reviewReason}
        submit={s.reviewSubmit}
        maxLength={LIMITS.reason}
        onSubmit={propose({ kind: 'review', postId: request.post.id })}
        onClose={onClose}
      />
    )
  }
  const s = strings.removal
  const name = request.member.name
  return (
    <ReasonDialog
      title={s.title(name)}
      intro={<p>{s.intro(name)}</p>}
      label={s.reason}
      submit={s.submit}
      maxLength={LIMITS.reason}
      danger
      onSubmit={propose({ kind: 'removal', member: request.member.id })}
      onClose={onClose}
    />
  )
}
