// What a resource post adds to its text: the kind, the name, how to reach it.
import type { Resource } from '../../core/domain/reaching.js'
import { strings } from '../strings/index.js'
import './ResourceDetails.css'

export function ResourceDetails({ resource }: { resource: Resource }) {
  const s = strings.resources
  return (
    <div className="resource">
      <p className="resource-name">
        <span className="badge resource-kind">{s.kinds[resource.kind]}</span> <strong>{resource.name}</strong>
      </p>
      {resource.contact ? (
        <p className="resource-contact">
          <span className="hint">{s.contactLabel}</span> {resource.contact}
        </p>
      ) : null}
    </div>
  )
}
