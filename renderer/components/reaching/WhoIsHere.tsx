// At the top of the members panel: who is around now (connected and sharing
// presence) and who has said they are open to listen.
import type { Member } from '../../../core/domain/types.js'
import { strings } from '../../strings/index.js'
import './WhoIsHere.css'

export function WhoIsHere({ members }: { members: readonly Member[] }) {
  const s = strings.members
  const present = members.filter((m) => !m.left && !m.isMe)
  const around = present.filter((m) => m.aroundNow)
  const listening = members.filter((m) => !m.left && m.availability?.kind === 'open')
  const name = (m: Member) => (m.isMe ? `${m.name} ${s.you}` : m.name)
  return (
    <dl className="who-is-here">
      <div>
        <dt>{s.aroundNow}</dt>
        <dd>{around.length > 0 ? around.map((m) => m.name).join(', ') : s.aroundNowNone}</dd>
      </div>
      <div>
        <dt>{s.openToListen}</dt>
        <dd>
          {listening.length > 0
            ? listening
                .map((m) => {
                  const extra = [m.availability?.note, m.atLimit ? s.atLimit : null].filter(Boolean)
                  return extra.length > 0 ? `${name(m)} (${extra.join(', ')})` : name(m)
                })
                .join(', ')
            : s.openToListenNone}
        </dd>
      </div>
    </dl>
  )
}
