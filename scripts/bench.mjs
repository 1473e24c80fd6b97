// `npm run bench [-- --quick] [-- --only a,b]`: bundles the benchmark and runs it.
// Members other than the one measured run as `mutual daemon` processes, so the CLI is built too.
import { spawnSync } from 'node:child_process'
import { bundleForNode, root } from './node-bundle.mjs'

await bundleForNode('cli/main.ts', 'dist/cli.js')
await bundleForNode('bench/main.ts', 'dist/bench.js')
const run = spawnSync(process.execPath, ['--expose-gc', 'dist/bench.js', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit'
})
process.exitCode = run.status ?? 1
