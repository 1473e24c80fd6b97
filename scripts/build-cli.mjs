// Bundles the CLI (and the engine it embeds) into dist/cli.js for bin/mutual.js.
// Dependencies stay in node_modules: several Holepunch modules load native
// addons or resolve files at runtime, which a bundle would break.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

await build({
  absWorkingDir: root,
  entryPoints: ['cli/main.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning'
})
