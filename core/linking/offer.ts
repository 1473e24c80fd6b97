// The device that shows a link code. It waits on the code's own topic for
// one device to ask, lets the person confirm that it is theirs, then hands
// it the communities and adds the writers it makes there as this member's.
// Nothing is shared before the person confirms, and only with the device
// that asked: the reply that carries the secret is sealed to its request.
import { EventEmitter } from 'node:events'
import { timingSafeEqual } from 'node:crypto'
import BlindPairing from 'blind-pairing'
import type Hyperswarm from 'hyperswarm'
import hcrypto from 'hypercore-crypto'
import { z } from 'zod'
import { deviceId, hexBytes } from '../domain/ids.js'
import { LIMITS } from '../domain/limits.js'
import { MutualError } from '../errors.js'
import { createSwarm } from '../network.js'
import type { Bootstrap } from '../network.js'
import { answerLinkChannel } from './channel.js'
import type { LinkChannel, LinkMessage, NewWriter, SharedCommunity } from './channel.js'
import type { NotShared } from '../domain/types.js'
import { LINK_CODE_LIFETIME_MS, encodeLinkCode } from './link-code.js'

/** What the asking device says about itself: only the name the person gave it. */
export const linkRequest = z
  .object({
    name: z.string().trim().min(1).max(LIMITS.deviceName),
    /** The id it will carry as one of my devices, chosen by itself so it knows itself in the list. */
    device: deviceId,
    /** The network key it will connect with: the only one the link channel then answers. */
    key: hexBytes(32)
  })
  .strict()
export type LinkRequest = z.infer<typeof linkRequest>

/** This device's communities, as the offer needs them. */
interface LinkSource {
  share(): Promise<{ shared: SharedCommunity[]; notShared: { name: string; reason: NotShared }[] }>
  /** Adds the new device's writer in one community; false when it cannot be (the proof fails, say). */
  link(writer: NewWriter, device: { id: string; name: string }): Promise<boolean>
}

/** The longest a finished offer stays up for the new device to leave first. */
const IDLE_MS = 10_000

type OfferState = 'waiting' | 'asked' | 'confirmed' | 'sharing' | 'linking' | 'linked' | 'declined' | 'closed'

interface LinkOfferEvents {
  /** A device asked; the person confirms or declines with `answer`. */
  request: [deviceName: string]
  linked: [communities: number]
  failed: [err: MutualError]
}

export class LinkOffer extends EventEmitter<LinkOfferEvents> {
  readonly code: string
  readonly expiresAt: number
  state: OfferState = 'waiting'
  private readonly keyPair = hcrypto.keyPair()
  private readonly secret = hcrypto.randomBytes(32)
  private readonly offerKey = hcrypto.randomBytes(32)
  private readonly invite: ReturnType<typeof BlindPairing.createInvite>
  private readonly swarm: Hyperswarm
  private readonly pairing: BlindPairing
  private readonly member: BlindPairing.PairingMember
  private request: BlindPairing.MemberRequest | null = null
  private asking: LinkRequest | null = null
  /** Communities handed over and not yet given a writer. */
  private shared = new Set<string>()
  /** Ends blind pairing's wait on a request: its reply goes out once the person has answered. */
  private answered: () => void = () => undefined
  private readonly answering = new Promise<void>((resolve) => {
    this.answered = resolve
  })
  private readonly expiry: NodeJS.Timeout

  constructor(
    private readonly source: LinkSource,
    opts: { bootstrap: Bootstrap | undefined; now: number }
  ) {
    super()
    this.expiresAt = opts.now + LINK_CODE_LIFETIME_MS
    this.invite = BlindPairing.createInvite(this.offerKey, {
      expires: this.expiresAt,
      // Reaches the asking device only once confirmed, sealed to its request.
      data: Buffer.concat([this.keyPair.publicKey, this.secret])
    })
    this.code = encodeLinkCode(this.invite.invite)
    this.swarm = createSwarm(opts.bootstrap, this.keyPair)
    this.swarm.on('connection', (conn) => this.attach(conn))
    this.pairing = new BlindPairing(this.swarm, { poll: 5000 })
    this.member = this.pairing.addMember({
      discoveryKey: this.invite.discoveryKey,
      onadd: async (request) => this.onRequest(request)
    })
    this.expiry = setTimeout(() => {
      if (this.state === 'waiting' || this.state === 'asked')
        this.fail(new MutualError('invite-expired', 'the link code expired before a device used it'))
    }, LINK_CODE_LIFETIME_MS)
    this.expiry.unref()
  }

