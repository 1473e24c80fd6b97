// The agreements as written: paragraphs split on blank lines, and a short
// first line on its own read as that paragraph's title. Then the
// confidentiality limits, as a section of their own.
import { useId } from 'react'
import type { Agreements } from '../../../core/domain/types.js'
import { strings } from '../../strings/index.js'
import './AgreementsText.css'

export function AgreementsText({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  return (
    <div className="agreements-text">
      {paragraphs.map((paragraph, i) => {
        const [first = '', ...rest] = paragraph.split('\n')
        const titled = rest.length > 0 && first.length <= 70 && !/[.!?:]$/.test(first)
        return titled ? (
          <p key={i}>
            <strong className="agreement-title">{first}</strong>
            <br />
            {rest.join('\n')}
          </p>
        ) : (
          <p key={i}>{paragraph}</p>
        )
      })}
    </div>
  )
}

/** Both parts of a version of the agreements, each with its own heading. */
export function AgreementsSections({
  agreements,
  level = 3
}: {
  agreements: Pick<Agreements, 'text' | 'confidentiality'>
  level?: 2 | 3 | 4
}) {
  const id = useId()
  const Heading = `h${level}` as const
  const s = strings.agreements
  return (
    <>
      <section className="agreements-section" aria-labelledby={`${id}-a`}>
        <Heading id={`${id}-a`}>{s.agreements}</Heading>
        <AgreementsText text={agreements.text} />
      </section>
      <section className="agreements-section confidentiality" aria-labelledby={`${id}-c`}>
        <Heading id={`${id}-c`}>{s.confidentiality}</Heading>
        <AgreementsText text={agreements.confidentiality} />
      </section>
    </>
  )
}
