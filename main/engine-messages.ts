// The messages between the main process and the engine host. Each side checks
// what it receives: the two are separate processes and either may be a
// different build during development.
import { z } from 'zod'

const engineConfig = z
  .object({
    storage: z.string().min(1),
    /** HOST:PORT[,HOST:PORT...] exactly as given; the engine host parses it. Null means the public DHT. */
    bootstrap: z.string().nullable(),
    offline: z.boolean(),
    /** Whether the main process offers a real OS keychain (safeStorage) to seal the profile key. */
    keychain: z.boolean()
  })
  .strict()
export type EngineConfig = z.infer<typeof engineConfig>

/** A sealed or plain secret between the processes, base64; bounded, as either side may be another build. */
const secret = z.string().regex(/^[A-Za-z0-9+/]{0,8192}={0,2}$/)
const requestId = z.number().int().nonnegative()

const toEngine = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), config: engineConfig }),
  /** Carries one MessagePort (in the event's ports) to serve the RPC on. */
  z.object({ type: z.literal('connect') }),
  z.object({ type: z.literal('stop') }),
  /** The answer to a keychain request: the sealed or opened secret, or why not. */
  z.object({ type: z.literal('keychain-reply'), id: requestId, ok: z.literal(true), data: secret }),
  z.object({ type: z.literal('keychain-failed'), id: requestId, reason: z.string().max(500) })
])
export type ToEngine = z.infer<typeof toEngine>

const fromEngine = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** The engine could not start. `retry: false` when starting again cannot help (bad settings, profile in use). */
  z.object({ type: z.literal('fatal'), reason: z.string(), retry: z.boolean() }),
  /** Asks the main process to seal or open the profile key with the OS keychain. */
  z.object({ type: z.literal('keychain'), id: requestId, op: z.enum(['seal', 'open']), data: secret })
])
export type FromEngine = z.infer<typeof fromEngine>

export function parseToEngine(value: unknown): ToEngine | null {
  const parsed = toEngine.safeParse(value)
  return parsed.success ? parsed.data : null
}

export function parseFromEngine(value: unknown): FromEngine | null {
  const parsed = fromEngine.safeParse(value)
  return parsed.success ? parsed.data : null
}
