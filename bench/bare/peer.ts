// One member of the bare stack: a Corestore, an encrypted Autobase (the same
// version as Mutual's, the same ack interval) with a Hyperbee view, and a
// Hyperswarm on the local testnet. No pairing, no governance, no per-member
// checks: the floor Mutual is measured against.
import Autobase from 'autobase'
import Corestore from 'corestore'
import Hyperbee from 'hyperbee'
import HyperDHT from 'hyperdht'
import Hyperswarm from 'hyperswarm'
import { FILLER } from '../fixtures.js'
import type { Cursor, Member } from '../stacks.js'
import { POST_END, POST_PREFIX, apply, encodeAddWriter, encodePost } from './ops.js'

export interface BareConfig {
  dir: string
  bootstrap: { host: string; port: number }[]
  /** Hex; null founds a new base. */
  key: string | null
  /** Hex; null on a new base makes Autobase choose one. */
  encryptionKey: string | null
}

/** What another member needs to open the same base, and what a founder needs to add this one. */
export interface BareIdentity {
  key: string
  encryptionKey: string
  localKey: string
}

/** Mutual's ack interval (core/community/base.ts); Autobase's own default is 10 s. */
const ACK_INTERVAL = 1000

export class BarePeer implements Member {
  private swarm: Hyperswarm | null = null
  /** Connections dropped by dropIfSilent: each one is a connection setup that stalled. */
  halfOpenDropped = 0
  /** Times Autobase jumped to a signed view instead of applying the history itself. */
  fastForwards = 0

  private constructor(
    private readonly config: BareConfig,
    private readonly store: Corestore,
    readonly base: Autobase<Hyperbee>
  ) {
    base.on('fast-forward', () => this.fastForwards++)
  }

  static async open(config: BareConfig): Promise<BarePeer> {
    const store = new Corestore(config.dir)
    const base = new Autobase<Hyperbee>(store, config.key ? Buffer.from(config.key, 'hex') : null, {
      open: (viewStore) =>
        new Hyperbee(viewStore.get('view'), {
          keyEncoding: 'utf-8',
          valueEncoding: 'binary',
          extension: false
        }),
      apply,
      close: (view) => view.close(),
      encrypt: true,
      encryptionKey: config.encryptionKey ? Buffer.from(config.encryptionKey, 'hex') : null,
      ackInterval: ACK_INTERVAL
    })
    base.on('error', (err: Error) => process.stderr.write(`bench: bare base error: ${err.message}\n`))
    await base.ready()
    return new BarePeer(config, store, base)
  }

  get identity(): BareIdentity {
    if (!this.base.encryptionKey) throw new Error('bare base has no encryption key')
    return {
      key: this.base.key.toString('hex'),
      encryptionKey: this.base.encryptionKey.toString('hex'),
      localKey: this.base.local.key.toString('hex')
    }
  }

  /** The trusted op that lets another member write; Mutual's first three members are indexers. */
  async addWriter(localKey: string, indexer: boolean): Promise<void> {
    await this.base.append(encodeAddWriter(localKey, indexer))
  }

  writable(): Promise<void> {
    if (this.base.writable) return Promise.resolve()
    return new Promise((resolve) => this.base.once('writable', () => resolve()))
  }

  async post(text: string): Promise<string> {
    const { id, block } = encodePost(text)
    await this.base.append(block)
    return id
  }

  /** Appends in groups of `inFlight`, as Mutual's write queue groups posts that arrive during an append. */
  async fill(n: number, opts: { label: string; inFlight?: number }): Promise<void> {
    const group = opts.inFlight ?? 128
    for (let i = 0; i < n; i += group) {
      const blocks = Array.from(
        { length: Math.min(group, n - i) },
        (_, j) => encodePost(`${opts.label} ${i + j}: ${FILLER}`).block
      )
      await this.base.append(blocks)
    }
  }

  async page(limit: number, before?: Cursor): Promise<{ ids: string[]; next: Cursor | null }> {
    const ids: string[] = []
    let last: string | null = null
    // One extra tells whether an older page exists, as Mutual's feed does.
    for await (const entry of this.base.view.createReadStream({
      gt: POST_PREFIX,
      // Over IPC an absent cursor arrives as null.
      lt: before === undefined || before === null ? POST_END : String(before),
      reverse: true,
      limit: limit + 1
    })) {
      if (ids.length === limit) return { ids, next: last }
      ids.push((JSON.parse((entry.value as Buffer).toString()) as { id: string }).id)
      last = entry.key
    }
    return { ids, next: null }
  }

  async viewVersion(): Promise<string> {
    const core = this.base.view.core
    const length = core.length
    return `${length}.${(await core.treeHash(length)).toString('hex').slice(0, 16)}`
  }

  async setOnline(online: boolean): Promise<void> {
    if (online && !this.swarm) {
      // As Mutual's swarms on loopback (core/network.ts): not firewalled, which skips hyperdht's
      // holepunch race that leaves connections open on one side only (docs/one-sided-connections.md).
      const dht = new HyperDHT({ bootstrap: this.config.bootstrap, host: '127.0.0.1', firewalled: false })
      const swarm = new Hyperswarm({ dht })
      this.swarm = swarm
      swarm.on('connection', (conn) => {
        dropIfSilent(conn, () => this.halfOpenDropped++)
        this.base.replicate(conn)
      })
      await swarm.join(this.base.discoveryKey).flushed()
    } else if (!online && this.swarm) {
      const swarm = this.swarm
      this.swarm = null
      await swarm.destroy()
    }
  }

  onEvent(listener: () => void): () => void {
    this.base.on('update', listener)
    return () => this.base.off('update', listener)
  }

  private closing: Promise<void> | null = null

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.setOnline(false)
      await this.base.close()
      await this.store.close()
    })()
    return this.closing
  }
}

/**
 * hyperdht 6.33 to 6.34 (holepunchto/hyperdht#304): between two peers on one
 * host, a new connection can open on the dialing side only, and it then sits
 * silent until UDX times it out (13 s) before Hyperswarm dials again. Saying
 * the DHT is not firewalled avoids it on loopback; should one happen anyway,
 * it is dropped and counted rather than left to stall the measurement. Mutual
 * drops connections that prove nothing (3 s while pairing, 10 s otherwise). A
 * healthy connection here hears the other side's replication handshake within
 * milliseconds, so one that has heard nothing after a second is dropped, and
 * Hyperswarm dials again.
 */
const SILENT_MS = 1000

function dropIfSilent(conn: Hyperswarm.SwarmConnection, dropped: () => void): void {
  const timer = setTimeout(() => {
    if ((conn as unknown as { rawBytesRead: number }).rawBytesRead > 0 || conn.destroyed) return
    dropped()
    conn.destroy()
  }, SILENT_MS)
  conn.once('close', () => clearTimeout(timer))
}
