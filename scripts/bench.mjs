// `npm run bench [-- --quick] [-- --only a,b]`: bundles the benchmark and runs it.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
// Members other than the one measured run as `mutual daemon` processes: build that too.
await import('./build-cli.mjs')
await build({
  absWorkingDir: root,
  entryPoints: ['bench/main.ts'],
  outfile: 'dist/bench.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning'
})
const run = spawnSync(process.execPath, ['--expose-gc', 'dist/bench.js', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit'
})
process.exitCode = run.status ?? 1
