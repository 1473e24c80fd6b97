// Errors that cross the RPC boundary carry a stable code so front-ends can
// choose their own words, plus a plain-English message for the CLI.

export const ERROR_CODES = [
  'bad-request',
  'not-found',
  'not-allowed',
  'not-writable',
  'invite-malformed',
  'invite-expired',
  'invite-used',
  'invite-revoked',
  'invite-for-joined-community',
  'already-joining',
  'storage-locked',
  'locked',
  'wrong-passphrase',
  'keychain-unavailable',
  'device-revoked',
  'link-code-malformed',
  /** A link code given where a community invite goes. */
  'link-code-not-invite',
  /** A community invite given where a link code goes. */
  'invite-not-link-code',
  /** Online, but no member who could answer was reachable (a restore). */
  'nobody-online',
  'update-needed',
  'agreements-first',
  'name-taken',
  'syncing',
  'offline',
  'closed',
  'internal'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export class MutualError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'MutualError'
    this.code = code
  }
}

export function isMutualError(err: unknown): err is MutualError {
  return err instanceof MutualError
}
