// Writing a post or a reply: the text, what would help (reply mode, for new
// posts), and an optional content note. A check-in asks how you are arriving
// and offers a mood word instead of a reply mode.
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import type { ReplyMode } from '../../core/domain/types.js'
import type { Params } from '../../core/rpc/methods.js'
import { useAction, useEngine } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { ComposeSendRow, ComposeText, useDraft } from './ComposeText.js'
import { ErrorText } from './ErrorText.js'
import { TextField } from './HintedField.js'
import { MoodChoice, isMoodWord, moodOf } from './MoodChoice.js'
import type { MoodValue } from './MoodChoice.js'
import { ModeChoice } from './PostCard.js'
import './Compose.css'

export function Compose({
  communityId,
  topic,
  replyTo,
  label,
  disabled,
  defaultMode = 'listen',
  checkIn = false
}: {
  communityId: string
  topic: string
  /** The post being answered; absent for a new post. */
  replyTo?: { id: string; author: string; mode: ReplyMode }
  label: string
  disabled?: boolean
  /** The reply mode the community agreed new posts start with; the writer can choose another. */
  defaultMode?: ReplyMode
  /** A check-in: the gentle prompt and an optional mood word. */
  checkIn?: boolean
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.compose
  const { text, setText, empty, ready } = useDraft()
  const [chosen, setMode] = useState<ReplyMode | null>(null)
  const mode = chosen ?? defaultMode
  const [withNote, setWithNote] = useState(false)
  const [note, setNote] = useState('')
  const [mood, setMoodValue] = useState<MoodValue>({ choice: null, own: '' })
  const [moodInvalid, setMoodInvalid] = useState(false)
  const moodWord = checkIn && !replyTo ? moodOf(mood) : null
  // Compact until someone starts writing, so the conversation keeps the room.
  const [focused, setFocused] = useState(false)
  const expanded = focused || text !== '' || withNote || mood.choice !== null
  const send = useAction(async (post: Params<'posts.create'>) => engine.call('posts.create', post))

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (send.pending) return
    if (!ready()) return
    if (moodWord !== null && !isMoodWord(moodWord)) {
      setMoodInvalid(true)
      return
    }
    setMoodInvalid(false)
    const post = {
      communityId,
      text,
      ...(replyTo ? { replyTo: replyTo.id } : { topic, mode }),
      ...(withNote && note.trim() ? { note: note.trim() } : {}),
      ...(moodWord ? { mood: moodWord } : {})
    }
    // The box empties as the post goes, so the next can be begun at once; if it could not go, what
    // was written comes back, unless something new has been begun in its place.
    const draft = { text, chosen, note, withNote, mood }
    const noMood: MoodValue = { choice: null, own: '' }
    setText('')
    setMode(null)
    setNote('')
    setWithNote(false)
    setMoodValue(noMood)
    if (await send.run(post)) return
    setText((now) => (now === '' ? draft.text : now))
    setMode((now) => now ?? draft.chosen)
    setNote((now) => (now === '' ? draft.note : now))
    setWithNote((now) => now || draft.withNote)
    setMoodValue((now) => (now === noMood ? draft.mood : now))
  }

  return (
    <form
      className={`compose card card-raised${replyTo ? ' compose-reply' : ''}${expanded ? '' : ' compose-compact'}`}
      onSubmit={submit}
      noValidate
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false)
      }}
    >
      {replyTo ? <p className="reply-hint">{strings.replyHints[replyTo.mode](replyTo.author)}</p> : null}
      <ComposeText
        id={id}
        label={label}
        rows={expanded ? 3 : 1}
        value={text}
        placeholder={replyTo ? s.replyPlaceholder : s.placeholder}
        disabled={disabled}
        empty={empty}
        emptyText={s.empty}
        onChange={setText}
        onSend={() => void submit()}
      />
      {replyTo || !expanded ? null : checkIn ? (
        <MoodChoice
          value={mood}
          invalid={moodInvalid}
          onChange={(value) => {
            setMoodInvalid(false)
            setMoodValue(value)
          }}
        />
      ) : (
        <ModeChoice value={mode} onChange={setMode} />
      )}
      <ComposeSendRow
        id={id}
        shortcut={s.shortcut}
        sendLabel={send.pending ? s.sending : replyTo ? s.reply : s.submit}
        disabled={disabled || send.pending}
      >
        <label className="check">
          <input
            type="checkbox"
            checked={withNote}
            disabled={disabled}
            onChange={(e) => setWithNote(e.target.checked)}
          />
          {s.addNote}
        </label>
      </ComposeSendRow>
      {withNote ? (
        <TextField
          id={`${id}-note`}
          label={s.noteLabel}
          hint={s.noteHint}
          maxLength={200}
          value={note}
          autoFocus
          onChange={setNote}
        />
      ) : null}
      <ErrorText error={send.error} />
    </form>
  )
}
