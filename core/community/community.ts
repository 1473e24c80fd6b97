// One community on this device: its store, its Autobase, and its own swarm.
// A swarm per community keeps a member's presence in one group unlinkable
// from their presence in another (distinct network keys), and lets leaving
// wipe a whole directory.
import ReadyResource from 'ready-resource'
import type Corestore from 'corestore'
import { openStore } from './store.js'
import { nextEvent } from './next-event.js'
import type { StoreKeys } from './store-keys.js'
import BlindPairing from 'blind-pairing'
import type Hyperswarm from 'hyperswarm'
import z32 from 'z32'
import { createBase } from './base.js'
import type { CommunityBase } from './base.js'
import { admitCandidate, orderCanSettle } from './admission.js'
import { ReplicationTracker } from './replication.js'
import { Receipts } from './receipts.js'
import { Rediscovery } from './rediscovery.js'
import { promptAcks } from './prompt-acks.js'
import { WriteQueue } from './write-queue.js'
import type { Place } from './write-queue.js'
import { Sweeper } from './sweeper.js'
import {
  ALLOWED_BEFORE_AGREEING,
  LEGACY_VERSION,
  OP_VERSION,
  encodeOp,
  opVersion,
  opensUpgrade
} from '../domain/ops.js'
import type { Op } from '../domain/ops.js'
import { LIMITS } from '../domain/limits.js'
import { nameKeys } from '../domain/names.js'
import type { SyncStatus } from '../domain/types.js'
import { MutualError } from '../errors.js'
import { createSwarm } from '../network.js'
import type Hyperbee from 'hyperbee'
import { isNotHeld, readHeld } from '../view/held.js'
import type { Held } from '../view/held.js'
import type { Bootstrap } from '../network.js'
import { ViewReader } from '../view/read.js'
import { keys, prefixEnd } from '../view/records.js'
import type { MemberRecord, MetaRecord } from '../view/records.js'
import { UPDATE_NEEDED } from '../view/apply.js'
import { vouchedTime } from '../view/clock.js'
import { Consent } from './consent.js'
import { Posting } from './posting.js'
import { Invites } from './invites.js'
import { DeviceClaim } from './device-claim.js'
import { RecoveryDesk } from './recovery-desk.js'
import { MemberLinks } from './member-links.js'
import type { LinkPolicy, Refusal, Standing } from './member-links.js'
import { Reaching } from '../reaching/reaching.js'

/**
 * While an invite here can still be used, members look for newcomers waiting
 * on the DHT this often, rather than every 30–45 s: a newcomer whose direct
 * request went unanswered (a connection that never formed) waits this long.
 */
const INVITE_OPEN_POLL_MS = 15_000

/** How long a member that cannot answer a pairing request yet waits to become able to. */
const ANSWER_WAIT_MS = 10_000
/** Requests that may wait so at once; any more are answered (or not) at once, as before. */
const MAX_WAITING_TO_ANSWER = 8

/** Where Autobase kept the community's encryption key in the clear before blindEncryption. */
const PLAIN_KEY = 'autobase/encryption'

interface CommunityOptions {
  dir: string
  /** This store's secrets, sealed under the profile key. */
  keys: StoreKeys
  key: Buffer | null
  encryptionKey?: Buffer | null
  bootstrap?: Bootstrap
  ackInterval?: number
  now?: () => number
  newestOpVersion?: number | undefined
  /** Tests only: the op version a new community starts at, standing in for an older build. */
  foundAtVersion?: number | undefined
  /** Handed over by a join, so pairing's discovery work is not thrown away. */
  store?: Corestore
  swarm?: Hyperswarm
  discovery?: Hyperswarm.PeerDiscovery
  /** Handed over by a join: proven links to members, one of which gave us the key. */
  links?: MemberLinks
  keyGivers?: ReadonlySet<string>
  /**
   * On a linked device: the member this device writes as, and that member's
   * device key here, which private conversations are sealed to (op version 5).
   */
  linkedTo?: LinkedMember | null
}

function revokedError(): MutualError {
  return new MutualError(
    'device-revoked',
    'this device was removed from your devices, from another device of yours; it can no longer write here. What it already holds stays on it until you wipe it'
  )
}

interface LinkedMember {
  member: string
  /** Null on a device restored from a phrase without the backup file. */
  conversationKey: Buffer | null
}

