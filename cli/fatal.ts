// Last line of defence for the "never a stack trace" promise: anything that
// escapes (an engine bug, an EventEmitter 'error' nobody handled) becomes one
// line and exit 1, after running whatever cleanup the daemon registered.
import { describeError, EXIT_FAILURE } from './failure.js'
import { complain, exitWith } from './output.js'

const cleanups = new Set<() => void>()

/** Registers synchronous cleanup (like removing a socket file) for a crash. */
export function onCrash(cleanup: () => void): () => void {
  cleanups.add(cleanup)
  return () => cleanups.delete(cleanup)
}

let crashed = false

function crash(err: unknown): void {
  if (crashed) return
  crashed = true
  complain(`unexpected error: ${describeError(err)}`)
  for (const cleanup of cleanups) {
    try {
      cleanup()
    } catch {
      // Best effort: we are already on the way out.
    }
  }
  void exitWith(EXIT_FAILURE)
}

export function installCrashHandlers(): void {
  process.on('uncaughtException', crash)
  process.on('unhandledRejection', crash)
  // `mutual feed X | head` closes our stdout early; that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0)
    crash(err)
  })
}
