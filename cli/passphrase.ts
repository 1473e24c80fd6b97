// Where the CLI gets a passphrase: typed at the terminal with nothing echoed,
// or read from a file descriptor a script opened (--passphrase-fd N, one
// passphrase a line). Never from the command line, where other users of the
// machine and the shell history would see it.
import { readFileSync } from 'node:fs'
import { CliError, UsageError } from './failure.js'

export interface PassphraseSource {
  /** The next passphrase; `prompt` is shown when asking at the terminal. */
  next(prompt: string): Promise<string>
  /** Whether a wrong one can be asked again (only a person at a terminal can try again). */
  readonly interactive: boolean
}

export function passphraseSource(fd: string | undefined): PassphraseSource {
  if (fd !== undefined) return fromFd(fd)
  if (process.stdin.isTTY) return { next: askHidden, interactive: true }
  return {
    interactive: false,
    next: () =>
      Promise.reject(
        new UsageError(
          'a passphrase is needed and there is no terminal to ask; give it with --passphrase-fd N'
        )
      )
  }
}

function fromFd(text: string): PassphraseSource {
  if (!/^\d{1,4}$/.test(text)) throw new UsageError('--passphrase-fd needs a file descriptor number, like 3')
  let lines: string[] | null = null
  return {
    interactive: false,
    async next() {
      lines ??= readFileSync(Number(text), 'utf8').split('\n')
      const line = lines.shift()
      if (line === undefined || (line === '' && lines.length === 0))
        throw new UsageError(`file descriptor ${text} gave no passphrase (one a line)`)
      return line.replace(/\r$/, '')
    }
  }
}

/** Reads a line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin
  process.stderr.write(prompt)
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  return new Promise((resolve, reject) => {
    let value = ''
    const finish = (): void => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
    }
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish()
          resolve(value)
          return
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish()
          reject(new CliError('no passphrase given'))
          return
        }
        // Backspace removes the last character, whole, however many code units it has.
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('')
        else value += ch
      }
    }
    stdin.on('data', onData)
  })
}
