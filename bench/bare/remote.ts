// A bare member in its own process, as Mutual's other members run as
// `mutual daemon` processes: the benchmark drives it over Node's IPC channel,
// one request and one answer per call, and hears its view updates as events.
import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { BenchLab } from '../fixtures.js'
import type { Cursor, Member } from '../stacks.js'
import { BarePeer } from './peer.js'
import type { BareConfig, BareIdentity } from './peer.js'

interface Request {
  id: number
  method: string
  args: unknown[]
}
type Message = { id: number; result?: unknown; error?: string } | { event: 'update' }

export class BareRemote implements Member {
  private next = 0
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
  private readonly listeners = new Set<() => void>()
  identity!: BareIdentity

  private constructor(
    private readonly child: ChildProcess,
    readonly dir: string
  ) {
    child.on('message', (msg: Message) => {
      if ('event' in msg) {
        for (const l of [...this.listeners]) l()
        return
      }
      const waiting = this.pending.get(msg.id)
      this.pending.delete(msg.id)
      if (msg.error !== undefined) waiting?.reject(new Error(`bare member: ${msg.error}`))
      else waiting?.resolve(msg.result)
    })
    child.once('exit', (code) => {
      for (const w of this.pending.values()) w.reject(new Error(`bare member exited ${code}`))
      this.pending.clear()
    })
  }

  /** Starts a member process on a fresh folder; `key` null founds a new base. */
  static async start(lab: BenchLab, base: Pick<BareConfig, 'key' | 'encryptionKey'>): Promise<BareRemote> {
    const dir = await lab.dir()
    const script = fileURLToPath(import.meta.url)
    // stdout stays apart from the benchmark's JSON.
    const child = fork(script, ['--child', 'bare'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
    lab.adopt(child)
    const remote = new BareRemote(child, dir)
    const config: BareConfig = { dir, bootstrap: lab.bootstrap, ...base }
    remote.identity = (await remote.call('open', config)) as BareIdentity
    await remote.setOnline(true)
    return remote
  }

  private call(method: string, ...args: unknown[]): Promise<unknown> {
    const id = this.next++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.child.send({ id, method, args } satisfies Request)
    })
  }

  addWriter(localKey: string, indexer: boolean): Promise<void> {
    return this.call('addWriter', localKey, indexer).then(() => undefined)
  }

  writable(): Promise<void> {
    return this.call('writable').then(() => undefined)
  }

  async post(text: string): Promise<string> {
    return (await this.call('post', text)) as string
  }

  async fill(n: number, opts: { label: string; inFlight?: number }): Promise<void> {
    await this.call('fill', n, opts)
  }

  async page(limit: number, before?: Cursor): Promise<{ ids: string[]; next: Cursor | null }> {
    return (await this.call('page', limit, before)) as { ids: string[]; next: Cursor | null }
  }

  async viewVersion(): Promise<string> {
    return (await this.call('viewVersion')) as string
  }

  async setOnline(online: boolean): Promise<void> {
    await this.call('setOnline', online)
  }

  onEvent(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** How many stalled connection setups this member dropped (see dropIfSilent in peer.ts). */
  async halfOpenDropped(): Promise<number> {
    return (await this.call('halfOpenDropped')) as number
  }

  /** A clean stop: the base and store are closed before the process exits. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || !this.child.connected) return
    const exited = new Promise((r) => this.child.once('exit', r))
    await this.call('close')
    await exited
  }
}

/** The member process: `node dist/bench.js --child bare`, driven by BareRemote. */
export function bareChild(): void {
  let peer: BarePeer | null = null
  let queued = false
  const send = (msg: Message, sent?: () => void): void => void process.send?.(msg, undefined, {}, sent)
  const methods: Record<string, (...args: never[]) => Promise<unknown>> = {
    open: async (config: BareConfig) => {
      peer = await BarePeer.open(config)
      // Updates are passed on once per turn of the event loop, as Mutual's engine batches its events.
      peer.onEvent(() => {
        if (queued) return
        queued = true
        setImmediate(() => {
          queued = false
          send({ event: 'update' })
        })
      })
      return peer.identity
    },
    addWriter: (key: string, indexer: boolean) => open().addWriter(key, indexer),
    writable: () => open().writable(),
    post: (text: string) => open().post(text),
    fill: (n: number, opts: { label: string; inFlight?: number }) => open().fill(n, opts),
    page: (limit: number, before?: Cursor) => open().page(limit, before),
    viewVersion: () => open().viewVersion(),
    setOnline: (online: boolean) => open().setOnline(online),
    halfOpenDropped: async () => open().halfOpenDropped,
    close: async () => {
      await peer?.close()
      peer = null
    }
  }
  const open = (): BarePeer => {
    if (!peer) throw new Error('bare member not opened')
    return peer
  }
  // The benchmark is gone (even killed outright): nothing is left to answer for.
  process.once('disconnect', () => process.exit(0))
  process.on('message', (req: Request) => {
    const method = methods[req.method]
    Promise.resolve()
      .then(() => {
        if (!method) throw new Error(`no method ${req.method}`)
        return method(...(req.args as never[]))
      })
      .then(
        // After a clean close the answer is the last thing this process does.
        (result) => send({ id: req.id, result }, req.method === 'close' ? () => process.exit(0) : undefined),
        (err: unknown) => send({ id: req.id, error: err instanceof Error ? err.message : String(err) })
      )
  })
}
