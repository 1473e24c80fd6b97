// Reading a proposed change from the command line: which flag names the
// change, settings written as KEY=VALUE, and agreements text read from a
// file. Everything here is checked before anything is sent, and mistakes are
// reported in the words the person typed.
import { readFileSync } from 'node:fs'
import { COUNTING_RULES, DECISION_RULES, FLAGS_TO_HIDE_MAX, INVITE_RULES } from '../core/domain/governance.js'
import type { Settings } from '../core/domain/governance.js'
import { isId, postId, proposalId } from '../core/domain/ids.js'
import { LIMITS } from '../core/domain/limits.js'
import { REPLY_MODES } from '../core/domain/types.js'
import type { Flags } from './args.js'
import { UsageError } from './failure.js'
import { shellQuote } from './quote.js'
import { parseChoice, parseWholeNumber } from './values.js'

/** The names settings have on the command line, and in the engine. */
const SETTING_KEYS = {
  invite: 'invite',
  'flags-to-hide': 'flagsToHide',
  removal: 'removal',
  consent: 'consent',
  'default-reply-mode': 'defaultReplyMode',
  counting: 'counting'
} as const satisfies Record<string, keyof Settings>

type SettingKey = keyof typeof SETTING_KEYS

export function cliSettingKey(key: keyof Settings): SettingKey {
  const found = (Object.keys(SETTING_KEYS) as SettingKey[]).find((k) => SETTING_KEYS[k] === key)
  if (!found) throw new Error(`no command-line name for the setting ${key}`)
  return found
}

const SETTING_LIST = Object.keys(SETTING_KEYS).join(', ')

/** `--set invite=second-member --set flags-to-hide=3` -> { invite: 'second-member', flagsToHide: 3 }. */
export function parseSettingAssignments(assignments: readonly string[]): Partial<Settings> {
  const settings: Partial<Settings> = {}
  const seen = new Set<SettingKey>()
  for (const assignment of assignments) {
    const at = assignment.indexOf('=')
    const typed = at < 0 ? '' : assignment.slice(0, at).trim()
    const rawKey = typed.toLowerCase()
    if (rawKey === '') {
      throw new UsageError(`--set needs KEY=VALUE, like --set invite=second-member (got "${assignment}")`)
    }
    if (!Object.prototype.hasOwnProperty.call(SETTING_KEYS, rawKey)) {
      throw new UsageError(`unknown setting "${typed}" for --set; the settings are ${SETTING_LIST}`)
    }
    const key = rawKey as SettingKey
    if (seen.has(key)) throw new UsageError(`--set ${key} is given more than once`)
    seen.add(key)
    const value = assignment.slice(at + 1)
    const what = `--set ${key}`
    switch (key) {
      case 'invite':
        settings.invite = parseChoice(what, value, INVITE_RULES)
        break
      case 'flags-to-hide':
        settings.flagsToHide = parseWholeNumber(what, value, 1, FLAGS_TO_HIDE_MAX)
        break
      case 'removal':
        settings.removal = parseChoice(what, value, DECISION_RULES)
        break
      case 'consent':
        settings.consent = parseChoice(what, value, DECISION_RULES)
        break
      case 'default-reply-mode':
        settings.defaultReplyMode = parseChoice(what, value, REPLY_MODES)
        break
      case 'counting':
        settings.counting = parseChoice(what, value, COUNTING_RULES)
        break
    }
  }
  return settings
}

/** What a proposal asks for, as typed: files and member names are read and resolved later. */
export type ChangeRequest =
  | { kind: 'agreements' | 'confidentiality'; file: string }
  | { kind: 'settings'; settings: Partial<Settings> }
  | { kind: 'removal'; member: string }
  | { kind: 'review'; postId: string }
  | { kind: 'version' }
  | { kind: 'refound' }

