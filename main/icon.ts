// The tray icon, drawn in code: two overlapping rings, for two people meeting.
// Drawing it avoids shipping image files that would have to be found inside
// the asar on every platform.
import { nativeImage } from 'electron'
import type { NativeImage } from 'electron'

/** A square BGRA bitmap (the byte order nativeImage.createFromBitmap expects). */
function drawRings(size: number, rgb: readonly [number, number, number]): Buffer {
  const bitmap = Buffer.alloc(size * size * 4)
  const radius = size * 0.3
  const stroke = size * 0.09
  const centres = [size * 0.36, size * 0.64]
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5
      const py = y + 0.5
      // Coverage of the ring edge, for smooth (anti-aliased) edges.
      let alpha = 0
      for (const cx of centres) {
        const d = Math.abs(Math.hypot(px - cx, py - size / 2) - radius)
        alpha = Math.max(alpha, Math.min(1, Math.max(0, stroke / 2 + 0.5 - d)))
      }
      const i = (y * size + x) * 4
      bitmap[i] = rgb[2]
      bitmap[i + 1] = rgb[1]
      bitmap[i + 2] = rgb[0]
      bitmap[i + 3] = Math.round(alpha * 255)
    }
  }
  return bitmap
}

export function trayImage(platform: NodeJS.Platform): NativeImage {
  const size = 32
  // macOS wants a black template image that it recolours for light and dark menu bars.
  const colour: [number, number, number] = platform === 'darwin' ? [0, 0, 0] : [0x3a, 0x7b, 0x6e]
  const image = nativeImage.createFromBitmap(drawRings(size, colour), {
    width: size,
    height: size,
    scaleFactor: 2
  })
  if (platform === 'darwin') image.setTemplateImage(true)
  return image
}