export class Community extends ReadyResource {
  readonly dir: string
  readonly store: Corestore
  readonly base: CommunityBase
  private swarm: Hyperswarm | null
  /** A join's place on the topic, taken over by the first goOnline so there is never a moment off it. */
  private joinDiscovery: Hyperswarm.PeerDiscovery | null
  private pairing: BlindPairing | null = null
  private rediscovery: Rediscovery | null = null
  private readonly writes: WriteQueue
  private readonly fetchingStanding = new Set<string>()
  /** Clears refused ops' blocks from this device once the log is signed past them. */
  readonly sweeper: Sweeper
  private tracker: ReplicationTracker | null = null
  /** What connected members hold of my writer, and what I hold of theirs. */
  private receipts: Receipts | null = null
  private readonly bootstrap: Bootstrap | undefined
  private networking: Promise<void> = Promise.resolve()
  private wantOnline = false
  private signedSeen = 0
  private agreedSeen = false
  private readonly foundAt: number
  /** The meta record as of the last view update (see metaNow). */
  private metaSeen: Promise<MetaRecord | null> | null = null
  readonly now: () => number
  readonly consent: Consent
  /** Posts, replies, reactions and topics (posting.ts). */
  readonly posting: Posting
  readonly invites: Invites
  private readonly devices: DeviceClaim
  /** Waits for devices restoring from a recovery phrase of a member here. */
  private readonly recoveryDesk: RecoveryDesk
  private links: MemberLinks | null
  /** Writers who handed me the community's key before my view could say who is a member. */
  private readonly keyGivers: Set<string>
  /** A member told this device, with a reason my view could not yet show, that it is not let in. */
  refusal: Refusal | null = null
  /** Personal choices on this device, kept in the profile and never in the log. */
  personal: {
    muted: ReadonlySet<string>
    hidden: ReadonlySet<string>
    presence: boolean
    conversationsRead: Readonly<Record<string, number>>
  } = { muted: new Set(), hidden: new Set(), presence: true, conversationsRead: {} }
  private reachingPart: Reaching | null = null
  private lapseTimer: NodeJS.Timeout | null = null
  private invitePoll: NodeJS.Timeout | null = null
  private admitting: Promise<void> = Promise.resolve()
  private waitingToAnswer = 0
  private readonly linkedTo: LinkedMember | null
  updateNeeded = false

  constructor(opts: CommunityOptions) {
    super()
    this.dir = opts.dir
    this.bootstrap = opts.bootstrap
    this.now = opts.now ?? Date.now
    this.foundAt = opts.foundAtVersion ?? OP_VERSION
    this.store = opts.store ?? openStore(opts.dir, opts.keys.seedPad)
    this.swarm = opts.swarm ?? null
    this.joinDiscovery = opts.discovery ?? null
    this.base = createBase(this.store, {
      key: opts.key,
      encryptionKey: opts.encryptionKey ?? null,
      blindEncryption: opts.keys.blindEncryption,
      ackInterval: opts.ackInterval ?? 1000,
      newestOpVersion: opts.newestOpVersion
    })
    promptAcks(this.base)
    this.writes = new WriteQueue(this.base)
    this.sweeper = new Sweeper(this.base, this.store, (err) => this.emit('warning', err))
    this.consent = new Consent(this)
    this.posting = new Posting(this)
    this.invites = new Invites(this)
    this.devices = new DeviceClaim(this)
    this.recoveryDesk = new RecoveryDesk(this)
    this.links = opts.links ?? null
    this.keyGivers = new Set(opts.keyGivers ?? [])
    this.linkedTo = opts.linkedTo ?? null
    this.base.on('update', () => {
      this.metaSeen = null
      void this.links?.recheck()
      // A founder's own member record only exists once the first op is applied.
      this.devices.claim()
      this.recoveryDesk.update()
      void this.reachingPart?.check()
      this.emit('changed')
    })
    this.base.on('writable', () => {
      this.devices.claim()
      this.emit('sync')
    })
    this.base.on('interrupt', (reason: unknown) => {
      if (reason === UPDATE_NEEDED) this.updateNeeded = true
      this.emit('sync')
    })
    // Errors inside Autobase are reported, not thrown, so a bad peer cannot crash the engine.
    this.base.on('error', (err: Error) => this.emit('warning', err))
  }

  protected override async _open(): Promise<void> {
    try {
      await this.openParts()
    } catch (err) {
      // A ready-resource whose open failed is never closed by close(): let go of what was opened here.
      await this.shutDown()
      throw err
    }
  }

