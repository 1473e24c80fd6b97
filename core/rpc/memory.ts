import type { Transport } from './protocol.js'

/**
 * Two connected in-memory transports. Messages go through structuredClone so
 * tests see exactly what a real channel would carry.
 */
export function memoryTransportPair(): [Transport, Transport] {
  const a = new MemoryEnd()
  const b = new MemoryEnd()
  a.peer = b
  b.peer = a
  return [a, b]
}

class MemoryEnd implements Transport {
  peer: MemoryEnd | null = null
  private messageHandlers: ((m: unknown) => void)[] = []
  private closeHandlers: (() => void)[] = []
  private closed = false

  send(message: unknown): void {
    const peer = this.peer
    if (this.closed || !peer) return
    const copy = structuredClone(message)
    queueMicrotask(() => peer.deliver(copy))
  }
  onMessage(handler: (m: unknown) => void): void {
    this.messageHandlers.push(handler)
  }
  onClose(handler: () => void): void {
    this.closeHandlers.push(handler)
  }
  close(): void {
    if (this.closed) return
    this.closed = true
    for (const h of this.closeHandlers) h()
    this.peer?.close()
  }
  private deliver(message: unknown): void {
    if (this.closed) return
    for (const h of this.messageHandlers) h(message)
  }
}
