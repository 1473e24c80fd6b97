// The way to the community's resources (warmlines, crisis lines), offered
// where someone might need more than peers can give.
import { strings } from '../../strings/index.js'

export function ResourcesButton({ onClick }: { onClick: () => void }) {
  return (
    <p>
      <button type="button" className="button small" onClick={onClick}>
        {strings.reaching.resources}
      </button>
    </p>
  )
}
