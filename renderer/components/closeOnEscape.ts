// Forms that open in place (a reply note, a new topic, an edit) close on
// Escape. The key stops there, so it does not also close the dialog or
// panel the form sits in.
import type { KeyboardEvent } from 'react'

export function closeOnEscape(close: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      close()
    }
  }
}