  private async openParts(): Promise<void> {
    await this.base.ready()
    this.receipts = new Receipts(this.store, this.base.discoveryKey, () => void this.tracker?.refresh())
    this.tracker = new ReplicationTracker(
      this.base.local,
      () => {
        this.emit('changed')
        this.emit('sync')
      },
      () => this.receipts?.held() ?? []
    )
    await this.tracker.ready()
    const device = await this.conversationKeyPair()
    const reaching = new Reaching(this, device.secretKey, this.base.key, this.base.discoveryKey)
    reaching.on('notice', (notice) => this.emit('notice', notice))
    reaching.on('around-changed', () => this.emit('changed'))
    reaching.on('warning', (err) => this.emit('warning', err))
    // Its first reads need the view; one known here but not yet fetched must not hold opening back.
    await this.whenViewHeld(() => reaching.ready())
    this.reachingPart = reaching
    // Last, so a connection allowed at once (a join's key giver) finds presence ready.
    const writer = this.base.local.keyPair
    if (!writer?.secretKey)
      throw new MutualError('internal', 'this device has no key to write to this community')
    // No view here yet (a newcomer, or one who stopped before fetching it): members then hand me the key,
    // and whoever holds the key I hold may sync with me until my view says who is a member.
    const wantsKey = (await this.heldMeta()) === null
    const handedOver = this.links !== null
    this.links ??= new MemberLinks(
      this.base.discoveryKey,
      { publicKey: writer.publicKey, secretKey: writer.secretKey },
      this.linkPolicy(),
      wantsKey
    )
    this.links.on('allowed', (conn) => this.replicateWith(conn))
    this.links.on('key', (key, from) => {
      // Someone who holds the very key I hold was a member when they got it; enough to sync from.
      if (this.base.encryptionKey && key.equals(this.base.encryptionKey) && !this.keyGivers.has(from)) {
        this.keyGivers.add(from)
        void this.links?.recheck()
      }
    })
    this.links.on('refused', (reason, by) => void this.onRefused(reason, by))
    // A join's links knew nobody; from now on this community's view decides.
    if (handedOver) this.links.setPolicy(this.linkPolicy(), wantsKey)
    const lapses = () => void this.checkLapses().catch((err: unknown) => this.emit('warning', err))
    this.lapseTimer = setInterval(lapses, LAPSE_CHECK_MS)
    this.lapseTimer.unref()
    lapses()
  }

  /** Availability, presence, reach-outs and private conversations here. */
  get reaching(): Reaching {
    if (!this.reachingPart) throw new MutualError('closed', 'this community is not open')
    return this.reachingPart
  }

  get id(): string {
    return z32.encode(this.base.key)
  }

  get writable(): boolean {
    return this.base.writable
  }

  get online(): boolean {
    return this.swarm !== null
  }

  /** The first op of a new community, written by its founder, with the agreements it starts from. */
  async found(name: string, displayName: string, agreements: string, confidentiality: string): Promise<void> {
    const op: Op = { type: 'community/init', name, displayName, agreements, confidentiality }
    // The version stamped on the first op is the version the community starts at.
    await this.writes.append(encodeOp(op, this.foundAt))
  }

  /** The op version the community runs at: which ops it takes, and which rules apply keeps. */
  async version(): Promise<number> {
    return (await this.metaNow())?.version ?? LEGACY_VERSION
  }

  /** The community's meta record, read once per view update rather than once per write. */
  private metaNow(): Promise<MetaRecord | null> {
    this.metaSeen ??= this.reader().meta()
    return this.metaSeen
  }

  // ---- networking -------------------------------------------------------

  setOnline(online: boolean): Promise<void> {
    this.wantOnline = online
    // Serialised, so quick toggles never leave two swarms running.
    this.networking = this.networking.then(() => (this.wantOnline ? this.goOnline() : this.goOffline()))
    return this.networking
  }

  private async goOnline(): Promise<void> {
    if (this.pairing || this.closing) return
    await this.ready()
    const swarm = this.swarm ?? createSwarm(this.bootstrap, await this.swarmKeyPair())
    this.swarm = swarm
    this.devices.claim()
    this.recoveryDesk.start(swarm)
    for (const conn of swarm.connections) this.attach(conn)
    swarm.on('connection', (conn) => this.attach(conn))
    swarm.on('update', () => this.emit('sync'))
    // Members look up waiting candidates on the DHT as a fallback to direct connections.
    this.pairing = new BlindPairing(swarm, { poll: 30_000 })
    this.pairing.addMember({
      discoveryKey: this.base.discoveryKey,
      onadd: async (request) => {
        try {
          await this.admit(request)
        } catch (err) {
          this.emit('warning', err)
        }
      }
    })
    this.invitePoll = setInterval(() => void this.pollWhileInvitesOpen(), INVITE_OPEN_POLL_MS)
    this.invitePoll.unref()
    const discovery = this.joinDiscovery ?? swarm.join(this.base.discoveryKey)
    this.joinDiscovery = null
    this.rediscovery = new Rediscovery(swarm, discovery, async () => {
      const current = (await this.metaNow())?.current ?? 0
      return this.connectedWriters().size < current - 1
    })
    await this.rediscovery.afterAnnounce()
  }

