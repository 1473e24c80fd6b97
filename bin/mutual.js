#!/usr/bin/env node
// The `mutual` command. The real code is bundled into dist/cli.js by
// `npm run build:cli` (run automatically by `npm install`).
import { existsSync } from 'node:fs'

const entry = new URL('../dist/cli.js', import.meta.url)

if (!existsSync(entry)) {
  process.stderr.write('mutual: the command is not built yet; run: npm run build:cli\n')
  process.exitCode = 1
} else {
  // Failing to load (a missing dependency, say) still gets one plain line, not a stack.
  import(entry.href).catch((err) => {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err)
    process.stderr.write(`mutual: could not start: ${message}\n`)
    process.exitCode = 1
  })
}
