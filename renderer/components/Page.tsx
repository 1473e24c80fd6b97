// A community's page (reaching out, support plan, agreements, log) and the
// sections in it. The page is where "skip to content" lands, so it carries
// id="content" and can take focus; each region is named by its heading.
import { useId } from 'react'
import type { ReactNode } from 'react'

export function Page({
  className,
  title,
  children,
  outside
}: {
  className: string
  title: string
  children: ReactNode
  /** What belongs to the page but not to its column, such as a dialog it opens. */
  outside?: ReactNode
}) {
  const id = useId()
  return (
    <section className={`page ${className}`} aria-labelledby={`${id}-title`} id="content" tabIndex={0}>
      <div className="page-inner">
        <h2 id={`${id}-title`}>{title}</h2>
        {children}
      </div>
      {outside}
    </section>
  )
}

export function PageSection({
  title,
  className,
  actions,
  children
}: {
  title: string
  className?: string
  /** Buttons beside the heading. Given at all (even as null), the heading sits in a bar with room for them. */
  actions?: ReactNode
  children: ReactNode
}) {
  const id = useId()
  const heading = <h3 id={`${id}-title`}>{title}</h3>
  return (
    <section
      className={className ? `page-section ${className}` : 'page-section'}
      aria-labelledby={`${id}-title`}
    >
      {actions === undefined ? (
        heading
      ) : (
        <div className="section-bar">
          {heading}
          {actions}
        </div>
      )}
      {children}
    </section>
  )
}
