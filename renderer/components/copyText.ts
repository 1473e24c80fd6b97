// Copying a key or code someone will paste elsewhere. Without clipboard
// access, the field showing it is selected and copied the old way, so the
// person can still copy it themselves.
import type { RefObject } from 'react'

export async function copyText(text: string, shown: RefObject<HTMLTextAreaElement | null>): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
  } catch {
    shown.current?.select()
    document.execCommand('copy')
  }
}
