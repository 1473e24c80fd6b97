// Entry point of the `mutual` command (bundled to dist/cli.js). Parses the
// command line, runs one command, and turns every outcome into an exit status
// and at most one line of complaint.
import path from 'node:path'
import { parseCommandLine } from './args.js'
import type { CommandLine } from './args.js'
import { findCommand } from './commands/index.js'
import type { Command, CommandInput } from './commands/spec.js'
import { connectToDaemon } from './connect.js'
import { EXIT_OK, UsageError, describeError, exitCodeFor } from './failure.js'
import { installCrashHandlers } from './fatal.js'
import { helpText } from './help.js'
import { complain, exitWith, print } from './output.js'
import { defaultStorage } from './paths.js'

// Accepted by every command.
const COMMON_OPTIONS = new Set(['storage', 'json', 'help'])

async function main(argv: string[]): Promise<number> {
  const line = parseCommandLine(argv)
  if (line.command === undefined || line.command === 'help') {
    if (line.args.length > 1) throw new UsageError('help takes at most one command name')
    print(helpText(line.args[0]))
    return EXIT_OK
  }
  const command = findCommand(line.command)
  if (!command) throw new UsageError(`unknown command "${line.command}" (see: mutual help)`)
  if (line.flags.help) {
    print(helpText(command.name))
    return EXIT_OK
  }
  const input = checkedInput(command, line)
  if (command.kind === 'local') return command.run(input)

  const client = await connectToDaemon(input.storage)
  try {
    await command.run({ ...input, client })
  } finally {
    client.close()
  }
  return EXIT_OK
}

function checkedInput(command: Command, line: CommandLine): CommandInput {
  const usage = `usage: mutual ${command.usage}`
  for (const flag of line.given) {
    if (!COMMON_OPTIONS.has(flag) && !command.options.includes(flag)) {
      throw new UsageError(`${command.name} does not take --${flag} (${usage})`)
    }
  }
  const required = command.args
  const optional = command.optionalArgs ?? []
  if (line.args.length < required.length) {
    const missing = required.slice(line.args.length).join(' ')
    throw new UsageError(`${command.name} needs ${missing} (${usage})`)
  }
  if (!command.repeatsLast && line.args.length > required.length + optional.length) {
    const extra = line.args[required.length + optional.length]
    const hint = command.args.includes('TEXT') ? '; put text with spaces in quotes' : ''
    throw new UsageError(`${command.name} got an unexpected argument "${extra}"${hint} (${usage})`)
  }
  const names = [...required, ...optional]
  const byName = new Map(names.map((name, i) => [name, line.args[i]] as const))
  if (line.flags.storage !== undefined && line.flags.storage.trim() === '') {
    throw new UsageError('--storage needs a folder')
  }
  return {
    arg(name) {
      const value = byName.get(name)
      if (value === undefined) throw new Error(`no argument ${name}`)
      return value
    },
    optionalArg: (name) => byName.get(name),
    repeated() {
      if (!command.repeatsLast) throw new Error(`${command.name} has no repeated argument`)
      return line.args.slice(required.length - 1)
    },
    flags: line.flags,
    json: line.flags.json === true,
    storage: line.flags.storage === undefined ? defaultStorage() : path.resolve(line.flags.storage)
  }
}

installCrashHandlers()
let code: number
try {
  code = await main(process.argv.slice(2))
} catch (err) {
  complain(describeError(err))
  code = exitCodeFor(err)
}
await exitWith(code)
