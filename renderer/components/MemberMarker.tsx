// The short marker beside a member's name: four characters from their key,
// the same on every device, so two members whose names look alike can still
// be told apart. Computed by the engine (Member.marker, Post.authorMarker).
import { strings } from '../strings/index.js'
import './MemberMarker.css'

export function MemberMarker({ marker }: { marker: string }) {
  const [before, after] = strings.members.marker(marker).split(marker)
  // Screen readers hear "marker k3x9"; the eye sees only "k3x9", small and quiet.
  return (
    <span className="member-marker" title={strings.members.markerHint}>
      {before ? <span className="visually-hidden">{before}</span> : null}
      {marker}
      {after ? <span className="visually-hidden">{after}</span> : null}
    </span>
  )
}
