import { isMethodName, methods } from './methods.js'
import type { MethodName, ParsedParams, Results } from './methods.js'
import { GarbledMessage, requestEnvelope } from './protocol.js'
import type { ResponseEnvelope, Transport } from './protocol.js'
import { MutualError, isMutualError } from '../errors.js'
import type { EngineEvent } from '../domain/types.js'

export type Handlers = { [M in MethodName]: (params: ParsedParams<M>) => Promise<Results[M]> }

/** A handler for a method that answers only that it is done. */
export function done<P>(act: (params: P) => Promise<unknown>): (params: P) => Promise<{ ok: true }> {
  return async (params) => {
    await act(params)
    return { ok: true }
  }
}

export interface EventSource {
  on(event: 'event', listener: (e: EngineEvent) => void): unknown
  off(event: 'event', listener: (e: EngineEvent) => void): unknown
}

/** Requests one client may have in flight; beyond it, its further requests wait unread. */
const MAX_IN_FLIGHT = 16
/**
 * Unread output past which a client counts as a slow consumer. Replies are
 * bounded already (reading stops while they wait, so at most MAX_IN_FLIGHT
 * more can follow), but engine events are pushed whether or not the client
 * reads, so for them this is the only bound.
 */
const MAX_UNREAD_BYTES = 8 * 1024 * 1024

/**
 * Serves one client. Every message gets exactly one reply, a bad one
 * included (with a null id when it had no usable id), and the server keeps
 * serving. Over a transport with flow control, a client that sends faster
 * than it reads is held back rather than buffered for without bound.
 */
export function serveRpc(transport: Transport, handlers: Handlers, events: EventSource): () => void {
  const flow = transport.flow
  let inFlight = 0
  let held = false
  let closed = false

  const forward = (event: EngineEvent): void => {
    if (flow && flow.backlog > MAX_UNREAD_BYTES) {
      // A slow consumer: it has stopped reading, and events would pile up
      // for it for as long as the engine runs. Drop it; it can reconnect.
      flow.abort()
      return
    }
    transport.send({ t: 'evt', event })
    regulate()
  }
  events.on('event', forward)
  const stop = (): void => {
    if (closed) return
    closed = true
    events.off('event', forward)
  }
  transport.onClose(stop)
  flow?.onDrain(regulate)
  transport.onMessage((message) => {
    inFlight++
    regulate()
    void handle(message).then((reply) => {
      inFlight--
      if (closed) return
      transport.send(reply)
      regulate()
    })
  })
  return stop

  /** The one place that decides whether to read more from this client. */
  function regulate(): void {
    if (!flow || closed) return
    const hold = inFlight >= MAX_IN_FLIGHT || flow.needsDrain
    if (hold === held) return
    held = hold
    if (hold) flow.pause()
    else flow.resume()
  }

  async function handle(message: unknown): Promise<ResponseEnvelope> {
    const envelope = requestEnvelope.safeParse(message)
    if (!envelope.success) return failure(idOf(message), badRequest(message))
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

/** Says what is wrong with a message that is not a valid request envelope. */
function badRequest(message: unknown): MutualError {
  if (message instanceof GarbledMessage) return new MutualError('bad-request', message.reason)
  if (typeof message !== 'object' || message === null || Array.isArray(message))
    return new MutualError('bad-request', 'a request must be a JSON object')
  if (!requestEnvelope.shape.id.safeParse((message as { id?: unknown }).id).success)
    return new MutualError('bad-request', 'a request needs a whole-number id, 0 or more')
  return new MutualError('bad-request', 'not a valid request')
}

/** The id to answer with: the request's own when it is a number at all, so the sender can match it. */
function idOf(message: unknown): number | null {
  if (typeof message !== 'object' || message === null) return null
  const id = (message as { id?: unknown }).id
  return typeof id === 'number' && Number.isFinite(id) ? id : null
}

function failure(id: number | null, err: unknown): ResponseEnvelope {
  if (isMutualError(err)) return { t: 'res', id, ok: false, error: { code: err.code, message: err.message } }
  const message = err instanceof Error ? err.message : String(err)
  return { t: 'res', id, ok: false, error: { code: 'internal', message: `something went wrong: ${message}` } }
}

interface Issue {
  path: (string | number)[]
  message: string
}

function describeIssues(issues: Issue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ')
}
