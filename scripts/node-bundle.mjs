// One way to bundle a Node entry point (the CLI, the benchmark). Dependencies
// stay in node_modules: several Holepunch modules load native addons or
// resolve files at runtime, which a bundle would break.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('..', import.meta.url))

export function bundleForNode(entry, outfile) {
  return build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning'
  })
}
