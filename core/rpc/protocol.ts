// Wire envelopes. The same JSON messages travel over a MessagePort (desktop
// app), a unix socket (CLI daemon) or an in-memory pair (tests).
import { z } from 'zod'
import type { EngineEvent } from '../domain/types.js'
import type { ErrorCode } from '../errors.js'

export const requestEnvelope = z.object({
  t: z.literal('req'),
  id: z.number().int().nonnegative(),
  method: z.string().max(64),
  params: z.unknown()
})

export interface RpcErrorBody {
  code: ErrorCode
  message: string
}

export type ResponseEnvelope =
  | { t: 'res'; id: number; ok: true; result: unknown }
  /** `id` is null when the request had no usable id: the reply still says what was wrong. */
  | { t: 'res'; id: number | null; ok: false; error: RpcErrorBody }

export interface EventEnvelope {
  t: 'evt'
  event: EngineEvent
}

export type ServerMessage = ResponseEnvelope | EventEnvelope

/**
 * Delivered in place of a message a transport received but could not decode
 * (a line that is not JSON, say), so the server can still answer it.
 */
export class GarbledMessage {
  constructor(readonly reason: string) {}
}

/** A bidirectional message channel carrying JSON-safe values. */
export interface Transport {
  send(message: unknown): void
  onMessage(handler: (message: unknown) => void): void
  onClose(handler: () => void): void
  close(): void
  /**
   * Offered by transports whose peer can send faster than it reads (a
   * socket). The server decides when to hold back; the transport only reports
   * and obeys. Absent on in-process channels, where nothing piles up unseen.
   */
  readonly flow?: FlowControl
}

export interface FlowControl {
  /** Stops delivering incoming messages; they wait in the channel (for a socket, in the kernel). */
  pause(): void
  resume(): void
  /** True while sent messages wait for the peer, past the point where a sender should wait. */
  readonly needsDrain: boolean
  /** Bytes sent but not yet taken by the peer. */
  readonly backlog: number
  /** Called whenever the peer has taken the backlog. */
  onDrain(handler: () => void): void
  /** Ends the connection at once, discarding the backlog (a graceful close would wait for it). */
  abort(): void
}