  /** Resolves once the code's topic is announced: a device that looks from now on finds this one at once. */
  async announced(): Promise<void> {
    await this.member.ready()
    await this.member.flushed()
  }

  /** The person's answer to a device that asked. */
  answer(accept: boolean): void {
    const request = this.request
    if (this.state !== 'asked' || !request)
      throw new MutualError('not-found', 'no device is waiting for an answer')
    if (!accept) {
      request.deny()
      this.fail(new MutualError('not-allowed', 'you said no to that device'), 'declined')
    } else {
      this.state = 'confirmed'
      this.confirm(request)
    }
    this.answered()
  }

  /** Blind pairing sends the reply when this settles. */
  private async onRequest(request: BlindPairing.MemberRequest): Promise<void> {
    let asking: LinkRequest
    try {
      const userData = request.open(this.invite.publicKey)
      asking = linkRequest.parse(JSON.parse(Buffer.from(userData).toString('utf8')))
    } catch {
      request.deny()
      return
    }
    const first = this.request
    if (first?.id && request.id && first.id.equals(request.id)) {
      // The device that asked, asking again (a lost reply): it gets the same answer.
      await this.answering
      if (this.state !== 'asked' && this.state !== 'declined' && this.state !== 'closed')
        this.confirm(request)
      else request.deny()
      return
    }
    // One device per code: anyone else who learned it is turned away.
    if (this.state !== 'waiting') {
      request.deny()
      return
    }
    this.request = request
    this.asking = asking
    this.state = 'asked'
    this.emit('request', asking.name)
    await this.answering
  }

  private confirm(request: BlindPairing.MemberRequest): void {
    request.confirm({ key: this.offerKey, additional: this.invite.additional })
  }

  /**
   * Only the device that asked can take part: its hello must come over a
   * connection made with the network key it named in its request (Noise
   * proves that key), and carry the secret it was sent. Whoever else learned
   * the code can read that request and even the reply, but cannot make that
   * connection. One hello and one set of writers per offer, whatever the
   * number of connections.
   */
  private attach(conn: Hyperswarm.SwarmConnection): void {
    answerLinkChannel(conn, {
      opened: () => undefined,
      receive: async (message: LinkMessage, channel: LinkChannel) => {
        const asking = this.asking
        if (!asking || !conn.remotePublicKey.equals(Buffer.from(asking.key, 'hex')))
          throw new Error('not the device that asked')
        if (message.t === 'hello') {
          const secret = Buffer.from(message.secret, 'hex')
          if (this.state !== 'confirmed' || !timingSafeEqual(secret, this.secret))
            throw new Error('not the confirmed device')
          this.state = 'sharing'
          const { shared, notShared } = await this.source.share()
          this.shared = new Set(shared.map((c) => c.key))
          channel.send({ t: 'communities', communities: shared, notShared })
          return
        }
        if (message.t === 'writers' && this.state === 'sharing') {
          this.state = 'linking'
          const linked: string[] = []
          const device = { id: asking.device, name: asking.name }
          for (const writer of message.writers) {
            // One writer for each community shared, and none for any other.
            if (!this.shared.delete(writer.key)) continue
            if (await this.source.link(writer, device).catch(() => false)) linked.push(writer.key)
          }
          channel.send({ t: 'linked', keys: linked })
          this.state = 'linked'
          this.emit('linked', linked.length)
          return
        }
        throw new Error('unexpected message')
      }
    })
  }

  private fail(err: MutualError, state: OfferState = 'closed'): void {
    this.state = state
    this.request?.deny()
    this.answered()
    this.emit('failed', err)
  }

  /** Resolves once the linked device has gone (it leaves once it holds what it was sent), or after a while. */
  async idle(): Promise<void> {
    if (this.swarm.connections.size === 0) return
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.swarm.off('update', check)
        resolve()
      }
      const check = () => {
        if (this.swarm.connections.size === 0) done()
      }
      const timer = setTimeout(done, IDLE_MS)
      this.swarm.on('update', check)
    })
  }

  async close(): Promise<void> {
    clearTimeout(this.expiry)
    if (this.state === 'waiting' || this.state === 'asked')
      this.fail(new MutualError('closed', 'linking was cancelled'))
    await this.pairing.close().catch(() => undefined)
    await this.swarm.destroy().catch(() => undefined)
  }
}
