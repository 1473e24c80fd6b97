// Command-line parsing. One table of every flag (each flag means the same
// thing and takes the same kind of value in every command), parsed strictly;
// each command then says which of those flags it accepts.
import { parseArgs } from 'node:util'
import { UsageError } from './failure.js'

export const OPTIONS = {
  storage: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  bootstrap: { type: 'string' },
  offline: { type: 'boolean' },
  port: { type: 'string' },
  as: { type: 'string' },
  expires: { type: 'string' },
  uses: { type: 'string' },
  topic: { type: 'string' },
  'reply-to': { type: 'string' },
  mode: { type: 'string' },
  note: { type: 'string' },
  limit: { type: 'string' },
  before: { type: 'string' },
  undo: { type: 'boolean' },
  history: { type: 'boolean' },
  all: { type: 'boolean' },
  reason: { type: 'string' },
  'agreements-file': { type: 'string' },
  'confidentiality-file': { type: 'string' },
  set: { type: 'string', multiple: true },
  remove: { type: 'string' },
  review: { type: 'string' },
  upgrade: { type: 'boolean' },
  refound: { type: 'boolean' },
  withdraw: { type: 'boolean' },
  'show-collapsed': { type: 'boolean' },
  context: { type: 'string' },
  to: { type: 'string', multiple: true },
  mood: { type: 'string' },
  kind: { type: 'string' },
  name: { type: 'string' },
  contact: { type: 'string' },
  helps: { type: 'string' },
  'does-not-help': { type: 'string' },
  contacts: { type: 'string' },
  'not-involve': { type: 'string' },
  'from-supporters': { type: 'string' },
  'passphrase-fd': { type: 'string' },
  'phrase-fd': { type: 'string' },
  code: { type: 'string' },
  backup: { type: 'string' },
  'set-passphrase': { type: 'boolean' },
  'remove-passphrase': { type: 'boolean' },
  yes: { type: 'boolean' }
} as const

/**
 * `mutual lock --set` and `--remove` read better than the flags' own names,
 * but elsewhere --set and --remove take a value; only for `lock` do they
 * stand for the passphrase flags.
 */
function lockSpelling(argv: string[]): string[] {
  if (argv[0] !== 'lock') return argv
  return argv.map((a) => (a === '--set' ? '--set-passphrase' : a === '--remove' ? '--remove-passphrase' : a))
}

export type OptionName = keyof typeof OPTIONS
type ValueOf<N extends OptionName> = (typeof OPTIONS)[N] extends { multiple: true }
  ? string[]
  : (typeof OPTIONS)[N]['type'] extends 'string'
    ? string
    : boolean
export type Flags = { [N in OptionName]?: ValueOf<N> }

export interface CommandLine {
  command: string | undefined
  args: string[]
  flags: Flags
  /** Flags exactly as given, for "this command does not take --x". */
  given: OptionName[]
}

export function parseCommandLine(argv: string[]): CommandLine {
  let parsed
  try {
    parsed = parseArgs({
      args: lockSpelling(argv),
      options: OPTIONS,
      strict: true,
      allowPositionals: true,
      tokens: true
    })
  } catch (err) {
    throw new UsageError(explainParseError(err))
  }
  const given: OptionName[] = []
  for (const token of parsed.tokens) {
    if (token.kind === 'option' && !given.includes(token.name as OptionName))
      given.push(token.name as OptionName)
  }
  const [command, ...args] = parsed.positionals
  return { command, args, flags: parsed.values as Flags, given }
}

// node:util's messages are several lines long and mention its own syntax;
// the CLI promises one plain line.
function explainParseError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  const code = (err as { code?: unknown }).code
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? 'an option'
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${flag} (see: mutual help)`
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (OPTIONS[flag.replace(/^-+/, '') as OptionName]?.type === 'boolean')
      return `${flag} does not take a value`
    return `${flag} needs a value (write ${flag}=VALUE if the value starts with a dash)`
  }
  return message.split('\n')[0] ?? 'could not read the command line'
}
