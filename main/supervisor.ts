// Keeps the engine running in an Electron utility process. When it dies
// unexpectedly it is started again, and everyone holding a port is told
// (status 'restarting', then a fresh port, then 'ready'). A crash loop ends in
// 'failed' rather than burning CPU and flooding the UI with restarts.
import { MessageChannelMain, utilityProcess } from 'electron'
import type { MessagePortMain, UtilityProcess } from 'electron'
import type { EngineStatus } from '../core/rpc/bridge.js'
import { parseFromEngine } from './engine-messages.js'
import type { EngineConfig, FromEngine, ToEngine } from './engine-messages.js'

export interface SupervisorOptions {
  /** The bundled engine-host script. */
  modulePath: string
  config: EngineConfig
  /** This many crashes within `crashWindowMs` and the supervisor gives up. */
  maxCrashes?: number
  crashWindowMs?: number
  /** Wait before restart number `n` (1-based); the first restart is immediate by default. */
  restartDelayMs?: (n: number) => number
  /** Grace period for a clean shutdown before the process is killed. */
  stopTimeoutMs?: number
  now?: () => number
  log?: (line: string) => void
  /** The OS keychain the engine may seal its profile key with (see keychain.ts). */
  keychain?: KeychainBackend | null
}

/** Sealing and opening with the OS keychain: Electron's safeStorage in the app. */
export interface KeychainBackend {
  seal(data: Buffer): Buffer
  open(data: Buffer): Buffer
}

export class EngineSupervisor {
  private child: UtilityProcess | null = null
  private current: EngineStatus | null = null
  private crashes: number[] = []
  private fatal: Extract<FromEngine, { type: 'fatal' }> | null = null
  private restartTimer: NodeJS.Timeout | null = null
  private stopping: Promise<void> | null = null
  private readonly statusListeners = new Set<(status: EngineStatus) => void>()
  private readonly startListeners = new Set<() => void>()

  constructor(private readonly options: SupervisorOptions) {}

  /** Null until the first engine reports ready. */
  get status(): EngineStatus | null {
    return this.current
  }

  onStatus(listener: (status: EngineStatus) => void): () => void {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  /** Called after every (re)start: the moment to ask for fresh ports with connect(). */
  onStart(listener: () => void): () => void {
    this.startListeners.add(listener)
    return () => this.startListeners.delete(listener)
  }

  start(): void {
    if (this.child || this.stopping) return
    this.fatal = null
    const child = utilityProcess.fork(this.options.modulePath, [], {
      serviceName: 'Mutual engine',
      stdio: 'inherit'
    })
    this.child = child
    child.on('message', (message: unknown) => this.receive(child, message))
    child.once('exit', (code: number) => this.exited(child, code))
    // Messages posted before the child is up are queued, so the config and
    // the first ports can go out straight away.
    this.post(child, { type: 'start', config: this.options.config })
    for (const listener of this.startListeners) listener()
  }

  /** A new RPC channel to the running engine, or null when none is running. */
  connect(): MessagePortMain | null {
    const child = this.child
    if (!child) return null
    const { port1, port2 } = new MessageChannelMain()
    this.post(child, { type: 'connect' }, [port1])
    return port2
  }

  /** Asks the engine to close its storage cleanly, then kills it if it takes too long. */
  stop(): Promise<void> {
    this.stopping ??= new Promise<void>((resolve) => {
      if (this.restartTimer) clearTimeout(this.restartTimer)
      const child = this.child
      if (!child) return resolve()
      const timer = setTimeout(() => {
        this.log('the engine did not stop in time; killing it')
        child.kill()
        resolve()
      }, this.options.stopTimeoutMs ?? 15_000)
      child.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
      this.post(child, { type: 'stop' })
    })
    return this.stopping
  }

  private receive(child: UtilityProcess, raw: unknown): void {
    if (child !== this.child) return
    const message = parseFromEngine(raw)
    if (!message) return this.log('ignored a message from the engine it does not understand')
    if (message.type === 'ready') this.setStatus({ state: 'ready' })
    else if (message.type === 'keychain') this.keychain(child, message)
    else this.fatal = message
  }

  private keychain(child: UtilityProcess, request: Extract<FromEngine, { type: 'keychain' }>): void {
    const { id } = request
    const backend = this.options.keychain
    try {
      if (!backend) throw new Error('this system offers no keychain')
      const data = Buffer.from(request.data, 'base64')
      const out = request.op === 'seal' ? backend.seal(data) : backend.open(data)
      this.post(child, { type: 'keychain-reply', id, ok: true, data: out.toString('base64') })
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      this.post(child, { type: 'keychain-failed', id, reason: reason.slice(0, 500) })
    }
  }

  private exited(child: UtilityProcess, code: number): void {
    if (child !== this.child) return
    this.child = null
    if (this.stopping) return
    const fatal = this.fatal
    const reason = fatal?.reason ?? `the Mutual engine stopped unexpectedly (exit code ${code})`
    this.log(reason)
    if (fatal && !fatal.retry) return this.setStatus({ state: 'failed', reason })

    const now = (this.options.now ?? Date.now)()
    const window = this.options.crashWindowMs ?? 60_000
    this.crashes = [...this.crashes.filter((t) => now - t < window), now]
    const maxCrashes = this.options.maxCrashes ?? 3
    if (this.crashes.length >= maxCrashes) {
      return this.setStatus({
        state: 'failed',
        reason: `${reason}. It stopped ${this.crashes.length} times in ${Math.round(window / 1000)} seconds, so Mutual is no longer restarting it.`
      })
    }
    this.setStatus({ state: 'restarting', reason })
    const delay = (this.options.restartDelayMs ?? defaultDelay)(this.crashes.length)
    if (delay <= 0) return this.start()
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null
      this.start()
    }, delay)
  }

  private setStatus(status: EngineStatus): void {
    this.current = status
    for (const listener of this.statusListeners) listener(status)
  }

  private post(child: UtilityProcess, message: ToEngine, ports?: MessagePortMain[]): void {
    child.postMessage(message, ports)
  }

  private log(line: string): void {
    ;(this.options.log ?? ((l: string) => console.error(`mutual: ${l}`)))(line)
  }
}

const defaultDelay = (n: number): number => (n <= 1 ? 0 : 1000 * (n - 1))
