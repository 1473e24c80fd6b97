// Paths in messages are often copied straight back into a shell.
export function shellQuote(text: string): string {
  if (/^[\w@%+=:,./\\-]+$/.test(text)) return text
  if (process.platform === 'win32') return `"${text}"`
  return `'${text.replace(/'/g, `'\\''`)}'`
}
