// The parts of a community: its conversation, reaching out (with how many
// private lines are new), your support plan, its agreements (with how many
// proposals wait for responses) and its log.
import { strings } from '../strings/index.js'
import './PageNav.css'

export type Page = 'conversation' | 'reaching' | 'plan' | 'agreements' | 'log'

export function PageNav({
  page,
  openProposals,
  privateUnread = 0,
  onSelect
}: {
  page: Page
  openProposals: number
  /** New lines in private conversations. */
  privateUnread?: number
  onSelect: (page: Page) => void
}) {
  const s = strings.pages
  const item = (key: Page, label: string, extra?: string) => (
    <li>
      <button
        type="button"
        className="page-tab"
        aria-current={page === key ? 'page' : undefined}
        onClick={() => onSelect(key)}
      >
        {label}
        {extra ? <span className="count-badge">{extra}</span> : null}
      </button>
    </li>
  )
  return (
    <nav className="community-pages" aria-label={s.label}>
      <ul className="plain-list">
        {item('conversation', s.conversation)}
        {item('reaching', s.reaching, privateUnread > 0 ? s.reachingNew(privateUnread) : undefined)}
        {item('plan', s.plan)}
        {item('agreements', s.agreements, openProposals > 0 ? s.openProposals(openProposals) : undefined)}
        {item('log', s.log)}
      </ul>
    </nav>
  )
}