  /** This device's network identity in this community: its own, unlinkable to other communities. */
  swarmKeyPair(): Promise<{ publicKey: Buffer; secretKey: Buffer }> {
    return this.store.createKeyPair('mutual-swarm')
  }

  /**
   * The key private conversations with me are sealed to: my first device's
   * network key, which a linked device was handed when it was linked.
   */
  async conversationKeyPair(): Promise<{ publicKey: Buffer; secretKey: Buffer }> {
    const secretKey = this.linkedTo?.conversationKey
    if (!secretKey) return this.swarmKeyPair()
    return { publicKey: Buffer.from(secretKey.subarray(32)), secretKey }
  }

  /** Whether my private conversations can be read and written here (see LinkedMember). */
  get conversationsHere(): boolean {
    return this.linkedTo === null || this.linkedTo.conversationKey !== null
  }

  /**
   * Whether this device was revoked as one of my devices: by my view, or by a
   * member who refused it (a revoked device is not sent the revoke itself).
   */
  async isRevoked(): Promise<boolean> {
    if (this.refusal === 'revoked') return true
    return (await this.reader().writer(this.writerKey))?.revoked === true
  }

  /** Whether this device writes as a member first written elsewhere (a linked device). */
  get isLinkedDevice(): boolean {
    return this.linkedTo !== null
  }

  get connections(): Iterable<Hyperswarm.SwarmConnection> {
    return this.swarm?.connections ?? []
  }

  /** Every connection proves who it is first; only proven current members get community data. */
  private attach(conn: Hyperswarm.SwarmConnection): void {
    this.links?.attach(conn)
    this.recoveryDesk.attach(conn)
    conn.once('close', () => this.emit('sync'))
  }

  private replicateWith(conn: Hyperswarm.SwarmConnection): void {
    const writer = this.links?.writerOf(conn)
    if (!writer || conn.destroyed) return
    const stream = this.base.replicate(conn)
    this.receipts?.attach(stream, writer)
    // Presence is the member's, whichever of their devices is connected (pairing answers a late channel).
    this.memberOfWriter(writer)
      .then((member) => {
        if (!conn.destroyed) this.reachingPart?.presence.attach(stream, member)
      })
      // The view can close under this read (a join cancelled as a member let it in): nothing to attach then.
      .catch(() => undefined)
    this.emit('sync')
  }

  /** The member a writer speaks for: itself, or the member who linked it (op version 5). */
  private async memberOfWriter(writer: string): Promise<string> {
    return (await this.reader().writer(writer))?.member ?? writer
  }

  /**
   * Answers one pairing request: lets the candidate in, or says why not. One
   * at a time: blind pairing hands requests over concurrently, and checking an
   * invite's uses while another admission is being written would let a burst
   * of requests through on one remaining use.
   */
  async admit(request: BlindPairing.MemberRequest): Promise<void> {
    await this.readyToAnswer(request.inviteId.toString('hex'))
    const next = this.admitting.then(() => this.admitOne(request))
    this.admitting = next.catch(() => undefined)
    return next
  }

  /**
   * A candidate asks each connection once. A member who cannot answer yet (not
   * writable a moment after joining, or the invite made by another member not
   * yet in its view) waits a little for that to change, rather than staying
   * silent for good on that connection. Bounded in time (an invite that never
   * comes here is someone else's to answer) and in number, so a flood of
   * requests naming made-up invites costs no more than it did before.
   */
  private async readyToAnswer(inviteId: string): Promise<void> {
    const ready = async () => this.base.writable && (await this.reader().invite(inviteId)) !== null
    if ((await ready()) || this.waitingToAnswer >= MAX_WAITING_TO_ANSWER) return
    this.waitingToAnswer++
    try {
      const deadline = Date.now() + ANSWER_WAIT_MS
      while (Date.now() < deadline && !this.isClosing) {
        await nextEvent(this.base, 'update', 250)
        if (await ready()) return
      }
    } finally {
      this.waitingToAnswer--
    }
  }

  private admitOne(request: BlindPairing.MemberRequest): Promise<void> {
    return admitCandidate(
      {
        base: this.base,
        reader: () => this.reader(),
        now: this.now,
        version: () => this.version(),
        connectedWriters: () => this.connectedWriters(),
        admittedHere: this.admittedHere
      },
      request
    )
  }

