// Renders the real app (or one view) over a bridge to an engine, in happy-dom.
import { configure, render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { App } from '../App.js'
import { EngineConnection } from '../engine/connection.js'
import { EngineProvider } from '../engine/hooks.js'
import type { MutualBridge } from '../../core/rpc/bridge.js'

/**
 * happy-dom does no layout, so give scrolling areas and posts a size: the
 * virtualized lists then render the rows a 600px window would show.
 */
function fakeLayout(viewport = 600, row = 150): void {
  const proto = HTMLElement.prototype
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('post-scroller') ? viewport : 0
    }
  })
  Object.defineProperty(proto, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('post-scroller') ? 800 : 0
    }
  })
  Object.defineProperty(proto, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.tagName === 'ARTICLE' ? row : 0
    }
  })
}

// The whole suite shares two cores with real swarms and a browser: give
// findBy/waitFor room before calling something missing.
configure({ asyncUtilTimeout: 5000 })

export function renderWith<B extends MutualBridge>(bridge: B, ui: ReactNode = <App />) {
  fakeLayout()
  const engine = new EngineConnection(bridge)
  const user = userEvent.setup()
  const result = render(<EngineProvider engine={engine}>{ui}</EngineProvider>)
  return { ...result, engine, user, bridge }
}
