// Who is on the other end of a connection, proven from a key. Anyone who
// knows a community's id can find its members on the DHT and connect, so a
// connection proves nothing by itself. Each side signs this connection's
// Noise handshake hash with its writer key; each then asks its own view
// whether that writer belongs to a current member. Community data flows only
// to proven current members (an allow-list derived from the view), and the
// community's encryption key is handed only to a proven current member who
// lacks it: that is how a newcomer gets it, never inside the pairing reply.
// "Current" for the key means in the signed order when that can settle: two
// members may each let someone in with an invite's last use, and the one
// whose admission loses must never have held the key.
import { EventEmitter } from 'node:events'
import { provesWriter, signAsWriter, writerKeyFor } from '../domain/writer-key.js'
import type { SignerKeyPair } from '../domain/writer-key.js'
import Protomux from 'protomux'
import c from 'compact-encoding'
import type Hyperswarm from 'hyperswarm'
import { z } from 'zod'
import { hexBytes as hex } from '../domain/ids.js'

const PROTOCOL = 'mutual/member/v1'
const CONTEXT = Buffer.from('mutual/member/v1')

/** What my view says about a writer key. */
export const STANDINGS = [
  'current',
  'unknown',
  'removed',
  'left',
  'lapsed',
  'invite-used',
  'revoked'
] as const
export type Standing = (typeof STANDINGS)[number]
/** Standings that end the connection: my view is sure this writer is not a member. */
export type Refusal = Exclude<Standing, 'current' | 'unknown'>

export interface LinkPolicy {
  standing(writerKey: string): Promise<Standing>
  /**
   * The key to hand this proven current member, who asks for it; null while I do not hold it, or
   * while their admission may yet lose to another in the community's order.
   */
  keyFor(writerKey: string): Promise<Buffer | null>
}

const message = z.discriminatedUnion('t', [
  // `proof`: the writer's signing key and its signature over this connection's hello.
  z.object({ t: z.literal('hello'), writer: hex(32), proof: hex(96), wantsKey: z.boolean() }).strict(),
  z.object({ t: z.literal('key'), key: hex(32) }).strict(),
  z.object({ t: z.literal('refused'), reason: z.enum(STANDINGS) }).strict()
])
type Message = z.infer<typeof message>

/** Unknown peers may be candidates waiting on a member's pairing answer; they are not kept forever. */
const UNPROVEN_MS = 120_000
/** Every Mutual peer says hello at once; a connection that proves nothing this long holds a slot for nothing. */
const SILENT_MS = 10_000
/**
 * Every Mutual peer writes at once on a new connection (Protomux opens its
 * channels). Nothing at all within this means the other end never got this
 * connection (hyperdht#304, docs/one-sided-connections.md): dropping it lets
 * the swarm take the peer's next dial instead of keeping a dead one for 13 s.
 */
const FIRST_BYTE_MS = 3000
/** How often a member asks again whether a newcomer's key may go, while their admission is not signed. */
const KEY_RETRY_MS = 1000

export function helloSignable(handshakeHash: Buffer, initiator: boolean, id: Buffer, writer: Buffer): Buffer {
  // The signer's role is signed too, so a peer cannot reflect my own hello back at me.
  return Buffer.concat([CONTEXT, handshakeHash, Buffer.from([initiator ? 1 : 0]), id, writer])
}

interface Link {
  conn: Hyperswarm.SwarmConnection
  send: Protomux.Message<unknown>
  /** The remote's writer key, once its signature checked out. */
  writer: string | null
  wantsKey: boolean
  allowed: boolean
  keySent: boolean
  /** A key was taken from this link: one is all a member ever sends, so more is noise to ignore. */
  keyTaken: boolean
  /** Asking again whether the key may go: signing moves on without an event to decide on. */
  keyRetry: NodeJS.Timeout | null
  timer: NodeJS.Timeout | null
}

interface MemberLinksEvents {
  allowed: [conn: Hyperswarm.SwarmConnection, writer: string]
  key: [key: Buffer, from: string]
  refused: [reason: Refusal, by: string]
}

export class MemberLinks extends EventEmitter<MemberLinksEvents> {
  private readonly links = new Map<Hyperswarm.SwarmConnection, Link>()
  private closed = false
  private checking: Promise<void> = Promise.resolve()
  private recheckQueued = false

  constructor(
    /** The community's discovery key: the channel id, and bound into every hello. */
    private readonly id: Buffer,
    /** The signing key pair of my writer. */
    private readonly signer: SignerKeyPair,
    private policy: LinkPolicy,
    private wantsKey: boolean
  ) {
    super()
  }

  /** Joining hands over to the community: its view now answers who is a member. */
  setPolicy(policy: LinkPolicy, wantsKey: boolean): void {
    this.policy = policy
    this.wantsKey = wantsKey
    void this.recheck()
  }

  attach(conn: Hyperswarm.SwarmConnection): void {
    if (this.closed || this.links.has(conn) || conn.destroyed) return
    const mux = muxerOf(conn)
    mux.pair({ protocol: PROTOCOL, id: this.id }, () => this.open(conn, mux))
    this.open(conn, mux)
    const firstByte = setTimeout(() => {
      if (conn.rawBytesRead === 0) conn.destroy()
    }, FIRST_BYTE_MS)
    firstByte.unref()
    conn.once('close', () => {
      clearTimeout(firstByte)
      this.forget(conn)
    })
  }

