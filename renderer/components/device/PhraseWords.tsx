// The 24 words as a numbered grid. It is an ordered list, so a screen reader
// says each word with its place ("7 of 24"); the visible numbers are for eyes.
import './PhraseWords.css'
export function PhraseWords({ phrase, label }: { phrase: string; label: string }) {
  const words = phrase.trim().split(/\s+/)
  return (
    <ol className="phrase-words plain-list box" aria-label={label}>
      {words.map((word, i) => (
        <li key={i}>
          <span className="phrase-n" aria-hidden="true">
            {i + 1}
          </span>
          <span className="phrase-word">{word}</span>
        </li>
      ))}
    </ol>
  )
}
