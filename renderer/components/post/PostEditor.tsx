// Editing your own post in place: its text, reply mode and content note.
import { useId, useState } from 'react'
import type { Post, ReplyMode } from '../../../core/domain/types.js'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { ModeChoice } from './ModeChoice.js'
import { FormActions } from '../FormActions.js'
import { closeOnEscape } from '../closeOnEscape.js'
import './PostEditor.css'

export function PostEditor({
  post,
  communityId,
  onDone,
  labelledBy
}: {
  post: Post
  communityId: string
  onDone: () => void
  labelledBy: string
}) {
  const engine = useEngine()
  const id = useId()
  const [text, setText] = useState(post.text)
  const [mode, setMode] = useState<ReplyMode>(post.mode)
  const [note, setNote] = useState(post.note ?? '')
  const save = useAction(async () => {
    await engine.call('posts.edit', {
      communityId,
      postId: post.id,
      text,
      mode,
      note: note.trim() ? note.trim() : null
    })
  })
  return (
    <form
      className="post-editor stack"
      aria-labelledby={labelledBy}
      onSubmit={async (event) => {
        event.preventDefault()
        if (!text.trim()) return
        await save.run()
        onDone()
      }}
      onKeyDown={closeOnEscape(() => onDone())}
    >
      <label className="visually-hidden" htmlFor={`${id}-text`}>
        {strings.post.edit}
      </label>
      <textarea id={`${id}-text`} rows={4} value={text} autoFocus onChange={(e) => setText(e.target.value)} />
      {post.replyTo === null ? <ModeChoice value={mode} onChange={setMode} /> : null}
      <div className="field">
        <label htmlFor={`${id}-note`}>{strings.compose.noteLabel}</label>
        <input
          id={`${id}-note`}
          type="text"
          maxLength={200}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <FormActions
        error={save.error}
        cancel={{ label: strings.post.cancel, onClick: onDone }}
        submitLabel={strings.post.save}
        disabled={save.pending || !text.trim()}
      />
    </form>
  )
}
