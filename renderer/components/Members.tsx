// Who is in the community: who is around now and who is open to listen, then
// everyone (writing privately, muting, or proposing a removal, from each row),
// invites waiting for a second member, how you appear here, and whether this
// device notifies you about it.
import { useEffect, useId, useState } from 'react'
import type { CommunitySummary, Member } from '../../core/domain/types.js'
import { useAction, useEngine } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { AppearanceFields } from './Appearance.js'
import type { AppearanceValue } from './Appearance.js'
import { SettingToggle } from './SettingToggle.js'
import { MemberRow } from './MemberRow.js'
import { WhoIsHere } from './reaching/WhoIsHere.js'
import { PendingInvites } from './governance/PendingInvites.js'
import { FormActions } from './FormActions.js'
import './Members.css'
import { Button } from './Button.js'

export function Members({
  community,
  members,
  onClose,
  id,
  canAct,
  onProposeRemoval,
  onWritePrivately
}: {
  community: CommunitySummary
  members: readonly Member[]
  onClose: () => void
  id: string
  /** You can write here and have agreed: removals and seconding are yours to offer. */
  canAct: boolean
  onProposeRemoval?: (member: Member) => void
  /** Opens your private conversation with them. */
  onWritePrivately?: (member: Member) => void
}) {
  const s = strings.members
  const titleId = useId()
  const me = members.find((m) => m.isMe)
  return (
    <aside className="members" id={id} aria-labelledby={titleId}>
      <div className="panel-bar">
        <h2 id={titleId}>{s.title}</h2>
        <Button tone="quiet" small onClick={onClose}>
          {s.close}
        </Button>
      </div>
      <WhoIsHere members={members} />
      <ul className="member-list plain-list">
        {members.map((m) => (
          <MemberRow
            key={m.id}
            member={m}
            communityId={community.id}
            canAct={canAct}
            onProposeRemoval={onProposeRemoval}
            onWritePrivately={onWritePrivately}
          />
        ))}
      </ul>
      {canAct ? <PendingInvites communityId={community.id} /> : null}
      {me && community.writable ? <MyProfile communityId={community.id} me={me} /> : null}
      <Notifications community={community} />
    </aside>
  )
}

function MyProfile({ communityId, me }: { communityId: string; me: Member }) {
  const engine = useEngine()
  const [value, setValue] = useState<AppearanceValue>({ name: me.name, color: me.color })
  const [saved, setSaved] = useState(false)
  useEffect(() => setValue({ name: me.name, color: me.color }), [me.name, me.color])
  const save = useAction(async () =>
    engine.call('profile.set', { communityId, displayName: value.name.trim(), color: value.color })
  )
  return (
    <form
      className="stack my-profile"
      onSubmit={async (event) => {
        event.preventDefault()
        setSaved(false)
        if (!value.name.trim()) return
        if (await save.run()) setSaved(true)
      }}
    >
      <AppearanceFields
        value={value}
        onChange={(v) => {
          setSaved(false)
          setValue(v)
        }}
        legend={strings.members.yourProfile}
        error={value.name.trim() ? null : strings.appearance.nameNeeded}
      />
      <FormActions
        error={save.error}
        status={
          <span role="status" className="saved">
            {saved ? strings.members.saved : ''}
          </span>
        }
        submitLabel={strings.members.save}
        disabled={save.pending || !value.name.trim()}
      />
    </form>
  )
}

function Notifications({ community }: { community: CommunitySummary }) {
  const engine = useEngine()
  const set = useAction(async (enabled: boolean) =>
    engine.call('communities.setNotifications', { communityId: community.id, enabled })
  )
  return (
    <SettingToggle
      className="notifications"
      label={strings.members.notifications}
      hint={strings.members.notificationsHint}
      checked={community.notifications}
      pending={set.pending}
      error={set.error}
      onChange={(on) => void set.run(on)}
    />
  )
}
