// Fields are disabled while an attempt runs, and Chromium drops focus from a
// disabled control: when the attempt fails, focus goes back to the field that
// started it rather than to the page.
import { useEffect, useRef } from 'react'
import type { RefObject } from 'react'

export function useFocusAfterFailure(
  pending: boolean,
  failed: boolean,
  field: RefObject<HTMLElement | null>
): void {
  const wasPending = useRef(false)
  useEffect(() => {
    if (wasPending.current && !pending && failed) field.current?.focus()
    wasPending.current = pending
  }, [pending, failed, field])
}
