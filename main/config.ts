// Command-line switches and environment the shell understands. Kept to what
// the engine needs; Chromium's own switches pass through untouched.
import type { EngineConfig } from './engine-messages.js'

/** What the shell reads from its command line; where the profile lives and the keychain are its own. */
export type ShellConfig = Omit<EngineConfig, 'storage' | 'keychain'>

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/**
 * `--bootstrap HOST:PORT` (or `--bootstrap=HOST:PORT`) wins over MUTUAL_BOOTSTRAP;
 * with neither, the engine joins the public DHT. `--offline` starts with
 * networking off. The bootstrap's syntax is checked by the engine (one parser
 * for the CLI and the app), which reports a bad value as a failed start.
 */
export function parseShellConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ShellConfig {
  let bootstrap: string | null = null
  let offline = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--offline') offline = true
    else if (arg === '--bootstrap') {
      const value = argv[i + 1]
      if (value === undefined || value.startsWith('--'))
        throw new ConfigError('--bootstrap needs a value like 127.0.0.1:49737')
      bootstrap = value
      i++
    } else if (arg?.startsWith('--bootstrap=')) bootstrap = arg.slice('--bootstrap='.length)
  }
  if (bootstrap === null && env.MUTUAL_BOOTSTRAP) bootstrap = env.MUTUAL_BOOTSTRAP
  if (bootstrap !== null && bootstrap.trim() === '')
    throw new ConfigError('--bootstrap needs a value like 127.0.0.1:49737')
  return { bootstrap: bootstrap?.trim() ?? null, offline }
}
