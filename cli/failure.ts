// Turns any failure into one plain line and an exit status. The CLI promises
// 0 = done, 2 = you asked for something invalid, 1 = anything else, and never
// a stack trace: people paste these lines into chats, so they must stand alone.
import { RpcError } from '../core/rpc/client.js'
import { isMutualError } from '../core/errors.js'
import type { ErrorCode } from '../core/errors.js'

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

/** Bad usage of the command line itself: unknown command, missing argument, bad flag value. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** A failure with a message already worded for the person at the terminal. */
export class CliError extends Error {
  override readonly name = 'CliError'
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE
  ) {
    super(message)
  }
}

// Codes that mean "the input was wrong", so retrying unchanged will not help.
const BAD_INPUT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'bad-request',
  'invite-malformed',
  'invite-expired',
  'invite-used',
  'invite-revoked',
  'invite-for-joined-community',
  'not-found',
  'not-allowed',
  // Refused until the member has said "I agree": asking again unchanged will not help.
  'agreements-first',
  // Another member here already has that name, or one that looks just like it.
  'name-taken'
])

function codeOf(err: unknown): ErrorCode | null {
  if (err instanceof RpcError || isMutualError(err)) return err.code
  return null
}

export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError) return EXIT_USAGE
  if (err instanceof CliError) return err.exitCode
  const code = codeOf(err)
  return code !== null && BAD_INPUT.has(code) ? EXIT_USAGE : EXIT_FAILURE
}

export function describeError(err: unknown): string {
  let message = err instanceof Error ? err.message : String(err)
  const code = codeOf(err)
  // Someone who pasted a bad invite should see that the invite is the problem.
  if (code?.startsWith('invite-') && !/invite/i.test(message)) message = `invite: ${message}`
  return oneLine(message) || 'something went wrong'
}

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}
