// The one button some screens end with (Close, Done, I have read it), on the
// right where every other row of actions puts its main button.
export function ClosingAction({
  label,
  primary = false,
  onClick
}: {
  label: string
  primary?: boolean
  onClick: () => void
}) {
  return (
    <div className="actions">
      <button type="button" className={primary ? 'button primary' : 'button'} onClick={onClick}>
        {label}
      </button>
    </div>
  )
}
