// The lines of a private conversation, oldest first: messages as written,
// and what happened (a reach-out, "I'm here", a close, a plan shared) in
// plain words.
import type { ConversationEntry } from '../../../core/domain/reaching.js'
import { strings } from '../../strings/index.js'
import './ConversationLines.css'

export function lineWords(entry: ConversationEntry, name: string): string {
  const l = strings.conversation.line
  switch (entry.kind) {
    case 'message':
      return entry.text
    case 'reach':
      return l.reach(name, entry.fromMe, entry.context)
    case 'answer':
      return l.answer(name, entry.fromMe)
    case 'close':
      return l.close(name, entry.fromMe)
    case 'check-on-me':
      return l.checkOnMe(name, entry.fromMe, entry.note)
    case 'plan':
      return l.plan(name, entry.fromMe)
    case 'plan-revoke':
      return l.planRevoke(name, entry.fromMe)
    case 'refound':
      return l.refound(name, entry.fromMe)
  }
}

export function ConversationLines({
  entries,
  name,
  now
}: {
  entries: readonly ConversationEntry[]
  name: string
  now: number
}) {
  const s = strings.conversation
  if (entries.length === 0) return <p className="hint">{s.empty}</p>
  return (
    <ol className="conversation-lines plain-list" aria-label={s.linesLabel}>
      {entries.map((entry) => {
        const who = entry.fromMe ? s.you : name
        const time = (
          <time dateTime={new Date(entry.at).toISOString()} title={strings.time.full(entry.at)}>
            {strings.time.relative(entry.at, now)}
          </time>
        )
        return entry.kind === 'message' ? (
          <li key={entry.seq} className={`line line-message${entry.fromMe ? ' line-mine' : ''}`}>
            <span className="line-meta">
              <span className="line-who">{who}</span> · {time}
            </span>
            <p className="line-text">{entry.text}</p>
          </li>
        ) : (
          <li key={entry.seq} className={`line line-event line-${entry.kind}`}>
            <p>
              {lineWords(entry, name)} <span className="line-meta">· {time}</span>
            </p>
          </li>
        )
      })}
    </ol>
  )
}
