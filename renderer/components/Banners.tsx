// Honest, calm banners above a community: offline or alone, an update
// needed, a device that cannot write yet or was removed from my devices,
// agreements that changed.
import type { CommunitySummary, SyncStatus } from '../../core/domain/types.js'
import { strings } from '../strings/index.js'
import './Banners.css'
import { Button } from './Button.js'

export function Banners({
  community,
  status,
  online,
  peers,
  memberCount,
  removed,
  agreementsChanged,
  onReadAgreements
}: {
  community: CommunitySummary
  status: SyncStatus | undefined
  online: boolean
  peers: number
  /** Members here now. */
  memberCount: number
  /** The community removed you: its own notice says so, and writing is not "not yet". */
  removed: boolean
  /** The agreements have a newer version than the one you agreed to. */
  agreementsChanged: boolean
  onReadAgreements: () => void
}) {
  const b = strings.banners
  const messages: { key: string; text: string }[] = []
  if (!online) messages.push({ key: 'offline', text: b.offline })
  else if (peers === 0 && memberCount > 1 && !removed) messages.push({ key: 'alone', text: b.alone })
  if (community.refoundedAs) messages.push({ key: 'refounded', text: b.refounded })
  // Joined, but the name asked for was another member's: the engine kept none rather than share it.
  else if (community.writable && !removed && community.myName === '')
    messages.push({ key: 'no-name', text: b.noName })
  if (status?.revoked) messages.push({ key: 'revoked', text: b.revoked })
  else if (status?.updateNeeded) messages.push({ key: 'update', text: b.updateNeeded })
  else if (!community.writable && !removed) messages.push({ key: 'writable', text: b.notWritable })
  return (
    <div className="banners" role="status">
      {messages.map((m) => (
        <p key={m.key} className={`banner banner-${m.key}`}>
          {m.text}
        </p>
      ))}
      {agreementsChanged ? (
        <p className="banner banner-agreements">
          {b.agreementsChanged}{' '}
          <Button small onClick={onReadAgreements}>
            {b.readAgreements}
          </Button>
        </p>
      ) : null}
    </div>
  )
}
