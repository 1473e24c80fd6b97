// Newline-delimited JSON over a unix socket (or Windows named pipe), used
// between the `mutual` CLI and its daemon. Node-only.
import type { Socket } from 'node:net'
import type { Transport } from './protocol.js'

/** One line is at most this many characters; a longer line closes the connection. */
const MAX_LINE = 4 * 1024 * 1024

export function socketTransport(socket: Socket): Transport {
  const messageHandlers: ((m: unknown) => void)[] = []
  const closeHandlers: (() => void)[] = []
  let buffer = ''
  let closed = false

  socket.setEncoding('utf8')
  socket.on('data', (chunk: string) => {
    buffer += chunk
    let newline = buffer.indexOf('\n')
    while (newline !== -1) {
      const line = buffer.slice(0, newline)
      buffer = buffer.slice(newline + 1)
      if (line.trim()) deliver(line)
      newline = buffer.indexOf('\n')
    }
    if (buffer.length > MAX_LINE) socket.destroy()
  })
  socket.on('close', finish)
  socket.on('error', () => socket.destroy())

  function deliver(line: string): void {
    let message: unknown
    try {
      message = JSON.parse(line)
    } catch {
      // A garbled line gets the same answer as any other bad request.
      message = { t: 'bad-json' }
    }
    for (const h of messageHandlers) h(message)
  }

  function finish(): void {
    if (closed) return
    closed = true
    for (const h of closeHandlers) h()
  }

  return {
    send(message) {
      if (!closed && socket.writable) socket.write(JSON.stringify(message) + '\n')
    },
    onMessage(handler) {
      messageHandlers.push(handler)
    },
    onClose(handler) {
      closeHandlers.push(handler)
    },
    close() {
      socket.end()
      finish()
    }
  }
}
