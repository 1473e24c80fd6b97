// Serves the renderer from app://mutual/ instead of file://. A custom standard
// scheme gives the page a real origin for CSP 'self', keeps it from reading
// arbitrary files, and lets every response carry the CSP header itself.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { protocol } from 'electron'
import { CSP } from './security.js'

export const APP_SCHEME = 'app'
export const APP_HOST = 'mutual'
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_URL = `${APP_ORIGIN}/index.html`

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8'
}

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, codeCache: true } }
  ])
}

/** The file a request maps to inside `root`, or null for anything outside it or not ours. */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '')
  const base = path.resolve(root)
  const file = path.resolve(base, relative)
  return file.startsWith(base + path.sep) ? file : null
}

export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(root, request.url)
    if (!file) return notFound()
    try {
      const body = await readFile(file)
      return new Response(body, {
        headers: {
          'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff'
        }
      })
    } catch {
      return notFound()
    }
  })
}

const notFound = (): Response =>
  new Response('not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
