// Bundles the React interface into dist/renderer/: app.js, app.css and
// index.html (with its strict Content-Security-Policy). Production, minified.
// Each file is written whole and then renamed into place, so a page loading
// while a build runs (the browser tests may build in parallel) never reads half
// a file.
import { build } from 'esbuild'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(root, 'dist/renderer')

const result = await build({
  absWorkingDir: root,
  // Components import their own styles; esbuild gathers them into app.css in
  // import order, after the tokens and global rules index.tsx imports first.
  entryPoints: [{ in: 'renderer/index.tsx', out: 'app' }],
  outdir: out,
  write: false,
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome120'],
  jsx: 'automatic',
  minify: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning'
})

const files = [
  ...result.outputFiles.map((file) => ({ name: basename(file.path), contents: file.contents })),
  { name: 'index.html', contents: await readFile(join(root, 'renderer/index.html')) }
]
await mkdir(out, { recursive: true })
for (const { name, contents } of files) {
  const temporary = join(out, `.${name}.${process.pid}.tmp`)
  await writeFile(temporary, contents)
  await rename(temporary, join(out, name))
}