  /**
   * Lets lapse the places of newcomers let in a day ago or more who never
   * finished joining (a cancelled or abandoned join), so they neither hold an
   * invite's use nor stand in every decision's count.
   */
  async checkLapses(): Promise<void> {
    if (!this.base.writable || this.updateNeeded || (await this.version()) < 3) return
    if ((await this.metaNow())?.refounded) return
    const reader = this.reader()
    const me = await reader.member(this.me)
    if (!me || me.left || me.agreedVersion === null) return
    const now = this.now()
    const meta = await reader.meta()
    if (!meta) return
    const range = { gt: keys.memberPrefix, lt: prefixEnd(keys.memberPrefix) }
    for await (const { value } of reader.bee.createReadStream(range)) {
      const m = value as MemberRecord
      const pending = !m.left && m.name === null && m.agreedVersion === null && m.device === null
      if (!pending || m.admittedAt === undefined) continue
      // Apply also wants another member's clock to say a day has passed (see view/clock.ts).
      const due = m.admittedAt + LIMITS.admissionLapseMs
      if (now >= due && vouchedTime(meta, [this.me, m.key]) >= due)
        await this.append({ type: 'member/lapse', member: m.key, at: now })
    }
  }

  /** A join cancelled after a member let me in: give the place (and the invite's use) back at once. */
  async withdrawAdmission(): Promise<void> {
    if (!this.base.writable || (await this.version()) < 3) return
    await this.append({ type: 'member/lapse', member: this.me, at: this.now() })
    await this.whenShared(3000)
  }

  /** Writer keys of the members I am connected to now, each proven on its connection. */
  connectedWriters(): Set<string> {
    const out = new Set<string>()
    for (const conn of this.links?.allowedConnections() ?? []) {
      const writer = this.links?.writerOf(conn)
      if (writer) out.add(writer)
    }
    return out
  }

  /**
   * What my view says about a writer: the allow-list every connection is
   * checked against. Decided from the blocks held here only (core/view/held.ts).
   * With the view, or what it says of this writer, not here yet, it is fetched
   * (see `unproven`).
   */
  private linkPolicy(): LinkPolicy {
    return {
      standing: async (writer: string): Promise<Standing> => {
        const here = await this.heldStanding(writer)
        if (here.held && here.value !== null) return here.value
        if (!here.held) this.fetchStanding(writer)
        return this.unproven(writer)
      },
      keyFor: async (writer: string): Promise<Buffer | null> => {
        const key = this.base.encryptionKey
        // Between two states Autobase has no indexer set to judge by: wait rather than guess.
        if (!key || (this.base.system?.indexers ?? []).length === 0) return null
        // The signed count first: the member record read after it is from a view that extends it.
        const signed = await this.signedSeqHeld()
        // Read again now: the standing that let this link ask may be older than the order is.
        const held = await this.readHeld(async (reader) => {
          const device = await reader.writer(writer)
          return { device, member: await reader.member(device?.member ?? writer) }
        })
        if (!held.held) return null
        const { device, member } = held.value
        if (!member || member.left || device?.revoked) return null
        // A linked device's writer was never admitted with an invite: no other admission can beat it.
        if (device) return key
        // Admitted at this count: in the signed order once the signed count is past it, never overturned then.
        if (signed !== null && member.joinedSeq < signed) return key
        // Most indexers away, the order cannot settle soon: the member who let them in vouches, as admission did.
        return !orderCanSettle(this.base, this.connectedWriters()) && this.admittedHere.has(writer)
          ? key
          : null
      }
    }
  }

  /** What my view says of a writer, from blocks held here; null with no view at all yet. */
  private heldStanding(writer: string): Promise<Held<Standing | null>> {
    return this.readHeld(async (reader): Promise<Standing | null> => {
      if ((await reader.meta()) === null) return null
      const device = await reader.writer(writer)
      if (device?.revoked) return 'revoked'
      const member = await reader.member(device?.member ?? writer)
      if (member) {
        if (!member.left) return 'current'
        if (member.removed) return 'removed'
        return member.lapsed ? 'lapsed' : 'left'
      }
      return (await reader.admissionRefused(writer)) ? 'invite-used' : 'unknown'
    })
  }

  /**
   * A writer my view cannot speak for yet (no view, or their record not
   * fetched). Whoever handed me the key I hold was a member when they got it,
   * and may bring what my view says: waiting here with nobody else connected
   * could wait for ever. But a removed member keeps the key too (Autobase
   * cannot rotate it), so while a member my view does vouch for is connected,
   * a key giver not let in yet waits for their record, fetched through that
   * member. One already let in stays until the record says otherwise.
   */
  private async unproven(writer: string): Promise<Standing> {
    if (!this.keyGivers.has(writer)) return 'unknown'
    const connected = this.connectedWriters()
    if (connected.has(writer)) return 'current'
    for (const other of connected) {
      const here = await this.heldStanding(other)
      if (here.held && here.value === 'current') return 'unknown'
    }
    return 'current'
  }

