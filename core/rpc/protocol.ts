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
export type RequestEnvelope = z.infer<typeof requestEnvelope>

export interface RpcErrorBody {
  code: ErrorCode
  message: string
}

export type ResponseEnvelope =
  | { t: 'res'; id: number; ok: true; result: unknown }
  | { t: 'res'; id: number; ok: false; error: RpcErrorBody }

export interface EventEnvelope {
  t: 'evt'
  event: EngineEvent
}

export type ServerMessage = ResponseEnvelope | EventEnvelope

/** A bidirectional message channel carrying JSON-safe values. */
export interface Transport {
  send(message: unknown): void
  onMessage(handler: (message: unknown) => void): void
  onClose(handler: () => void): void
  close(): void
}
