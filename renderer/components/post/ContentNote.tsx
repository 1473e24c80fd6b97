import { useId, useState } from 'react'
import type { ReactNode } from 'react'
import { strings } from '../../strings/index.js'
import './ContentNote.css'
import { Button } from '../Button.js'

/** Keeps the text closed behind its content note until the reader opens it. */
export function ContentNote({ note, children }: { note: string | null; children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  if (!note) return <>{children}</>
  return (
    <div className="content-note">
      <p className="note-line">
        <span className="note-label">{strings.post.noteLabel}:</span>{' '}
        <span className="note-text">{note}</span>{' '}
        <Button small aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
          {open ? strings.post.hide : strings.post.show}
        </Button>
      </p>
      <div id={id} hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  )
}
