// One way to bundle a Node entry point (the CLI, the benchmark). Dependencies
// stay in node_modules: several Holepunch modules load native addons or
// resolve files at runtime, which a bundle would break.
import { build } from 'esbuild'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * Bundles `entry` to `outfile`. What the entry imports only with `import()` goes to chunks beside it
 * (in `<name>-chunks/`), so that it, and the packages it needs, load only when used: `mutual feed`
 * asks a daemon and never needs the engine the daemon runs.
 */
export async function bundleForNode(entry, outfile) {
  const name = path.basename(outfile, '.js')
  const outdir = path.dirname(outfile)
  // Chunk names carry a hash of their content: the last build's would otherwise pile up.
  await rm(path.join(root, outdir, `${name}-chunks`), { recursive: true, force: true })
  return build({
    absWorkingDir: root,
    entryPoints: { [name]: entry },
    outdir,
    splitting: true,
    chunkNames: `${name}-chunks/[name]-[hash]`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning'
  })
}
