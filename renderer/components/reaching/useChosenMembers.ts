// Members chosen for a reach-out or a "check on me", which must not be
// sent to nobody: the choice says so (described by the error) until someone
// is chosen again.
import { useState } from 'react'

export function useChosenMembers(initial: readonly string[], missingId: string) {
  const [chosen, setChosen] = useState<string[]>([...initial])
  const [missing, setMissing] = useState(false)
  return {
    chosen,
    missing,
    setMissing,
    /** What MemberChoice takes, besides its legend and the members. */
    choice: {
      chosen,
      describedBy: missing ? missingId : undefined,
      onChange: (next: string[]) => {
        setMissing(false)
        setChosen(next)
      }
    }
  }
}
