// Locks down what web content may do. The renderer shows words written by
// other people, so it is treated as if it could be hostile: no Node, no
// navigation, no new windows, no permissions, no network.
import type { Session, WebContents } from 'electron'

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

// Everything the app needs is served from app://; the engine does all networking.
const REMOTE = /^(https?|wss?|ftp|file):/i

export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy'
      )
    )
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CSP] } })
  })
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: REMOTE.test(details.url) }))
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/**
 * Applied to every WebContents the app creates. `openLink` gets the URL of a
 * link the page tried to follow or open in a new window; it decides (with the
 * person) whether the browser should open it.
 */
export function guardContents(contents: WebContents, openLink: (url: string) => void): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault()
    if (event.url) openLink(event.url)
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openLink(url)
    return { action: 'deny' }
  })
}
