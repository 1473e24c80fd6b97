// Choosing some members of the community, as checkboxes: for a reach-out to
// chosen members and for "check on me". You, members who left and members you
// muted are not offered.
import type { Member } from '../../../core/domain/types.js'
import './MemberChoice.css'

export function choosable(members: readonly Member[]): Member[] {
  return members.filter((m) => !m.isMe && !m.left && !m.muted)
}

export function MemberChoice({
  legend,
  members,
  chosen,
  onChange,
  describedBy
}: {
  legend: string
  members: readonly Member[]
  chosen: readonly string[]
  onChange: (chosen: string[]) => void
  describedBy?: string
}) {
  return (
    <fieldset className="member-choice" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {choosable(members).map((m) => (
        <label key={m.id} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(m.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, m.id] : chosen.filter((id) => id !== m.id))
            }
          />
          {m.name}
        </label>
      ))}
    </fieldset>
  )
}
