// The renderer's entry: connect to the engine through `window.mutual` (set
// by the Electron preload, or by the browser tests) and show the app.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { MutualBridge } from '../core/rpc/bridge.js'
import { App } from './App.js'
import { LockGate } from './components/device/LockGate.js'
import { EngineConnection } from './engine/connection.js'
import { EngineProvider } from './engine/hooks.js'
import { strings } from './strings/index.js'

const root = document.getElementById('root')
const bridge = (window as Window & { mutual?: MutualBridge }).mutual

if (root) {
  document.documentElement.lang = strings.locale
  document.title = strings.appName
  if (!bridge) {
    root.textContent = strings.engine.failed
  } else {
    const engine = new EngineConnection(bridge)
    createRoot(root).render(
      <StrictMode>
        <EngineProvider engine={engine}>
          <LockGate>
            <App />
          </LockGate>
        </EngineProvider>
      </StrictMode>
    )
  }
}
