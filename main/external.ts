// Opening links outside the app. A link in a post is written by another
// member, so it is treated as untrusted: https only, shown in full, and only
// opened after the person says yes.
import { dialog, shell } from 'electron'
import type { BaseWindow } from 'electron'

const MAX_URL_LENGTH = 2048

/** The URL to open, or null if it must not be opened. */
export function parseExternalUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' || !url.hostname) return null
  // `https://trusted.example@elsewhere.example` reads as one site and goes to another.
  if (url.username || url.password) return null
  return url
}

// One question at a time: a page cannot stack up dialogs until one gets a careless yes.
let asking = false

/** Asks first; resolves true only if the link was handed to the browser. */
export async function confirmOpenExternal(raw: unknown, parent: BaseWindow | null): Promise<boolean> {
  const url = parseExternalUrl(raw)
  if (!url || asking) return false
  asking = true
  try {
    return await confirmAndOpen(url, parent)
  } finally {
    asking = false
  }
}

async function confirmAndOpen(url: URL, parent: BaseWindow | null): Promise<boolean> {
  const options = {
    type: 'question' as const,
    buttons: ['Cancel', 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    title: 'Open link',
    message: 'Open this link in your browser?',
    // href shows the hostname in punycode, which exposes look-alike letters.
    detail: url.href
  }
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options)
  if (response !== 1) return false
  await shell.openExternal(url.href)
  return true
}
