// Your private conversations in this community, most recent first, with how
// many lines are new in each. One per person, so you can always go back.
import type { ConversationSummary } from '../../../core/domain/reaching.js'
import type { RpcError } from '../../../core/rpc/client.js'
import { strings } from '../../strings/index.js'
import { ErrorText } from '../ErrorText.js'
import { PageSection } from '../Page.js'
import { lineWords } from './ConversationLines.js'
import './ConversationList.css'

export function ConversationList({
  conversations,
  error,
  onOpen
}: {
  conversations: readonly ConversationSummary[] | undefined
  error: RpcError | null
  onOpen: (memberId: string) => void
}) {
  const s = strings.reaching
  return (
    <PageSection title={s.conversations}>
      <p className="hint">{s.conversationsHint}</p>
      <ErrorText error={error} />
      {conversations && conversations.length === 0 ? <p className="hint">{s.noConversations}</p> : null}
      {conversations && conversations.length > 0 ? (
        <ul className="conversation-list plain-list">
          {conversations.map((c) => (
            <li key={c.memberId}>
              <button type="button" className="conversation-item box" onClick={() => onOpen(c.memberId)}>
                <span className="conversation-name">{c.member}</span>
                <span className="conversation-preview">
                  {c.closed ? `${s.closedShort} · ` : ''}
                  {c.last ? lineWords(c.last, c.member) : ''}
                </span>
                {c.unread > 0 ? (
                  <span className="count-badge">
                    <span aria-hidden="true">{strings.pages.reachingNew(c.unread)}</span>
                    <span className="visually-hidden">, {s.unreadLines(c.unread)}</span>
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </PageSection>
  )
}
