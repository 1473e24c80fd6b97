// What two devices of one member say to each other once blind pairing has
// introduced them. The new device proves it is the one the person confirmed
// with the secret it was handed in the encrypted pairing reply; the offering
// device is proven by its network key, which came in that same reply.
import c from 'compact-encoding'
import type Hyperswarm from 'hyperswarm'
import { z } from 'zod'
import { hexBytes as hex } from '../domain/ids.js'
import { LIMITS } from '../domain/limits.js'
import { NOT_SHARED } from '../domain/types.js'
import { muxerOf } from '../community/member-links.js'

/** More communities than anyone belongs to; bounds what one message can make the other side do. */
export const MAX_LINKED_COMMUNITIES = 200

const sharedCommunity = z
  .object({
    key: hex(32),
    encryptionKey: hex(32),
    /** The member I am there: the new device writes as them. */
    member: hex(32),
    /** The key my private conversations there are sealed to (an Ed25519 secret key); null where I lack it too. */
    conversationKey: hex(64).nullable(),
    name: z.string().min(1).max(LIMITS.communityName)
  })
  .strict()
export type SharedCommunity = z.infer<typeof sharedCommunity>

const newWriter = z.object({ key: hex(32), writerKey: hex(32), proof: hex(96) }).strict()
export type NewWriter = z.infer<typeof newWriter>

/** Communities of mine a new device does not get, by name, and why (read from another device: untrusted). */
export const notShared = z
  .array(z.object({ name: z.string().max(LIMITS.communityName), reason: z.enum(NOT_SHARED) }).strict())
  .max(MAX_LINKED_COMMUNITIES)

export const linkMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('hello'), secret: hex(32) }).strict(),
  z
    .object({
      t: z.literal('communities'),
      communities: z.array(sharedCommunity).max(MAX_LINKED_COMMUNITIES),
      notShared
    })
    .strict(),
  z.object({ t: z.literal('writers'), writers: z.array(newWriter).max(MAX_LINKED_COMMUNITIES) }).strict(),
  z.object({ t: z.literal('linked'), keys: z.array(hex(32)).max(MAX_LINKED_COMMUNITIES) }).strict()
])
export type LinkMessage = z.infer<typeof linkMessage>

export interface Channel<M> {
  send(message: M): void
}
export type LinkChannel = Channel<LinkMessage>

interface ChannelHandlers<M> {
  opened(channel: Channel<M>): void
  receive(message: M, channel: Channel<M>): Promise<void>
}
type LinkHandlers = ChannelHandlers<LinkMessage>

/** One JSON message protocol on a connection, every message parsed with its schema. */
export interface Protocol<M> {
  name: string
  message: z.ZodType<M>
}

const LINK_PROTOCOL: Protocol<LinkMessage> = { name: 'mutual/device-link/v1', message: linkMessage }

/** The side that was found answers the channel when the other side opens it, and never opens it itself. */
export function answerChannel<M>(
  conn: Hyperswarm.SwarmConnection,
  protocol: Protocol<M>,
  handlers: ChannelHandlers<M>
): void {
  muxerOf(conn).pair({ protocol: protocol.name }, () => openChannel(conn, protocol, handlers))
}

/**
 * Opens the channel on a connection. A peer that speaks anything but the
 * protocol's messages is dropped, and so is one whose message `receive` rejects.
 */
export function openChannel<M>(
  conn: Hyperswarm.SwarmConnection,
  protocol: Protocol<M>,
  handlers: ChannelHandlers<M>
): void {
  const mux = muxerOf(conn)
  let channel: Channel<M> | null = null
  const ch = mux.createChannel({
    protocol: protocol.name,
    onopen: () => {
      if (channel) handlers.opened(channel)
    }
  })
  if (!ch) return
  const message = ch.addMessage({
    encoding: c.json,
    onmessage: (value) => {
      const parsed = protocol.message.safeParse(value)
      if (!parsed.success || !channel) return conn.destroy()
      const open = channel
      handlers.receive(parsed.data, open).catch(() => conn.destroy())
    }
  })
  channel = { send: (m) => message.send(m) }
  ch.open()
}

export const answerLinkChannel = (conn: Hyperswarm.SwarmConnection, handlers: LinkHandlers): void =>
  answerChannel(conn, LINK_PROTOCOL, handlers)
export const openLinkChannel = (conn: Hyperswarm.SwarmConnection, handlers: LinkHandlers): void =>
  openChannel(conn, LINK_PROTOCOL, handlers)
