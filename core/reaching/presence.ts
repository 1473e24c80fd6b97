// "Around now": a small message on a side channel of each replication
// connection, so only members I am connected to can see it, and only while
// we are connected. It is never written to the log. With presence off I say
// "not around" to everyone, so turning it off takes effect at once.
import { EventEmitter } from 'node:events'
import Hypercore from 'hypercore'
import c from 'compact-encoding'
import type Protomux from 'protomux'
import { z } from 'zod'

const PROTOCOL = 'mutual/presence/v1'
const message = z.object({ around: z.boolean(), atLimit: z.boolean() }).strict()
type PresenceMessage = z.infer<typeof message>

interface Peer {
  /** The member on the other end, proven from their writer key (see member-links.ts). */
  member: string
  send: Protomux.Message<unknown>
  heard: PresenceMessage | null
}

export class Presence extends EventEmitter {
  private readonly peers = new Set<Peer>()
  private mine: PresenceMessage = { around: false, atLimit: false }

  constructor(private readonly id: Buffer) {
    super()
  }

  /** Adds the presence channel to a replication stream with a proven member. */
  attach(stream: unknown, member: string): void {
    const mux = Hypercore.getProtocolMuxer(stream)
    // The other side may open first (its mux can exist before ours is used), and an
    // open nobody is waiting for is rejected; pairing answers it with our channel.
    mux.pair({ protocol: PROTOCOL, id: this.id }, () => this.openChannel(mux, member))
    this.openChannel(mux, member)
  }

  private openChannel(mux: Protomux, member: string): void {
    // Both callbacks run only after open(), by which time the peer exists.
    let peer: Peer | null = null
    const channel = mux.createChannel({
      protocol: PROTOCOL,
      id: this.id,
      onopen: () => {
        if (!peer) return
        this.peers.add(peer)
        peer.send.send(this.mine)
      },
      onclose: () => {
        if (!peer || !this.peers.delete(peer)) return
        if (peer.heard?.around) this.emit('changed')
      }
    })
    if (!channel) return // already open on this stream
    const send = channel.addMessage({
      encoding: c.json,
      onmessage: (value) => {
        if (!peer) return
        const parsed = message.safeParse(value)
        // A peer sending junk is treated as not around rather than trusted halfway.
        peer.heard = parsed.success ? parsed.data : null
        this.emit('changed')
      }
    })
    peer = { member, send, heard: null }
    channel.open()
  }

  /** What I tell connected members; sent again to all of them when it changes. */
  set(state: PresenceMessage): void {
    if (state.around === this.mine.around && state.atLimit === this.mine.atLimit) return
    this.mine = state
    for (const peer of this.peers) peer.send.send(state)
  }

  /** Members who told me they are around now. */
  aroundMembers(): Map<string, { atLimit: boolean }> {
    const out = new Map<string, { atLimit: boolean }>()
    for (const peer of this.peers)
      if (peer.heard?.around) out.set(peer.member, { atLimit: peer.heard.atLimit })
    return out
  }

  close(): void {
    this.peers.clear()
  }
}
