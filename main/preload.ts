// Runs in the sandboxed preload: the only code with both IPC and the page.
// It exposes `window.mutual` (MutualBridge) and nothing else, never ipcRenderer
// itself. Bundled into one file, since a sandboxed preload can require only
// 'electron'.
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS } from './channels.js'
import { createBridgeLink } from './preload-link.js'

const link = createBridgeLink({
  openExternal: (url) => ipcRenderer.invoke(CHANNELS.openExternal, url),
  setBadgeCount: (count) => ipcRenderer.send(CHANNELS.badge, count)
})

ipcRenderer.on(CHANNELS.port, (event) => {
  const port = event.ports[0]
  if (!port) return
  link.attachPort({
    send: (message) => port.postMessage(message),
    listen: (deliver) => {
      port.onmessage = (e: MessageEvent<unknown>) => deliver(e.data)
      port.start()
    },
    close: () => port.close()
  })
})
ipcRenderer.on(CHANNELS.status, (_event, status: unknown) => link.setStatus(status))
ipcRenderer.on(CHANNELS.openThread, (_event, target: unknown) => link.openThread(target))

contextBridge.exposeInMainWorld('mutual', link.api)
ipcRenderer.send(CHANNELS.connect)