  /**
   * Runs `then` now if this device holds its view (or there is none yet to
   * hold), else in the background once it does; either way without waiting
   * on the network.
   */
  async whenViewHeld(then: () => Promise<void>): Promise<void> {
    const held = async () => (await this.readHeld((reader) => reader.meta())).held
    if (await held()) return then()
    const onUpdate = (): void =>
      void held()
        .then(async (yes) => {
          if (!yes || this.closing) return
          this.base.off('update', onUpdate)
          await then()
        })
        .catch((err: unknown) => this.emit('warning', err))
    this.base.on('update', onUpdate)
  }

  /** The meta record if this device holds it; null with no view here yet, or none fetched yet. */
  private async heldMeta(): Promise<MetaRecord | null> {
    const here = await this.readHeld((reader) => reader.meta())
    return here.held ? here.value : null
  }

  /** Reads my view from the blocks held here only (core/view/held.ts). */
  private readHeld<T>(read: (reader: ViewReader) => Promise<T>): Promise<Held<T>> {
    return readHeld(this.base.view, (bee) => read(this.reader(bee)))
  }

  /** Fetches what my view says of a writer, in the background, and decides their links again. */
  private fetchStanding(writer: string): void {
    if (this.fetchingStanding.has(writer)) return
    this.fetchingStanding.add(writer)
    const reader = this.reader()
    void Promise.all([
      reader.member(writer),
      reader.admissionRefused(writer),
      reader.writer(writer).then((w) => (w ? reader.member(w.member) : null))
    ])
      .then(() => this.links?.recheck())
      .catch(() => undefined)
      .finally(() => this.fetchingStanding.delete(writer))
  }

  /**
   * A peer says I am not let in. Believed only from someone my own view knows
   * as a current member: before I have a view, anyone who found the community
   * could say it to make a newcomer give up.
   */
  private async onRefused(reason: Refusal, by: string): Promise<void> {
    const reader = this.reader()
    if ((await reader.meta()) === null) return
    // Told by any device of a current member, linked ones included; never by a revoked one.
    const device = await reader.writer(by)
    if (device?.revoked) return
    const member = await reader.member(device?.member ?? by)
    if (!member || member.left) return
    if (this.refusal === reason) return
    this.refusal = reason
    this.emit('refused', reason)
    this.emit('sync')
  }

  /** Asks the DHT for waiting newcomers now, if an invite here can still let one in. */
  private async pollWhileInvitesOpen(): Promise<void> {
    const pairing = this.pairing
    if (!pairing || !this.base.writable) return
    const now = this.now()
    const invites = await this.reader().invites()
    const open = invites.some((i) => !i.revoked && i.uses < i.maxUses && i.expiresAt > now)
    if (open && this.pairing === pairing) await pairing.refresh().catch(() => undefined)
  }

  private async goOffline(): Promise<void> {
    const { pairing, swarm } = this
    if (this.invitePoll) clearInterval(this.invitePoll)
    this.invitePoll = null
    const rediscovery = this.rediscovery
    this.rediscovery = null
    await rediscovery?.close()
    this.recoveryDesk.stop()
    // It belongs to the swarm destroyed here; going online again makes a new one.
    this.joinDiscovery = null
    this.pairing = null
    this.swarm = null
    if (pairing) await pairing.close()
    if (swarm) await swarm.destroy()
    this.emit('sync')
  }

  /** After a suspend or network change: look for peers again now rather than at the next poll. */
  async refresh(): Promise<void> {
    if (!this.swarm || !this.pairing) return
    await this.swarm.resume().catch(() => undefined)
    await this.pairing.refresh()
    await this.rediscovery?.refreshNow()
  }

  /** How much of the community's view this device holds, against the most any peer has. */
  syncProgress(): { have: number; total: number } {
    const core = this.base.view.core
    let total = core.length
    for (const peer of core.peers) total = Math.max(total, peer.remoteLength)
    return { have: core.contiguousLength, total }
  }

  /** Members linked to me now, each proven on its connection: a connection alone proves nothing. */
  get peerCount(): number {
    return this.swarm ? this.connectedWriters().size : 0
  }

  /** The member a connection's remote proved to be, while it is a current member here. */
  memberOn(conn: Hyperswarm.SwarmConnection): string | null {
    return this.links?.writerOf(conn) ?? null
  }

  // ---- writing ----------------------------------------------------------

