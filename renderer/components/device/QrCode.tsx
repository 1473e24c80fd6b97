// A QR code drawn as SVG from the qrcode package's matrix: no script, no
// image data, and dark on light in every colour scheme so cameras can read it.
import QRCode from 'qrcode'
import { useMemo } from 'react'
import './QrCode.css'

const QUIET = 4

export function QrCode({ text, label }: { text: string; label: string }) {
  const path = useMemo(() => {
    const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules
    let d = ''
    for (let row = 0; row < size; row++)
      for (let col = 0; col < size; col++)
        if (data[row * size + col]) d += `M${col + QUIET} ${row + QUIET}h1v1h-1z`
    return { d, size: size + QUIET * 2 }
  }, [text])
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${path.size} ${path.size}`}
      shapeRendering="crispEdges"
    >
      <rect width={path.size} height={path.size} fill="#ffffff" />
      <path d={path.d} fill="#000000" />
    </svg>
  )
}