export const CHANGE_FLAGS = [
  'agreements-file',
  'confidentiality-file',
  'set',
  'remove',
  'review',
  'upgrade',
  'refound'
] as const

export function changeRequestFrom(flags: Flags, command: string): ChangeRequest {
  const given = CHANGE_FLAGS.filter((f) =>
    f === 'set' ? (flags.set?.length ?? 0) > 0 : flags[f] !== undefined
  )
  const options =
    '--agreements-file, --confidentiality-file, --set, --remove, --review, --upgrade or --refound'
  const [only] = given
  if (only === undefined) throw new UsageError(`${command} needs what to change: one of ${options}`)
  if (given.length > 1) {
    const named = given.map((f) => `--${f}`).join(' and ')
    throw new UsageError(`${command} changes one thing at a time: give only one of ${options} (got ${named})`)
  }
  switch (only) {
    case 'agreements-file':
    case 'confidentiality-file': {
      const file = flags[only] ?? ''
      if (file.trim() === '') throw new UsageError(`--${only} needs the path of a text file`)
      return { kind: only === 'agreements-file' ? 'agreements' : 'confidentiality', file }
    }
    case 'set':
      return { kind: 'settings', settings: parseSettingAssignments(flags.set ?? []) }
    case 'remove': {
      const member = (flags.remove ?? '').trim()
      if (member === '') throw new UsageError("--remove needs a member's name or id")
      return { kind: 'removal', member }
    }
    case 'review':
      return { kind: 'review', postId: parsePostId('--review', flags.review ?? '') }
    case 'upgrade':
      return { kind: 'version' }
    case 'refound':
      return { kind: 'refound' }
  }
}

export function parsePostId(what: string, value: string): string {
  const id = value.trim().toLowerCase()
  if (!isId(postId, id)) throw new UsageError(`${what} must be a post id: 16 hex characters (got "${value}")`)
  return id
}

export function parseProposalId(value: string): string {
  const id = value.trim().toLowerCase()
  if (!isId(proposalId, id)) throw new UsageError(`a proposal id is 16 hex characters (got "${value}")`)
  return id
}

/** The --reason every proposal and flag must give. */
export function requireReason(flags: Flags, usage: string, max: number = LIMITS.reason): string {
  const reason = flags.reason?.trim() ?? ''
  if (reason === '')
    throw new UsageError(`--reason is required: say why, in a sentence (usage: mutual ${usage})`)
  if (reason.length > max) {
    throw new UsageError(`--reason is at most ${max} characters (got ${reason.length})`)
  }
  return reason
}

/**
 * Agreements text from a file: UTF-8 text, not empty, within the limit.
 * Windows line endings and trailing blank lines are dropped, so the same
 * words read the same on every member's device.
 */
export function readTextFile(flag: string, file: string, max: number = LIMITS.agreementsText): string {
  const shown = shellQuote(file)
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new UsageError(`${flag}: there is no file ${shown}`)
    if (code === 'EISDIR') throw new UsageError(`${flag}: ${shown} is a folder, not a text file`)
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`${flag}: no permission to read ${shown}`)
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err)
    throw new UsageError(`${flag}: could not read ${shown}: ${reason}`)
  }
  return textFromBytes(flag, shown, bytes, max)
}

function textFromBytes(flag: string, shown: string, bytes: Uint8Array, max: number): string {
  let text: string
  try {
    // fatal: invalid UTF-8 is an error rather than replacement characters; a BOM is dropped.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new UsageError(`${flag}: ${shown} is not UTF-8 text`)
  }
  if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) {
    throw new UsageError(`${flag}: ${shown} is not plain text (it contains control characters)`)
  }
  text = text.replace(/\r\n?/g, '\n').trimEnd()
  if (text.trim() === '') throw new UsageError(`${flag}: ${shown} is empty`)
  if (text.length > max) {
    throw new UsageError(`${flag}: ${shown} has ${text.length} characters; the limit is ${max}`)
  }
  return text
}