  /** `place`: the write's place in line, taken when it was asked for (see inOrder). */
  async append(op: Op, place?: Place): Promise<void> {
    if (this.updateNeeded) {
      throw new MutualError(
        'update-needed',
        'this community agreed to move to a newer version of Mutual; please update to keep going'
      )
    }
    if (await this.isRevoked()) throw revokedError()
    // A member told me I was removed, before my own view shows it (its peers stop sending it).
    if (this.refusal === 'removed' || !this.base.writable) {
      const me = await this.reader().member(this.me)
      if (me?.removed || this.refusal === 'removed') {
        throw new MutualError(
          'not-allowed',
          'the community decided you are no longer a member; what you already have stays on this device'
        )
      }
      // Let in, but Autobase is re-applying what is not yet signed (my admission with it): a moment's wait.
      const letIn = me !== null && !me.left
      const writable = letIn && (await this.writableWithin(WRITABLE_AGAIN_MS))
      if (this.closing) throw new MutualError('closed', 'this community is closing on this device')
      if (!writable)
        throw new MutualError('not-writable', 'you cannot write here yet: a member still needs to let you in')
    }
    // Apply would ignore it; say so now rather than report a success that never lands.
    if (!this.agreedSeen && !ALLOWED_BEFORE_AGREEING.has(op.type)) {
      const me = await this.reader().member(this.me)
      // Agreeing is never undone, so once seen it need not be read again.
      this.agreedSeen = me !== null && me.agreedVersion !== null
      if (me && !me.left && me.agreedVersion === null) {
        throw new MutualError(
          'agreements-first',
          'please read the community agreements and say "I agree" first'
        )
      }
    }
    // Started again under a new key: the old community stays readable, and only private lines go on.
    if (op.type !== 'private/send' && (await this.metaNow())?.refounded) {
      throw new MutualError(
        'not-allowed',
        'this community started again under a new key by consent; write in the new one'
      )
    }
    if (opVersion(op) > (await this.version()) && !opensUpgrade(op)) {
      throw new MutualError(
        'not-allowed',
        'this community has not adopted the newer version of Mutual this needs; anyone can propose moving to it on the agreements page'
      )
    }
    try {
      await (place ?? this.writes).append(encodeOp(op))
    } catch (err) {
      // This very op completed the move to a version this build cannot apply: it was
      // written, and apply stopped right after it.
      if (!this.updateNeeded) throw err
    }
  }

