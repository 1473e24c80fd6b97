// Entry point of the engine's utility process (see host.ts for why it is separate).
import { runEngineHost } from './host.js'

// parentPort exists only inside an Electron utility process; started any other
// way there is nobody to serve.
const parent = (process as { parentPort?: Electron.ParentPort }).parentPort
if (!parent) {
  console.error('engine-host runs inside the Mutual app (an Electron utility process), not on its own')
  process.exit(2)
}
runEngineHost(parent)
