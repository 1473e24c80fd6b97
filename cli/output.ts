// Where the CLI's words go: results on stdout (so they can be piped), progress
// and errors on stderr. Exits wait for both streams to drain, because on some
// platforms pipe writes are asynchronous and process.exit would cut them off.

export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
}

export function printJson(value: unknown): void {
  print(JSON.stringify(value, null, 2))
}

export function note(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`)
}

/** Prints one `mutual: ...` line on stderr. */
export function complain(message: string): void {
  note(`mutual: ${message}`)
}

function drain(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve()
    stream.write('', () => resolve())
  })
}

export async function exitWith(code: number): Promise<never> {
  await Promise.all([drain(process.stdout), drain(process.stderr)])
  process.exit(code)
}
