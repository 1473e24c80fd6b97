// The community's topics, and adding one.
import { useId, useState } from 'react'
import type { Topic } from '../../core/domain/types.js'
import { useAction, useEngine } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { ErrorText } from './ErrorText.js'
import { closeOnEscape } from './closeOnEscape.js'
import './Topics.css'
import { Button } from './Button.js'

export function Topics({
  communityId,
  topics,
  current,
  writable,
  onSelect
}: {
  communityId: string
  topics: readonly Topic[]
  current: string
  writable: boolean
  onSelect: (topic: string) => void
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.topics
  const [adding, setAdding] = useState(false)
  const [name, setName] = useState('')
  const create = useAction(async () => engine.call('topics.create', { communityId, name: name.trim() }))
  return (
    <nav className="topics" aria-label={s.label}>
      <ul className="topic-list plain-list">
        {topics.map((topic) => (
          <li key={topic.name}>
            <button
              type="button"
              className="topic"
              aria-current={topic.name === current ? 'page' : undefined}
              onClick={() => onSelect(topic.name)}
            >
              <span className="topic-name">{s.topic(topic.name)}</span>
              <span className="topic-count">{s.count(topic.postCount)}</span>
            </button>
          </li>
        ))}
        {writable ? (
          <li>
            {adding ? (
              <form
                className="topic-form"
                onSubmit={async (event) => {
                  event.preventDefault()
                  if (!name.trim()) return
                  const made = await create.run()
                  if (made) {
                    setAdding(false)
                    setName('')
                    onSelect(made.name)
                  }
                }}
                onKeyDown={closeOnEscape(() => setAdding(false))}
              >
                <label htmlFor={`${id}-name`} className="visually-hidden">
                  {s.name}
                </label>
                <input
                  id={`${id}-name`}
                  type="text"
                  maxLength={40}
                  autoFocus
                  value={name}
                  placeholder={s.name}
                  aria-describedby={`${id}-hint`}
                  onChange={(e) => setName(e.target.value)}
                />
                <span className="visually-hidden" id={`${id}-hint`}>
                  {s.nameHint}
                </span>
                <button type="submit" className="button small primary" disabled={create.pending}>
                  {s.create}
                </button>
                <Button tone="quiet" small onClick={() => setAdding(false)}>
                  {s.cancel}
                </Button>
                <ErrorText error={create.error} />
              </form>
            ) : (
              <button type="button" className="topic topic-add" onClick={() => setAdding(true)}>
                + {s.add}
              </button>
            )}
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
