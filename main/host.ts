// The engine host: runs the Mutual engine inside Electron's utility process,
// apart from the window, so a crash in the engine (or in a native addon) never
// takes the UI down with it. No Electron imports: the parent port is passed in,
// which lets tests drive this with Node's own MessageChannel.
import { mkdirSync } from 'node:fs'
import { Mutual } from '../core/mutual.js'
import { isMutualError } from '../core/errors.js'
import { parseBootstrap } from '../core/network.js'
import { serveRpc } from '../core/rpc/server.js'
import { createHandlers } from '../core/rpc/handlers.js'
import type { Transport } from '../core/rpc/protocol.js'
import { parseToEngine } from './engine-messages.js'
import type { EngineConfig, FromEngine } from './engine-messages.js'
import { portTransport } from './port-transport.js'
import { ParentKeychain } from './host-keychain.js'
import type { PortLike } from './port-transport.js'

/** What the host needs from Electron's `process.parentPort`. */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports: readonly PortLike[] }) => void): unknown
  postMessage(message: unknown): void
}

interface HostOptions {
  /** Ends the process; injectable so tests can watch it instead. */
  exit?: (code: number) => void
  /** Closing flushes storage, but must not hang the quitting app forever. */
  closeTimeoutMs?: number
  log?: (line: string) => void
}

export function runEngineHost(parent: ParentPortLike, options: HostOptions = {}): void {
  const exit = options.exit ?? ((code: number) => process.exit(code))
  const log = options.log ?? ((line: string) => console.error(line))
  const closeTimeoutMs = options.closeTimeoutMs ?? 15_000

  let engine: Mutual | null = null
  let ready = false
  let stopping = false
  // Ports can arrive while the engine is still opening; they wait here.
  const waiting: PortLike[] = []
  const transports = new Set<Transport>()

  const tell = (message: FromEngine): void => parent.postMessage(message)
  const keychain = new ParentKeychain(tell)

  parent.on('message', (event) => {
    const message = parseToEngine(event.data)
    if (!message) return log('mutual engine: ignored a message it does not understand')
    if (keychain.receive(message)) return
    if (message.type === 'start') void start(message.config)
    else if (message.type === 'connect') connect(event.ports[0])
    else void stop()
  })

  async function start(config: EngineConfig): Promise<void> {
    if (engine || stopping) return
    let opening: Mutual | null = null
    try {
      const bootstrap = config.bootstrap === null ? undefined : parseBootstrap(config.bootstrap)
      // The profile holds every community's keys: private to this user, like the CLI daemon's.
      mkdirSync(config.storage, { recursive: true, mode: 0o700 })
      // A profile with a passphrase opens locked; the window asks for it (lock.unlock).
      // Without one, the profile key is sealed by the OS keychain, where the main process offers one.
      opening = new Mutual({
        storage: config.storage,
        bootstrap,
        offline: config.offline,
        startLocked: true,
        keychain: config.keychain ? keychain : undefined
      })
      engine = opening
      await opening.ready()
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      log(`mutual engine: could not start: ${reason}`)
      // A bad bootstrap, a profile open elsewhere or a keychain that cannot open it fails the same way every time.
      const permanent =
        isMutualError(err) &&
        (err.code === 'bad-request' || err.code === 'storage-locked' || err.code === 'keychain-unavailable')
      tell({ type: 'fatal', reason, retry: !permanent })
      await opening?.close().catch(() => undefined)
      exit(1)
      return
    }
    if (stopping) return
    ready = true
    for (const port of waiting.splice(0)) serve(port)
    tell({ type: 'ready' })
  }

  function connect(port: PortLike | undefined): void {
    if (!port) return
    if (stopping) port.close()
    else if (ready) serve(port)
    else waiting.push(port)
  }

  function serve(port: PortLike): void {
    if (!engine) return
    const transport = portTransport(port)
    transports.add(transport)
    transport.onClose(() => transports.delete(transport))
    serveRpc(transport, createHandlers(engine), engine)
  }

  async function stop(): Promise<void> {
    if (stopping) return
    stopping = true
    for (const port of waiting.splice(0)) port.close()
    for (const transport of [...transports]) transport.close()
    const timer = setTimeout(() => {
      log(`mutual engine: did not close within ${closeTimeoutMs / 1000}s; exiting anyway`)
      exit(1)
    }, closeTimeoutMs)
    timer.unref()
    try {
      await engine?.close()
      clearTimeout(timer)
      exit(0)
    } catch (err) {
      clearTimeout(timer)
      log(`mutual engine: while closing: ${err instanceof Error ? err.message : String(err)}`)
      exit(1)
    }
  }
}