  private open(conn: Hyperswarm.SwarmConnection, mux: Protomux): void {
    if (this.links.has(conn)) return
    let link: Link | null = null
    const channel = mux.createChannel({
      protocol: PROTOCOL,
      id: this.id,
      onopen: () => {
        if (link) this.sayHello(link)
      },
      onclose: () => this.forget(conn)
    })
    if (!channel) return
    const send = channel.addMessage({
      encoding: c.json,
      onmessage: (value) => {
        if (!link) return
        const parsed = message.safeParse(value)
        // A peer speaking junk is dropped rather than trusted halfway.
        if (!parsed.success) return conn.destroy()
        void this.receive(link, parsed.data).catch(() => conn.destroy())
      }
    })
    link = {
      conn,
      send,
      writer: null,
      wantsKey: false,
      allowed: false,
      keySent: false,
      keyTaken: false,
      keyRetry: null,
      timer: null
    }
    // First: no valid hello soon means nothing to prove; then a bound on waiting to be let in.
    link.timer = setTimeout(() => {
      if (!link || link.writer === null) return conn.destroy()
      if (link.allowed) return
      link.timer = setTimeout(() => {
        if (link && !link.allowed) conn.destroy()
      }, UNPROVEN_MS - SILENT_MS)
      link.timer.unref()
    }, SILENT_MS)
    link.timer.unref()
    this.links.set(conn, link)
    channel.open()
  }

  private sayHello(link: Link): void {
    const hash = link.conn.handshakeHash
    if (!hash) {
      link.conn.destroy()
      return
    }
    const writer = writerKeyFor(this.signer.publicKey)
    const signable = helloSignable(hash, link.conn.isInitiator, this.id, writer)
    link.send.send({
      t: 'hello',
      writer: writer.toString('hex'),
      proof: signAsWriter(signable, this.signer).toString('hex'),
      wantsKey: this.wantsKey
    } satisfies Message)
  }

  private async receive(link: Link, msg: Message): Promise<void> {
    switch (msg.t) {
      case 'hello': {
        // One hello per connection: a connection proves one writer, not whichever it names last.
        if (link.writer) return
        const hash = link.conn.handshakeHash
        const writer = Buffer.from(msg.writer, 'hex')
        const signable = hash && helloSignable(hash, !link.conn.isInitiator, this.id, writer)
        if (!signable || !provesWriter(signable, Buffer.from(msg.proof, 'hex'), writer)) {
          link.conn.destroy()
          return
        }
        link.writer = msg.writer
        link.wantsKey = msg.wantsKey
        return this.decide(link)
      }
      case 'key':
        // Only a proven writer may hand a key; the receiver still checks it against its invite.
        if (link.writer && this.wantsKey && !link.keyTaken) {
          link.keyTaken = true
          this.emit('key', Buffer.from(msg.key, 'hex'), link.writer)
        }
        return
      case 'refused':
        if (link.writer && msg.reason !== 'current' && msg.reason !== 'unknown')
          this.emit('refused', msg.reason, link.writer)
        return
    }
  }

  /** Allows, keeps waiting, or refuses a proven peer by what my view says now. */
  private async decide(link: Link): Promise<void> {
    const writer = link.writer
    if (!writer || link.conn.destroyed || this.closed) return
    const standing = await this.policy.standing(writer)
    if (standing === 'current') {
      if (!link.allowed) {
        link.allowed = true
        if (link.timer) clearTimeout(link.timer)
        this.emit('allowed', link.conn, writer)
      }
      if (!link.wantsKey || link.keySent) return
      const key = await this.policy.keyFor(writer)
      if (link.keySent || link.conn.destroyed) return
      if (key) {
        link.keySent = true
        link.send.send({ t: 'key', key: key.toString('hex') } satisfies Message)
      } else if (!link.keyRetry) {
        link.keyRetry = setTimeout(() => {
          link.keyRetry = null
          void this.decide(link).catch(() => link.conn.destroy())
        }, KEY_RETRY_MS)
        link.keyRetry.unref()
      }
      return
    }
    if (standing === 'unknown') {
      // My view may be behind (someone else let them in); a view update decides again.
      if (!link.allowed) return
    }
    // Tell them why, then stop sending: ending our side means nothing more is written to them.
    link.send.send({ t: 'refused', reason: standing } satisfies Message)
    link.conn.end()
    setTimeout(() => link.conn.destroy(), 2000).unref()
  }

  /** After my view changed: decide again for every proven peer. Coalesced. */
  recheck(): Promise<void> {
    if (this.recheckQueued) return this.checking
    this.recheckQueued = true
    this.checking = this.checking.then(async () => {
      this.recheckQueued = false
      for (const link of this.links.values()) await this.decide(link).catch(() => link.conn.destroy())
    })
    return this.checking
  }

  /** Connections whose remote is a proven current member. */
  allowedConnections(): Hyperswarm.SwarmConnection[] {
    return [...this.links.values()].filter((l) => l.allowed && !l.conn.destroyed).map((l) => l.conn)
  }

  writerOf(conn: Hyperswarm.SwarmConnection): string | null {
    const link = this.links.get(conn)
    return link?.allowed ? link.writer : null
  }

  private forget(conn: Hyperswarm.SwarmConnection): void {
    const link = this.links.get(conn)
    if (!link) return
    clearTimers(link)
    this.links.delete(conn)
  }

  close(): void {
    this.closed = true
    for (const link of this.links.values()) clearTimers(link)
    this.links.clear()
  }
}

function clearTimers(link: Link): void {
  if (link.timer) clearTimeout(link.timer)
  if (link.keyRetry) clearTimeout(link.keyRetry)
}

/**
 * The connection's Protomux, shared with replication and blind pairing: all
 * of them keep it in `userData`, so whoever comes first makes it.
 */
export function muxerOf(conn: Hyperswarm.SwarmConnection): Protomux {
  if (!conn.userData) {
    conn.userData = Protomux.from(conn)
    conn.setKeepAlive(5000)
  }
  return conn.userData as Protomux
}
