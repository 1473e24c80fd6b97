// A stand-in for the 'electron' module in the shell's unit tests, loaded with
//   vi.mock('electron', () => import('./testing/fake-electron.js'))
// Each fake records what the code under test asked of Electron, and lets a
// test play Electron's part (emit 'exit', click a notification...).
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

export class FakeMessagePortMain extends EventEmitter {
  readonly posted: unknown[] = []
  started = false
  closed = false
  postMessage(message: unknown): void {
    this.posted.push(message)
  }
  start(): void {
    this.started = true
  }
  close(): void {
    this.closed = true
  }
}

export const channels: MessageChannelMain[] = []
export class MessageChannelMain {
  readonly port1 = new FakeMessagePortMain()
  readonly port2 = new FakeMessagePortMain()
  constructor() {
    channels.push(this)
  }
}

export class FakeUtilityProcess extends EventEmitter {
  readonly messages: { message: unknown; ports: FakeMessagePortMain[] }[] = []
  killed = false
  constructor(
    readonly modulePath: string,
    readonly options: unknown
  ) {
    super()
  }
  postMessage(message: unknown, ports: FakeMessagePortMain[] = []): void {
    this.messages.push({ message, ports })
  }
  kill(): boolean {
    this.killed = true
    return true
  }
}

export const forks: FakeUtilityProcess[] = []
export const utilityProcess = {
  fork: vi.fn((modulePath: string, _args?: string[], options?: unknown) => {
    const child = new FakeUtilityProcess(modulePath, options)
    forks.push(child)
    return child
  })
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' }

/** One entry per send() or postMessage(), in order. */
export type Sent = { how: 'send' | 'postMessage'; channel: string; payload: unknown; ports?: unknown[] }

export class FakeWebContents extends EventEmitter {
  readonly sent: Sent[] = []
  destroyed = false
  loading = false
  windowOpenHandler: WindowOpenHandler | null = null
  send(channel: string, payload: unknown): void {
    this.sent.push({ how: 'send', channel, payload })
  }
  postMessage(channel: string, payload: unknown, ports: unknown[] = []): void {
    this.sent.push({ how: 'postMessage', channel, payload, ports })
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isLoading(): boolean {
    return this.loading
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }
}

export const windows: BrowserWindow[] = []

export class BrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents()
  loadedUrl: string | null = null
  visible = false
  focused = false
  minimized = false
  destroyed = false
  constructor(readonly options: unknown) {
    super()
    windows.push(this)
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    return Promise.resolve()
  }
  show(): void {
    this.visible = true
  }
  focus(): void {
    this.focused = true
  }
  isVisible(): boolean {
    return this.visible
  }
  isFocused(): boolean {
    return this.focused
  }
  isMinimized(): boolean {
    return this.minimized
  }
  restore(): void {
    this.minimized = false
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export const dialog = {
  /** The button the person "clicks" in the next message box. */
  nextResponse: 0,
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({
    response: dialog.nextResponse,
    checkboxChecked: false
  })),
  showErrorBox: vi.fn()
}

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) }

export const notifications: Notification[] = []
export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return true
  }
  shown = false
  constructor(readonly options: { title: string; body: string }) {
    super()
    notifications.push(this)
  }
  closed = false
  show(): void {
    this.shown = true
  }
  close(): void {
    this.closed = true
  }
}

/** The system's idle time in seconds, as tests set it. */
export const powerMonitor = { idleSeconds: 0, getSystemIdleTime: vi.fn(() => powerMonitor.idleSeconds) }

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    this.handlers.set(channel, handler)
  }
}
export const ipcMain = new FakeIpcMain()

export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }

/** safeStorage as a platform reports it; tests set what the OS offers. */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable: vi.fn(() => safeStorage.available),
  getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
  encryptString: vi.fn((text: string) => Buffer.from(`sealed:${text}`)),
  decryptString: vi.fn((sealed: Buffer) => sealed.toString().replace(/^sealed:/, ''))
}
