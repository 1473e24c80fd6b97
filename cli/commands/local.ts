// Commands that run in this process rather than asking a daemon. Only these
// load the engine and the network stack: every other command is a client of
// the daemon, and starts without them (scripts call it in loops).
import type { LocalCommand } from './spec.js'

export const daemon: LocalCommand = {
  kind: 'local',
  name: 'daemon',
  usage: 'daemon [--storage DIR] [--bootstrap HOST:PORT] [--offline] [--passphrase-fd N]',
  summary: 'run Mutual in the foreground for the other commands to use (Ctrl-C stops it)',
  details:
    'A locked profile asks for its passphrase at the terminal; a script can give it on a file descriptor\n' +
    'with --passphrase-fd N (one line). It is never read from the command line.',
  args: [],
  options: ['bootstrap', 'offline', 'passphrase-fd'],
  async run(input) {
    // An empty MUTUAL_BOOTSTRAP counts as unset, like most tools treat env vars.
    const fromEnv = process.env.MUTUAL_BOOTSTRAP?.trim() || undefined
    const { runDaemon } = await import('../daemon.js')
    return runDaemon({
      storage: input.storage,
      bootstrap: input.flags.bootstrap ?? fromEnv,
      offline: input.flags.offline === true,
      passphraseFd: input.flags['passphrase-fd']
    })
  }
}

export const testnet: LocalCommand = {
  kind: 'local',
  name: 'testnet',
  usage: 'testnet [--port P]',
  summary: 'run a private DHT on 127.0.0.1 and print its HOST:PORT, for --bootstrap',
  args: [],
  options: ['port'],
  async run(input) {
    const { runTestnet } = await import('../testnet.js')
    return runTestnet(input.flags.port)
  }
}
