import { beforeEach, expect, test, vi } from 'vitest'
import type { Session, WebContents } from 'electron'
import { MainWindow, windowOptions } from './window.js'
import { CSP, guardContents, hardenSession } from './security.js'
import { FakeWebContents, windows } from './testing/fake-electron.js'

vi.mock('electron', () => import('./testing/fake-electron.js'))

beforeEach(() => {
  windows.length = 0
})

test('shell: the window runs the page sandboxed and isolated, without Node or webviews, with the preload', () => {
  new MainWindow('/app/dist/main/preload.cjs', false).show()
  expect(windows).toHaveLength(1)
  expect(windows[0]?.options).toMatchObject({
    webPreferences: {
      preload: '/app/dist/main/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: false
    }
  })
})

test('shell: spelling is checked only where the OS does it, so no dictionary is downloaded from Google', () => {
  expect(windowOptions('/p.cjs', false, 'darwin').webPreferences?.spellcheck).toBe(true)
  expect(windowOptions('/p.cjs', false, 'linux').webPreferences?.spellcheck).toBe(false)
  expect(windowOptions('/p.cjs', false, 'win32').webPreferences?.spellcheck).toBe(false)
})

test('shell: the page is loaded from the app:// scheme, never from a remote or file:// address', () => {
  new MainWindow('/p.cjs', false).show()
  expect(windows[0]?.loadedUrl).toBe('app://mutual/index.html')
})

test('shell: showing the window again brings the same window forward instead of opening another', () => {
  const main = new MainWindow('/p.cjs', false)
  const first = main.show()
  const fake = windows[0]
  if (fake) fake.minimized = true
  expect(main.show()).toBe(first)
  expect(windows).toHaveLength(1)
  expect(first.isMinimized()).toBe(false)
  expect(first.isFocused()).toBe(true)
})

function guarded(): { contents: FakeWebContents; links: string[] } {
  const contents = new FakeWebContents()
  const links: string[] = []
  guardContents(contents as unknown as WebContents, (url) => links.push(url))
  return { contents, links }
}

function fakeEvent(url?: string): { url?: string; defaultPrevented: boolean; preventDefault(): void } {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    }
  }
}

test('shell: navigation is refused, and a followed link is only offered to the external-link check', () => {
  const { contents, links } = guarded()
  const navigate = fakeEvent('https://example.org/page')
  contents.emit('will-navigate', navigate)
  expect(navigate.defaultPrevented).toBe(true)
  expect(links).toEqual(['https://example.org/page'])

  const redirect = fakeEvent('https://elsewhere.example/')
  contents.emit('will-redirect', redirect)
  expect(redirect.defaultPrevented).toBe(true)
})

test('shell: opening a new window is always denied', () => {
  const { contents, links } = guarded()
  expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' })
  expect(contents.windowOpenHandler?.({ url: 'app://mutual/index.html' })).toEqual({ action: 'deny' })
  expect(links).toEqual(['https://example.org/', 'app://mutual/index.html'])
})

test('shell: webviews are refused', () => {
  const { contents } = guarded()
  const attach = fakeEvent()
  contents.emit('will-attach-webview', attach)
  expect(attach.defaultPrevented).toBe(true)
})

function fakeSession() {
  const hooks: {
    headers?: (details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void
    request?: (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void
    permission?: (contents: unknown, permission: string, cb: (granted: boolean) => void) => void
    check?: () => boolean
  } = {}
  const session = {
    webRequest: {
      onHeadersReceived: (fn: typeof hooks.headers) => (hooks.headers = fn),
      onBeforeRequest: (fn: typeof hooks.request) => (hooks.request = fn)
    },
    setPermissionRequestHandler: (fn: typeof hooks.permission) => (hooks.permission = fn),
    setPermissionCheckHandler: (fn: typeof hooks.check) => (hooks.check = fn)
  }
  hardenSession(session as unknown as Session)
  return hooks
}

test('shell: every response carries the strict content security policy, replacing any other', () => {
  const hooks = fakeSession()
  let result: unknown
  hooks.headers?.({ responseHeaders: { 'content-security-policy': ['*'], 'X-Other': ['1'] } }, (r) => {
    result = r
  })
  expect(result).toEqual({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CSP] } })
  expect(CSP).toBe(
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
      "connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
  )
})

test('shell: permission requests are denied and web content cannot reach the network', () => {
  const hooks = fakeSession()
  const granted: boolean[] = []
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read'])
    hooks.permission?.({}, permission, (g) => granted.push(g))
  expect(granted).toEqual([false, false, false, false])
  expect(hooks.check?.()).toBe(false)

  const cancelled = (url: string): boolean | undefined => {
    let cancel: boolean | undefined
    hooks.request?.({ url }, (r) => (cancel = r.cancel))
    return cancel
  }
  expect(cancelled('https://tracker.example/pixel.gif')).toBe(true)
  expect(cancelled('http://127.0.0.1:8080/')).toBe(true)
  expect(cancelled('wss://relay.example/')).toBe(true)
  expect(cancelled('file:///etc/passwd')).toBe(true)
  expect(cancelled('app://mutual/assets/app.js')).toBe(false)
})
