// What came to this device after linking or restoring: the communities now
// here, by name, and those that could not come, with why.
import type { ReactNode } from 'react'
import { useEffect, useRef } from 'react'
import type { LinkResult } from '../../../core/domain/types.js'
import { useEngine, useLive } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { NotSharedList } from './linking.js'
import './LinkedResult.css'
import { Button } from '../Button.js'

export function LinkedResult({
  title,
  result,
  children,
  onDone,
  onBack
}: {
  title: string
  result: LinkResult
  /** More to say, after the communities (what a restore's backup brought). */
  children?: ReactNode
  onDone: (communityId: string | null) => void
  onBack: () => void
}) {
  const engine = useEngine()
  const s = strings.linkToOther
  const communities = useLive(
    () => engine.call('communities.list', {}),
    [],
    // A community still arriving gets its name when its view does, as in the sidebar.
    (e) => e.type === 'communities-changed' || e.type === 'community-changed'
  )
  const titleRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => titleRef.current?.focus(), [])
  const nameOf = (id: string) =>
    communities.data?.find((c) => c.id === id)?.name ?? strings.communities.syncingName
  const first = result.communities[0] ?? null
  return (
    <div className="stack linked-result">
      <h3 ref={titleRef} tabIndex={-1}>
        {title}
      </h3>
      <p>{s.doneIn(result.communities.length)}</p>
      {result.communities.length > 0 ? (
        <ul className="linked-communities">
          {result.communities.map((id) => (
            <li key={id}>{nameOf(id)}</li>
          ))}
        </ul>
      ) : null}
      <NotSharedList items={result.notShared} heading={s.notShared} reasons={s.reason} />
      {children}
      <div className="actions">
        {first === null ? <Button onClick={onBack}>{s.back}</Button> : null}
        {first !== null ? (
          <Button tone="primary" onClick={() => onDone(first)}>
            {s.goIn}
          </Button>
        ) : null}
      </div>
    </div>
  )
}
