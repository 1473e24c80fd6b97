// Newline-delimited JSON over a unix socket (or Windows named pipe), used
// between the `mutual` CLI and its daemon. Node-only.
import type { Socket } from 'node:net'
import { GarbledMessage } from './protocol.js'
import type { Transport } from './protocol.js'

/** One line is at most this many characters; a longer line closes the connection. */
const MAX_LINE = 4 * 1024 * 1024

export function socketTransport(socket: Socket): Transport {
  const messageHandlers: ((m: unknown) => void)[] = []
  const closeHandlers: (() => void)[] = []
  const drainHandlers: (() => void)[] = []
  const lines = new LineSplitter(() => socket.destroy())
  let paused = false
  let delivering = false
  let closed = false

  socket.setEncoding('utf8')
  socket.on('data', (chunk: string) => {
    lines.push(chunk)
    deliverWhileRunning()
  })
  socket.on('drain', () => {
    for (const h of drainHandlers) h()
  })
  socket.on('close', finish)
  socket.on('error', () => socket.destroy())

  // One chunk can hold many lines: pausing must also stop the ones already
  // read, or a single chunk could put hundreds of requests in flight.
  function deliverWhileRunning(): void {
    if (delivering) return
    delivering = true
    try {
      let line = paused || closed ? undefined : lines.next()
      while (line !== undefined) {
        if (line.trim()) deliver(line)
        line = paused || closed ? undefined : lines.next()
      }
    } finally {
      delivering = false
    }
  }

  function deliver(line: string): void {
    let message: unknown
    try {
      message = JSON.parse(line)
    } catch {
      message = new GarbledMessage('that request was not valid JSON')
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
    },
    flow: {
      pause() {
        paused = true
        socket.pause()
      },
      resume() {
        paused = false
        socket.resume()
        deliverWhileRunning()
      },
      get needsDrain() {
        return socket.writableNeedDrain
      },
      get backlog() {
        return socket.writableLength
      },
      onDrain(handler) {
        drainHandlers.push(handler)
      },
      abort() {
        socket.destroy()
        finish()
      }
    }
  }
}

/**
 * Splits a stream of text into lines. A long line is kept as a list of pieces
 * and joined once, so a line arriving in many chunks costs linear time, not
 * the quadratic cost of re-concatenating and re-scanning it per chunk.
 */
class LineSplitter {
  private partial: string[] = []
  private partialLength = 0
  private ready: string[] = []
  private head = 0

  constructor(private readonly onTooLong: () => void) {}

  push(chunk: string): void {
    let start = 0
    let newline = chunk.indexOf('\n')
    while (newline !== -1) {
      this.partial.push(chunk.slice(start, newline))
      this.partialLength += newline - start
      if (this.partialLength > MAX_LINE) return this.tooLong()
      this.ready.push(this.partial.length === 1 ? (this.partial[0] ?? '') : this.partial.join(''))
      this.partial = []
      this.partialLength = 0
      start = newline + 1
      newline = chunk.indexOf('\n', start)
    }
    if (start < chunk.length) {
      this.partial.push(chunk.slice(start))
      this.partialLength += chunk.length - start
      if (this.partialLength > MAX_LINE) this.tooLong()
    }
  }

  /** The next complete line, or undefined when none is waiting. */
  next(): string | undefined {
    if (this.head >= this.ready.length) return undefined
    const line = this.ready[this.head++]
    if (this.head === this.ready.length) {
      this.ready = []
      this.head = 0
    }
    return line
  }

  private tooLong(): void {
    this.partial = []
    this.partialLength = 0
    this.ready = []
    this.head = 0
    this.onTooLong()
  }
}
