// SIGINT (Ctrl-C), SIGTERM (service managers, tests) and SIGHUP (the terminal
// went away) all mean "shut down cleanly". Handlers are installed at once so a signal during start-up is not
// lost and does not kill the process halfway through opening storage.

interface StopSignal {
  readonly requested: boolean
  readonly promise: Promise<void>
  /** Called for every further signal after the first. */
  onRepeat(handler: () => void): void
}

export function untilStopSignal(): StopSignal {
  let requested = false
  let repeat: (() => void) | null = null
  let resolve: () => void = () => undefined
  const promise = new Promise<void>((r) => (resolve = r))
  const handler = (): void => {
    if (requested) {
      repeat?.()
      return
    }
    requested = true
    resolve()
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  if (process.platform !== 'win32') process.on('SIGHUP', handler)
  return {
    get requested() {
      return requested
    },
    promise,
    onRepeat(h) {
      repeat = h
    }
  }
}