  /** Whether the base becomes writable within `ms`; false at once if this community closes meanwhile. */
  writableWithin(ms: number): Promise<boolean> {
    if (this.closing) return Promise.resolve(false)
    let timer: NodeJS.Timeout | undefined
    let onClosing = (): void => undefined
    return Promise.race([
      this.base.waitForWritable().then(() => !this.closing),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), ms)
        timer.unref()
        onClosing = () => resolve(false)
        this.once('closing', onClosing)
      })
    ]).finally(() => {
      clearTimeout(timer)
      this.off('closing', onClosing)
    })
  }

  /** Whether this community has begun to close. */
  get isClosing(): boolean {
    return this.closing !== null
  }

  /**
   * Writes keep the order they were asked for in: each takes its place in the
   * write queue when asked, before reading the view, so two posts sent back to
   * back (a script, a double send) cannot land the other way round, and a burst
   * still goes out as one append.
   */
  inOrder<T>(write: (place: Place) => Promise<T>): Promise<T> {
    const place = this.writes.reserve()
    return write(place).finally(() => place.release())
  }

  async setProfile(displayName: string, color: string | null | undefined): Promise<void> {
    const reader = this.reader()
    const me = await reader.member(this.me)
    // Since op version 3 apply keeps each name to one current member; say so rather than report a success that never lands.
    if ((await this.version()) >= 3) {
      if (nameKeys(displayName).length === 0)
        throw new MutualError('bad-request', 'a name needs at least one letter or sign that shows')
      const holder = await reader.nameHolder(displayName, this.me)
      if (holder) {
        throw new MutualError(
          'name-taken',
          `another member here is already called ${holder.name ?? displayName}; please choose a different name`
        )
      }
    }
    await this.append({
      type: 'profile/set',
      displayName,
      color: color === undefined ? (me?.color ?? null) : color
    })
  }

  /**
   * For a store from before the lock: Autobase has sealed its own copy of the
   * encryption key on open, but a joiner's store kept a second plain copy on
   * the community's first core. That goes, then a compaction drops every
   * overwritten plain value from the store's files.
   */
  async forgetPlainKeys(): Promise<void> {
    const bootstrap = this.store.get({ key: this.base.key, active: false })
    try {
      await bootstrap.ready()
      if (await bootstrap.getUserData(PLAIN_KEY)) await bootstrap.setUserData(PLAIN_KEY, null)
    } finally {
      await bootstrap.close()
    }
    await this.store.storage.compact()
  }

  /** Step out: stop being a writer where the log allows it. */
  async leave(): Promise<void> {
    if (this.base.writable && !this.updateNeeded) await this.append({ type: 'member/leave' })
  }

  /** Waits (bounded) until another member holds everything I wrote, so a last op is not lost with the folder. */
  async whenShared(timeoutMs: number): Promise<boolean> {
    const tracker = this.tracker
    if (!tracker || this.peerCount === 0) return false
    const deadline = Date.now() + timeoutMs
    while (tracker.length < this.base.local.length && Date.now() < deadline && this.peerCount > 0) {
      await tracker.refresh()
      await new Promise((r) => setTimeout(r, 50))
    }
    return tracker.length >= this.base.local.length
  }

  // ---- reading ----------------------------------------------------------

  /** The member this device writes as. */
  get me(): string {
    return this.linkedTo?.member ?? this.writerKey
  }

  /** This device's own writer in this community. */
  get writerKey(): string {
    return this.base.local.key.toString('hex')
  }

  reader(bee: Hyperbee.BeeReader = this.base.view): ViewReader {
    const core = this.base.view.core
    // Signed history never changes, but the figure dips while the indexer set is re-signed.
    this.signedSeen = Math.min(Math.max(this.signedSeen, core.signedLength), core.length)
    return new ViewReader(bee, {
      me: this.me,
      writer: this.writerKey,
      replicatedLength: this.tracker?.length ?? 0,
      signedSeq: () => this.signedSeq(),
      muted: this.personal.muted,
      hidden: this.personal.hidden,
      around: this.reachingPart?.around ?? new Map()
    })
  }

  /** Who this member let in since it started (core/community/admission.ts). */
  private readonly admittedHere = new Set<string>()

  /** The signed count from blocks held here; null while the signed edge's block is not here yet. */
  private async signedSeqHeld(): Promise<number | null> {
    try {
      return await this.signedSeq({ wait: false })
    } catch (err) {
      if (isNotHeld(err)) return null
      throw err
    }
  }

  private signedCache = { length: 0, seq: 0 }

  /** The community's order counter as of the signed part of the view: posts below it are confirmed. */
  private async signedSeq(opts?: { wait: boolean }): Promise<number> {
    const length = this.signedSeen
    if (length === this.signedCache.length) return this.signedCache.seq
    // Fully signed (always so for a lone indexer): the current counter is the signed one.
    const whole = length === this.base.view.core.length
    const signed = whole ? this.base.view : this.base.view.checkout(length)
    try {
      const meta = await signed.get(keys.meta, opts)
      const seq = meta ? (meta.value as MetaRecord).seq : 0
      if (length > this.signedCache.length) this.signedCache = { length, seq }
      return seq
    } finally {
      if (!whole) await signed.close()
    }
  }

  async status(): Promise<SyncStatus> {
    const reader = this.reader()
    const meta = await reader.meta()
    const revoked = await this.isRevoked()
    return {
      communityId: this.id,
      name: meta?.name ?? 'a community still syncing',
      online: this.online,
      peers: this.peerCount,
      // Members here now: someone who left or was removed is no longer one to sync with.
      knownMembers: meta?.current ?? 0,
      writable: this.writable && !revoked,
      revoked,
      updateNeeded: this.updateNeeded,
      posts: await reader.myPostStates(),
      viewVersion: await this.viewVersion()
    }
  }

  async viewVersion(): Promise<string> {
    const core = this.base.view.core
    const length = core.length
    return `${length}.${(await core.treeHash(length)).toString('hex').slice(0, 16)}`
  }

  // ---- lifecycle --------------------------------------------------------

  protected override async _close(): Promise<void> {
    // Waits on this community (a write waiting to be let in, a join introducing itself) end now.
    this.emit('closing')
    await this.shutDown()
  }

  private async shutDown(): Promise<void> {
    this.wantOnline = false
    await this.networking.catch(() => undefined)
    await this.goOffline()
    this.devices.close()
    this.links?.close()
    if (this.lapseTimer) clearInterval(this.lapseTimer)
    // Reaching may still be opening on reads of a view that is not here (a newcomer's first
    // sync); only closing the base ends those reads, so it is not waited for before that.
    const reaching = this.reachingPart?.close().catch(() => undefined)
    this.receipts?.close()
    await this.tracker?.close()
    await this.sweeper.close()
    await this.base.close().catch(() => undefined)
    await this.store.close()
    await reaching
  }
}

/** How long a write by a member who was let in waits while Autobase re-applies their admission. */
const WRITABLE_AGAIN_MS = 10_000

/** How often a member looks for admissions that have lapsed. */
const LAPSE_CHECK_MS = 10 * 60 * 1000

export const DEFAULT_INVITE = {
  expiresInMs: LIMITS.inviteDefaultLifetimeMs,
  maxUses: LIMITS.inviteDefaultUses
}
