// The tray icon: a way back to the window, a way to lock it, a way to quit,
// and the unread count where the platform has no badge.
import { Menu, Tray } from 'electron'
import { trayImage } from './icon.js'

interface TrayActions {
  show: () => void
  /** Locks the app (with a passphrase set; otherwise the engine says how to set one). */
  lock: () => void
  quit: () => void
}

export class AppTray {
  private readonly tray: Tray

  constructor(actions: TrayActions) {
    this.tray = new Tray(trayImage(process.platform))
    this.tray.setToolTip('Mutual')
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Show Mutual', click: actions.show },
        { label: 'Lock Mutual', accelerator: 'CmdOrCtrl+Shift+L', click: actions.lock },
        { type: 'separator' },
        { label: 'Quit', click: actions.quit }
      ])
    )
    // Windows and most Linux trays open on click; macOS shows the menu instead.
    this.tray.on('click', actions.show)
  }

  setUnread(count: number): void {
    this.tray.setToolTip(count > 0 ? `Mutual: ${count} unread` : 'Mutual')
  }

  destroy(): void {
    this.tray.destroy()
  }
}
