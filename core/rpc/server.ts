import { isMethodName, methods } from './methods.js'
import type { MethodName, ParsedParams, Results } from './methods.js'
import { requestEnvelope } from './protocol.js'
import type { ResponseEnvelope, Transport } from './protocol.js'
import { MutualError, isMutualError } from '../errors.js'
import type { EngineEvent } from '../domain/types.js'

export type Handlers = { [M in MethodName]: (params: ParsedParams<M>) => Promise<Results[M]> }

export interface EventSource {
  on(event: 'event', listener: (e: EngineEvent) => void): unknown
  off(event: 'event', listener: (e: EngineEvent) => void): unknown
}

/**
 * Serves one client. A bad message never throws out of here: it gets an
 * error reply (when it has an id to reply to) and the server keeps serving.
 */
export function serveRpc(transport: Transport, handlers: Handlers, events: EventSource): () => void {
  const forward = (event: EngineEvent): void => transport.send({ t: 'evt', event })
  events.on('event', forward)
  let closed = false
  const stop = (): void => {
    if (closed) return
    closed = true
    events.off('event', forward)
  }
  transport.onClose(stop)
  transport.onMessage((message) => {
    void handle(message).then((reply) => {
      if (reply && !closed) transport.send(reply)
    })
  })
  return stop

  async function handle(message: unknown): Promise<ResponseEnvelope | null> {
    const envelope = requestEnvelope.safeParse(message)
    if (!envelope.success) {
      const id = idOf(message)
      return id === null ? null : failure(id, new MutualError('bad-request', 'not a valid request'))
    }
    const { id, method, params } = envelope.data
    try {
      return { t: 'res', id, ok: true, result: await dispatch(method, params) }
    } catch (err) {
      return failure(id, err)
    }
  }

  function dispatch(method: string, params: unknown): Promise<unknown> {
    if (!isMethodName(method)) throw new MutualError('bad-request', `unknown method "${method}"`)
    const parsed = methods[method].params.safeParse(params ?? {})
    if (!parsed.success) throw new MutualError('bad-request', describeIssues(parsed.error.issues))
    const handler = handlers[method] as (p: unknown) => Promise<unknown>
    return handler(parsed.data)
  }
}

function idOf(message: unknown): number | null {
  if (typeof message !== 'object' || message === null) return null
  const id = (message as { id?: unknown }).id
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null
}

function failure(id: number, err: unknown): ResponseEnvelope {
  if (isMutualError(err)) return { t: 'res', id, ok: false, error: { code: err.code, message: err.message } }
  const message = err instanceof Error ? err.message : String(err)
  return { t: 'res', id, ok: false, error: { code: 'internal', message: `something went wrong: ${message}` } }
}

interface Issue {
  path: (string | number)[]
  message: string
}

export function describeIssues(issues: Issue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ')
}
