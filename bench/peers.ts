// Members for the benchmark. A real member runs on their own machine, so
// multi-member scenarios run each extra member as its own `mutual daemon`
// process, talking the same RPC over its control socket. In-process peers
// are used where one member is measured alone.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import net from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Lab } from '../test/support/peers.js'
import { RpcClient } from '../core/rpc/client.js'
import { socketTransport } from '../core/rpc/socket.js'
import type { EngineEvent } from '../core/domain/types.js'
import type { Mutual } from '../core/mutual.js'

export interface BenchPeer {
  rpc: RpcClient
  /** Its storage folder. */
  dir: string
  onEvent(listener: (e: EngineEvent) => void): () => void
  close(): Promise<void>
}

/** A member in its own process, which can also be stopped as by a crash. */
interface RemotePeer extends BenchPeer {
  kill(): Promise<void>
  /** The most memory the daemon has held at once so far, in MB (Linux: VmHWM). */
  peakRssMb(): Promise<number>
}

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * Every member process any lab started and has not seen exit. A benchmark
 * stopped from outside (Ctrl-C, SIGTERM) takes them with it: left behind,
 * they go on announcing themselves on a testnet whose port the next run may
 * reuse, and every figure of that run pays for them.
 */
const running = new Set<ChildProcess>()
let stopsChildren = false

function stopChildrenWithThisProcess(): void {
  if (stopsChildren) return
  stopsChildren = true
  const killAll = (): void => {
    for (const child of running) child.kill('SIGKILL')
  }
  process.once('exit', killAll)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => {
      killAll()
      process.exit(130)
    })
}

export class BenchLab {
  readonly lab = new Lab()
  private readonly daemons: ChildProcess[] = []
  private readonly clients: RpcClient[] = []

  start(): Promise<void> {
    return this.lab.start()
  }

  get bootstrap() {
    return this.lab.bootstrap
  }

  dir(): Promise<string> {
    return this.lab.dir()
  }

  /** A member inside this process, with the engine's default timings. */
  async local(opts: { offline?: boolean; storage?: string } = {}): Promise<BenchPeer & { engine: Mutual }> {
    const peer = await this.lab.peer({ ackInterval: 1000, ...opts })
    return {
      rpc: peer.rpc,
      dir: peer.dir,
      engine: peer.engine,
      onEvent: (l) => peer.rpc.onEvent(l),
      close: () => this.lab.closePeer(peer)
    }
  }

  /** A member in its own process, as on another machine. */
  remote(): Promise<BenchPeer> {
    return this.daemon()
  }

  /** A member in its own process; `storage` starts it again from its folder. */
  async daemon(opts: { storage?: string } = {}): Promise<RemotePeer> {
    const dir = opts.storage ?? (await this.dir())
    const bootstrap = this.bootstrap.map((b) => `${b.host}:${b.port}`).join(',')
    const child = spawn(
      process.execPath,
      [join(root, 'bin/mutual.js'), 'daemon', '--storage', dir, '--bootstrap', bootstrap],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, MUTUAL_STORAGE: dir, MUTUAL_BOOTSTRAP: bootstrap }
      }
    )
    this.adopt(child)
    await new Promise<void>((resolve, reject) => {
      let out = ''
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString()
        if (out.includes('ready')) resolve()
      })
      child.once('exit', (code) => reject(new Error(`daemon exited ${code} before ready`)))
    })
    const socket = net.connect(join(dir, 'mutual.sock'))
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject))
    const rpc = new RpcClient(socketTransport(socket))
    this.clients.push(rpc)
    return {
      rpc,
      dir,
      onEvent: (l) => rpc.onEvent(l),
      close: async () => {
        rpc.close()
        child.kill('SIGTERM')
        await new Promise((r) => child.once('exit', r))
      },
      peakRssMb: async () => {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8')
        const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1]
        if (!kb) throw new Error('no peak memory figure for the daemon')
        return Math.round(Number(kb) / 1024)
      },
      // As a crash or a pulled plug: no chance to save or say goodbye.
      kill: async () => {
        rpc.close()
        child.kill('SIGKILL')
        await new Promise((r) => child.once('exit', r))
      }
    }
  }

  /** Another process this lab stops with the daemons if a scenario leaves it running. */
  adopt(child: ChildProcess): void {
    this.daemons.push(child)
    stopChildrenWithThisProcess()
    running.add(child)
    child.once('exit', () => running.delete(child))
  }

  async stop(): Promise<void> {
    for (const c of this.clients) c.close()
    await Promise.all(
      this.daemons.map((d) =>
        d.exitCode !== null || d.signalCode !== null
          ? null
          : new Promise((r) => (d.once('exit', r), d.kill('SIGTERM')))
      )
    )
    await this.lab.stop()
  }
}
