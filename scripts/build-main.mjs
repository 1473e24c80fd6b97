// Bundles the Electron shell into dist/main/: the main process, the preload
// and the engine's utility-process entry. node_modules stay external for the
// main process and the engine (Holepunch modules load native addons from their
// own folders); the sandboxed preload can require only 'electron', so
// everything else is bundled into it.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
// Electron 45 runs Node 22 and Chromium 140.
const node = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', packages: 'external' }
const common = { absWorkingDir: root, sourcemap: true, logLevel: 'warning' }

await Promise.all([
  build({ ...common, ...node, entryPoints: ['main/main.ts'], outfile: 'dist/main/main.cjs' }),
  build({ ...common, ...node, entryPoints: ['main/engine-host.ts'], outfile: 'dist/main/engine-host.cjs' }),
  build({
    ...common,
    entryPoints: ['main/preload.ts'],
    outfile: 'dist/main/preload.cjs',
    bundle: true,
    // 'browser' makes any Node built-in an error at build time instead of a crash at run time.
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    external: ['electron']
  })
])
