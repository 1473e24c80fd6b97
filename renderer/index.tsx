// The renderer's entry: connect to the engine through `window.mutual` (set
// by the Electron preload, or by the browser tests) and show the app.

// Tokens, then page-wide rules, then the shared controls and pages, ahead of
// every component's own styles so those can build on them.
import './styles/tokens.css'
import './styles/global.css'
import './styles/controls.css'
import './styles/page.css'
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
