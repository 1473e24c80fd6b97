// `mutual help` and `mutual COMMAND --help`, built from the command table so
// they cannot drift from what the parser accepts.
import { COMMANDS, findCommand } from './commands/index.js'
import { UsageError } from './failure.js'

const COMMON = `Options for every command:
  --storage DIR   the daemon's data folder (default: $MUTUAL_STORAGE, or the usual app-data folder)
  --json          machine-readable output
  --help, -h      this help`

export function helpText(topic?: string): string {
  if (topic !== undefined) {
    const command = findCommand(topic)
    if (!command) throw new UsageError(`unknown command "${topic}" (see: mutual help)`)
    const details = command.details ? `${command.details}\n\n` : ''
    return `usage: mutual ${command.usage}\n\n${capitalise(command.summary)}.\n\n${details}${COMMON}`
  }
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)
  return [
    'Mutual: peer-support communities with no server.',
    '',
    'usage: mutual COMMAND [ARGUMENTS] [OPTIONS]',
    '',
    'Commands:',
    ...rows,
    '',
    COMMON,
    '',
    'Start with `mutual daemon`, then use the other commands in another terminal.',
    "COMMUNITY is a community id or its name; MEMBER is a member's name or id (see: mutual members).",
    '`mutual help COMMAND` shows one command.'
  ].join('\n')
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
