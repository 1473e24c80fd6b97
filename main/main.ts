// The app's lifecycle: one instance, one window, one engine. Each concern
// lives in its own module; this file only wires them together.
import path from 'node:path'
import { app, dialog, session } from 'electron'
import type { Notice } from '../core/domain/types.js'
import { BadgeUpdater } from './badge.js'
import { CHANNELS } from './channels.js'
import { ConfigError, parseShellConfig } from './config.js'
import type { ShellConfig } from './config.js'
import { EngineWatch } from './engine-watch.js'
import { confirmOpenExternal } from './external.js'
import { registerIpc } from './ipc.js'
import { Notifier, noticeTarget } from './notifications.js'
import { osKeychain } from './keychain.js'
import { watchIdle } from './idle-lock.js'
import { registerAppScheme, serveRenderer } from './protocol.js'
import { RendererLink } from './renderer-link.js'
import { guardContents, hardenSession } from './security.js'
import { EngineSupervisor } from './supervisor.js'
import { AppTray } from './tray.js'
import { MainWindow } from './window.js'

const APP_ID = 'org.mutual.app'

function boot(): void {
  let config: ShellConfig
  try {
    config = parseShellConfig(process.argv.slice(1), process.env)
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    dialog.showErrorBox('Mutual could not start', err.message)
    app.exit(2)
    return
  }
  // A second copy would fight the first over the profile; it hands over instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.enableSandbox()
  registerAppScheme()
  // Windows shows notifications only for an app id that matches the installer's.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID)
  app
    .whenReady()
    .then(() => start(config))
    .catch((err: unknown) => fail(err))
}

function start(config: ShellConfig): void {
  hardenSession(session.defaultSession)
  serveRenderer(path.join(__dirname, '..', 'renderer'))

  const window = new MainWindow(path.join(__dirname, 'preload.cjs'), !app.isPackaged)
  const openExternal = (url: unknown): Promise<boolean> =>
    confirmOpenExternal(url, window.current).catch(() => false)
  app.on('web-contents-created', (_event, contents) =>
    guardContents(contents, (url) => void openExternal(url))
  )

  const keychain = osKeychain()
  const supervisor = new EngineSupervisor({
    modulePath: path.join(__dirname, 'engine-host.cjs'),
    config: {
      ...config,
      storage: path.join(app.getPath('userData'), 'profile'),
      keychain: keychain !== null
    },
    keychain
  })
  const link = new RendererLink(supervisor)
  const tray = new AppTray({
    show: () => window.show(),
    lock: () => void watch.lock(),
    quit: () => app.quit()
  })
  const badge = new BadgeUpdater(
    () => watch.unread(),
    (count) => {
      app.setBadgeCount(count)
      tray.setUnread(count)
    }
  )
  const notifier = new Notifier((notice) => openThread(window, notice))
  const watch = new EngineWatch(supervisor, {
    // Someone looking at the app sees the reply there; a notification would only interrupt.
    notice: (notice) => {
      if (!window.focused) notifier.show(notice)
    },
    lockedNotice: () => {
      if (!window.focused) notifier.show(null)
    },
    lockChanged: (locked) => {
      if (locked) notifier.clear()
    },
    changed: () => badge.refresh()
  })
  registerIpc({
    connect: (contents) => link.attach(contents),
    openExternal,
    badgeHint: () => badge.refresh()
  })

  const stopIdle = watchIdle(
    () => watch.lockAfterMinutes(),
    () => void watch.lock()
  )
  app.once('will-quit', stopIdle)
  supervisor.start()
  window.show()

  app.on('second-instance', () => window.show())
  app.on('activate', () => window.show())
  app.on('window-all-closed', () => {
    // macOS apps stay in the dock with no windows open; elsewhere closing the window quits.
    if (process.platform !== 'darwin') app.quit()
  })
  let engineStopped = false
  app.on('will-quit', (event) => {
    if (engineStopped) return
    // Give the engine its chance to flush storage before the process goes.
    event.preventDefault()
    badge.dispose()
    watch.close()
    void supervisor.stop().finally(() => {
      engineStopped = true
      tray.destroy()
      app.quit()
    })
  })
}

function openThread(window: MainWindow, notice: Notice): void {
  const win = window.show()
  const target = noticeTarget(notice)
  if (target === null) return
  const send = (): void => win.webContents.send(CHANNELS.openThread, target)
  if (win.webContents.isLoading()) win.webContents.once('did-finish-load', send)
  else send()
}

function fail(err: unknown): void {
  const message = err instanceof Error ? (err.stack ?? err.message) : String(err)
  console.error(`mutual: ${message}`)
  dialog.showErrorBox('Mutual could not start', message)
  app.exit(1)
}

boot()
