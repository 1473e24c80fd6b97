// The RPC Transport over a MessagePort, used on both ends: the engine host
// serves on Electron's MessagePortMain, and the main process's own client
// calls through one.
import type { Transport } from '../core/rpc/protocol.js'

/** What the transport needs from a port; Electron's MessagePortMain fits it. */
export interface PortLike {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown
  on(event: 'close', listener: () => void): unknown
  start(): void
  close(): void
}

export function portTransport(port: PortLike): Transport {
  const messageHandlers: ((message: unknown) => void)[] = []
  const closeHandlers: (() => void)[] = []
  let closed = false

  const finish = (): void => {
    if (closed) return
    closed = true
    for (const h of closeHandlers) h()
  }
  port.on('message', (event) => {
    if (closed) return
    for (const h of messageHandlers) h(event.data)
  })
  // 'close' fires when the other end goes away, e.g. the engine process died.
  port.on('close', finish)
  // A port holds incoming messages until start(); they are dispatched on a
  // later task, after the caller has attached its handlers.
  port.start()

  return {
    send(message) {
      if (!closed) port.postMessage(message)
    },
    onMessage(handler) {
      messageHandlers.push(handler)
    },
    onClose(handler) {
      closeHandlers.push(handler)
    },
    close() {
      if (closed) return
      port.close()
      finish()
    }
  }
}
