// Bundles the CLI (and the engine it embeds) into dist/cli.js for bin/mutual.js.
import { bundleForNode } from './node-bundle.mjs'

await bundleForNode('cli/main.ts', 'dist/cli.js')
