// The parts of a community: its conversation, its agreements (with how many
// proposals wait for responses) and its log.
import { strings } from '../strings/index.js'

export type Page = 'conversation' | 'agreements' | 'log'

export function PageNav({
  page,
  openProposals,
  onSelect
}: {
  page: Page
  openProposals: number
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
      <ul>
        {item('conversation', s.conversation)}
        {item('agreements', s.agreements, openProposals > 0 ? s.openProposals(openProposals) : undefined)}
        {item('log', s.log)}
      </ul>
    </nav>
  )
}
