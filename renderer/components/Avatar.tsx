// A member's initial on their chosen colour, or on a calm neutral. The letter
// is black or white, whichever reads better on the colour (WCAG contrast).
import './Avatar.css'

export function Avatar({
  name,
  color,
  size = 'normal'
}: {
  name: string
  color: string | null
  size?: 'normal' | 'small'
}) {
  const initial = Array.from(name.trim())[0]?.toUpperCase() ?? '?'
  const style = color ? { backgroundColor: color, color: readableOn(color) } : undefined
  return (
    <span className={`avatar avatar-${size}${color ? '' : ' avatar-plain'}`} style={style} aria-hidden="true">
      {initial}
    </span>
  )
}

/** Black or white text, whichever contrasts more with `hex` (#rrggbb). */
function readableOn(hex: string): string {
  const luminance = relativeLuminance(hex)
  const withWhite = 1.05 / (luminance + 0.05)
  const withBlack = (luminance + 0.05) / 0.05
  return withWhite >= withBlack ? '#ffffff' : '#000000'
}

function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}
