// The shape every subcommand shares, so main.ts can check arguments and
// flags uniformly and `mutual help` can list everything from one table.
import type { RpcClient } from '../../core/rpc/client.js'
import type { Flags, OptionName } from '../args.js'
import { UsageError } from '../failure.js'

export interface CommandInput {
  /** Positional arguments by the names in `args`/`optionalArgs`. */
  arg(name: string): string
  optionalArg(name: string): string | undefined
  /** Every value of the command's `repeated` argument, in order (at least one). */
  repeated(): string[]
  flags: Flags
  json: boolean
  /** Absolute storage directory. */
  storage: string
}

interface CommandBase {
  name: string
  /** Usage after "mutual", e.g. "post COMMUNITY TEXT [--topic T]". */
  usage: string
  summary: string
  /** More lines for `mutual help COMMAND`. */
  details?: string
  args: readonly string[]
  optionalArgs?: readonly string[]
  /** The last of `args` takes one or more values, e.g. "MEMBER..." in the usage. */
  repeatsLast?: boolean
  /** Flags beyond --storage, --json and --help. */
  options: readonly OptionName[]
}

/** Runs inside this process (daemon, testnet, help). Returns the exit status. */
export interface LocalCommand extends CommandBase {
  kind: 'local'
  run(input: CommandInput): Promise<number>
}

/** Talks to the daemon for --storage. */
export interface ClientCommand extends CommandBase {
  kind: 'client'
  run(input: CommandInput & { client: RpcClient }): Promise<void>
}

export type Command = LocalCommand | ClientCommand

export function requireFlag(input: CommandInput, flag: 'as', usage: string): string {
  const value = input.flags[flag]
  if (value === undefined || value.trim() === '')
    throw new UsageError(`--${flag} is required (usage: mutual ${usage})`)
  return value
}
