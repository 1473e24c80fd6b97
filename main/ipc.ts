// The main process's side of the preload's IPC. Every message is checked: it
// must come from the top frame of a page served from app://mutual, and its
// arguments are validated before use.
import { ipcMain } from 'electron'
import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron'
import { isBadgeCount } from './badge.js'
import { CHANNELS } from './channels.js'
import { APP_HOST, APP_SCHEME } from './protocol.js'

interface IpcHandlers {
  connect: (contents: WebContents) => void
  openExternal: (url: unknown, contents: WebContents) => Promise<boolean>
  /** The renderer thinks the unread count changed (see badge.ts for why it is only a hint). */
  badgeHint: (count: number) => void
}

function isTrustedSender(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  try {
    const url = new URL(frame.url)
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST
  } catch {
    return false
  }
}

export function registerIpc(handlers: IpcHandlers): void {
  ipcMain.on(CHANNELS.connect, (event) => {
    if (isTrustedSender(event)) handlers.connect(event.sender)
  })
  ipcMain.handle(CHANNELS.openExternal, (event, url: unknown) =>
    isTrustedSender(event) ? handlers.openExternal(url, event.sender) : false
  )
  ipcMain.on(CHANNELS.badge, (event, count: unknown) => {
    if (isTrustedSender(event) && isBadgeCount(count)) handlers.badgeHint(count)
  })
}
