import { useEngine } from '../../engine/hooks.js'
import './PostText.css'

const LINK = /(https:\/\/[^\s<>"]+)/g

/** The text as written, with https links that open (after asking) in the browser. */
export function PostText({ text }: { text: string }) {
  const engine = useEngine()
  const parts = text.split(LINK)
  return (
    <p className="post-text">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a
            key={i}
            href={part}
            rel="noreferrer noopener"
            onClick={(event) => {
              event.preventDefault()
              void engine.openExternal(part)
            }}
          >
            {part}
          </a>
        ) : (
          part
        )
      )}
    </p>
  )
}
