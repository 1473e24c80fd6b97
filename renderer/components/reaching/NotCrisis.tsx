// Said plainly wherever people reach out or look for help: Mutual is peers,
// not a crisis service, and nothing is passed to anyone outside.
import { strings } from '../../strings/index.js'
import { ResourcesButton } from './ResourcesButton.js'
import './NotCrisis.css'

export function NotCrisis({ onResources }: { onResources?: () => void }) {
  const s = strings.reaching
  return (
    <div className="not-crisis">
      <p>{s.notCrisis}</p>
      <p className="hint">{s.neverOutside}</p>
      {onResources ? <ResourcesButton onClick={onResources} /> : null}
    </div>
  )
}
