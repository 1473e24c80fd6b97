// The client half of the RPC. No Node imports: the renderer uses this too.
import type { MethodName, Params, Results } from './methods.js'
import type { RpcErrorBody, ServerMessage, Transport } from './protocol.js'
import type { EngineEvent } from '../domain/types.js'
import { ERROR_CODES } from '../errors.js'
import type { ErrorCode } from '../errors.js'

export class RpcError extends Error {
  readonly code: ErrorCode
  constructor(body: RpcErrorBody) {
    super(body.message)
    this.name = 'RpcError'
    this.code = body.code
  }
}

interface Pending {
  resolve: (value: unknown) => void
  reject: (err: Error) => void
}

export class RpcClient {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private readonly listeners = new Set<(event: EngineEvent) => void>()
  private closed = false

  constructor(private readonly transport: Transport) {
    transport.onMessage((message) => this.receive(message))
    transport.onClose(() => this.failAll('the connection to the Mutual engine closed'))
  }

  call<M extends MethodName>(method: M, params: Params<M>): Promise<Results[M]> {
    if (this.closed)
      return Promise.reject(
        new RpcError({ code: 'closed', message: 'the connection to the Mutual engine is closed' })
      )
    const id = this.nextId++
    return new Promise<Results[M]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      this.transport.send({ t: 'req', id, method, params })
    })
  }

  onEvent(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  close(): void {
    if (this.closed) return
    this.transport.close()
    this.failAll('the connection to the Mutual engine closed')
  }

  private failAll(message: string): void {
    this.closed = true
    for (const p of this.pending.values()) p.reject(new RpcError({ code: 'closed', message }))
    this.pending.clear()
  }

  private receive(raw: unknown): void {
    if (typeof raw !== 'object' || raw === null) return
    const message = raw as ServerMessage
    if (message.t === 'evt') {
      for (const l of this.listeners) l(message.event)
      return
    }
    if (message.t !== 'res') return
    // The server answers even a request it could not read an id from, with a
    // null id. This client only sends well-formed requests, so no call of ours
    // waits on such a reply: there is nothing to settle, and nothing to crash.
    if (message.id === null) return
    const p = this.pending.get(message.id)
    if (!p) return
    this.pending.delete(message.id)
    if (message.ok) p.resolve(message.result)
    else p.reject(new RpcError(normaliseError(message.error)))
  }
}

function normaliseError(body: RpcErrorBody): RpcErrorBody {
  const code = (ERROR_CODES as readonly string[]).includes(body.code) ? body.code : 'internal'
  return { code, message: String(body.message) }
}
