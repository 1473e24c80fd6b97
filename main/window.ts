// The one app window. Its webPreferences are the core of the app's security:
// the page runs sandboxed, isolated from the preload, with no Node.
import { BrowserWindow } from 'electron'
import type { BrowserWindowConstructorOptions } from 'electron'
import { APP_URL } from './protocol.js'

export function windowOptions(
  preloadPath: string,
  devTools: boolean,
  platform: NodeJS.Platform = process.platform
): BrowserWindowConstructorOptions {
  return {
    title: 'Mutual',
    width: 1100,
    height: 760,
    minWidth: 420,
    minHeight: 480,
    // Shown once painted, so there is no white flash on start.
    show: false,
    backgroundColor: '#f7f5f2',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // macOS checks spelling with the OS. Elsewhere Chromium would download
      // dictionaries from Google, and nothing but peer traffic leaves the machine.
      spellcheck: platform === 'darwin',
      devTools
    }
  }
}

export class MainWindow {
  private window: BrowserWindow | null = null

  constructor(
    private readonly preloadPath: string,
    private readonly devTools: boolean
  ) {}

  get current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null
  }

  get focused(): boolean {
    const window = this.current
    return window !== null && window.isVisible() && window.isFocused()
  }

  /** Shows the window, creating it if it was closed, and brings it to the front. */
  show(): BrowserWindow {
    const existing = this.current
    if (existing) {
      if (existing.isMinimized()) existing.restore()
      existing.show()
      existing.focus()
      return existing
    }
    const window = new BrowserWindow(windowOptions(this.preloadPath, this.devTools))
    this.window = window
    window.once('ready-to-show', () => window.show())
    window.on('closed', () => {
      if (this.window === window) this.window = null
    })
    void window.loadURL(APP_URL)
    return window
  }
}
