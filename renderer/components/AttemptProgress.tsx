// Where joining, linking and restoring say how far they have got, and that
// they stopped when the person stopped them. It is a live region that is
// always there, so the first stage is announced as well as the later ones.
export function AttemptProgress({
  pending,
  stage,
  text,
  stopped,
  stoppedText
}: {
  pending: boolean
  /** Names the stage in the paragraph's class, for styling each stage. */
  stage: string
  text: string
  stopped: boolean
  stoppedText: string
}) {
  return (
    <div className="join-progress" role="status" aria-live="polite">
      {pending ? <p className={`progress progress-${stage}`}>{text}</p> : null}
      {!pending && stopped ? <p className="progress">{stoppedText}</p> : null}
    </div>
  )
}
