// The communities you belong to, with what is new in each.
import type { CommunitySummary } from '../../core/domain/types.js'
import { strings } from '../strings/index.js'
import './Sidebar.css'
import { Button } from './Button.js'

export function Sidebar({
  communities,
  current,
  onSelect,
  onStart,
  onJoin,
  onDevice
}: {
  communities: readonly CommunitySummary[]
  current: string | null
  onSelect: (id: string) => void
  onStart: () => void
  onJoin: () => void
  onDevice: () => void
}) {
  const s = strings.communities
  return (
    <aside className="sidebar">
      <p className="brand">{strings.appName}</p>
      <nav aria-labelledby="communities-heading">
        <h2 id="communities-heading" className="sidebar-heading">
          {s.heading}
        </h2>
        <ul className="community-list plain-list">
          {communities.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="community"
                aria-current={c.id === current ? 'page' : undefined}
                onClick={() => onSelect(c.id)}
              >
                <span className="community-name">{c.name}</span>
                {c.unread > 0 ? (
                  <span className="unread">
                    <span aria-hidden="true">{s.unread(c.unread)}</span>
                    <span className="visually-hidden">, {s.unreadLabel(c.unread)}</span>
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar-actions">
        <Button onClick={onStart}>{s.start}</Button>
        <Button onClick={onJoin}>{s.join}</Button>
        <Button tone="quiet" onClick={onDevice}>
          {strings.device.open}
        </Button>
      </div>
    </aside>
  )
}
