// Bundles the CLI into dist/cli.js for bin/mutual.js. The engine it embeds goes to dist/cli-chunks/,
// loaded by `daemon` and `testnet` only.
import { bundleForNode } from './node-bundle.mjs'

await bundleForNode('cli/main.ts', 'dist/cli.js')
