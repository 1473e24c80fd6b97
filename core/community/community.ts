// One community on this device: its store, its Autobase, and its own swarm.
// A swarm per community keeps a member's presence in one group unlinkable
// from their presence in another (distinct network keys), and lets leaving
// wipe a whole directory.
import { EventEmitter } from 'node:events'
import Corestore from 'corestore'
import BlindPairing from 'blind-pairing'
import type Hyperswarm from 'hyperswarm'
import z32 from 'z32'
import hcrypto from 'hypercore-crypto'
import { createBase } from './base.js'
import type { CommunityBase } from './base.js'
import { admitCandidate } from './admission.js'
import { ReplicationTracker } from './replication.js'
import { Rediscovery } from './rediscovery.js'
import { WriteQueue } from './write-queue.js'
import { ALLOWED_BEFORE_AGREEING, encodeOp } from '../domain/ops.js'
import type { Op } from '../domain/ops.js'
import { LIMITS } from '../domain/limits.js'
import type { CreatedInvite, ReactionKind, ReplyMode, SyncStatus } from '../domain/types.js'
import { MutualError } from '../errors.js'
import { createSwarm } from '../network.js'
import type { Bootstrap } from '../network.js'
import { ViewReader } from '../view/read.js'
import { keys } from '../view/records.js'
import type { MetaRecord } from '../view/records.js'
import { UPDATE_NEEDED } from '../view/apply.js'
import { Consent } from './consent.js'
import { DeviceGuard } from './device-guard.js'
import { Reaching } from '../reaching/reaching.js'
import { CHECK_INS_TOPIC, RESOURCES_TOPIC } from '../domain/reaching.js'
import type { ResourceKind } from '../domain/reaching.js'

export interface CommunityOptions {
  dir: string
  key: Buffer | null
  encryptionKey?: Buffer | null
  bootstrap?: Bootstrap
  ackInterval?: number
  now?: () => number
  newestOpVersion?: number | undefined
  /** Handed over by a join, so pairing's discovery work is not thrown away. */
  store?: Corestore
  swarm?: Hyperswarm
}

export class Community extends EventEmitter {
  readonly dir: string
  readonly store: Corestore
  readonly base: CommunityBase
  private swarm: Hyperswarm | null
  private pairing: BlindPairing | null = null
  private rediscovery: Rediscovery | null = null
  private readonly writes: WriteQueue
  private tracker: ReplicationTracker | null = null
  private readonly bootstrap: Bootstrap | undefined
  private opening: Promise<void> | null = null
  private closing: Promise<void> | null = null
  private networking: Promise<void> = Promise.resolve()
  private wantOnline = false
  private signedSeen = 0
  private agreedSeen = false
  readonly now: () => number
  readonly consent: Consent
  private readonly devices: DeviceGuard
  /** Personal choices on this device, kept in the profile and never in the log. */
  personal: {
    muted: ReadonlySet<string>
    hidden: ReadonlySet<string>
    presence: boolean
    conversationsRead: Readonly<Record<string, number>>
  } = { muted: new Set(), hidden: new Set(), presence: true, conversationsRead: {} }
  private reachingPart: Reaching | null = null
  updateNeeded = false

  constructor(opts: CommunityOptions) {
    super()
    this.dir = opts.dir
    this.bootstrap = opts.bootstrap
    this.now = opts.now ?? Date.now
    this.store = opts.store ?? new Corestore(opts.dir)
    this.swarm = opts.swarm ?? null
    this.base = createBase(this.store, {
      key: opts.key,
      encryptionKey: opts.encryptionKey ?? null,
      ackInterval: opts.ackInterval ?? 1000,
      newestOpVersion: opts.newestOpVersion
    })
    this.writes = new WriteQueue(this.base)
    this.consent = new Consent(this)
    this.devices = new DeviceGuard(this)
    this.base.on('update', () => {
      this.devices.refresh()
      // A founder's own member record only exists once the first op is applied.
      this.devices.claim()
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

  open(): Promise<void> {
    this.opening ??= this.doOpen()
    return this.opening
  }

  private async doOpen(): Promise<void> {
    await this.base.ready()
    this.tracker = new ReplicationTracker(this.base.local, () => {
      this.emit('changed')
      this.emit('sync')
    })
    await this.tracker.open()
    const device = await this.swarmKeyPair()
    const reaching = new Reaching(this, device.secretKey, this.base.key, this.base.discoveryKey)
    reaching.on('notice', (notice) => this.emit('notice', notice))
    reaching.on('around-changed', () => this.emit('changed'))
    reaching.on('warning', (err) => this.emit('warning', err))
    await reaching.start()
    this.reachingPart = reaching
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
    await this.append({ type: 'community/init', name, displayName, agreements, confidentiality })
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
    await this.open()
    const swarm =
      this.swarm ?? createSwarm(this.bootstrap, await this.swarmKeyPair(), (key) => this.devices.refuses(key))
    this.swarm = swarm
    this.devices.claim()
    for (const conn of swarm.connections) this.attach(conn)
    swarm.on('connection', (conn) => this.attach(conn))
    swarm.on('update', () => this.emit('sync'))
    // Members look up waiting candidates on the DHT as a fallback to direct connections.
    this.pairing = new BlindPairing(swarm, { poll: 30_000 })
    this.pairing.addMember({
      discoveryKey: this.base.discoveryKey,
      onadd: async (request) => {
        try {
          await admitCandidate({ base: this.base, reader: () => this.reader(), now: this.now }, request)
        } catch (err) {
          this.emit('warning', err)
        }
      }
    })
    const discovery = swarm.join(this.base.discoveryKey)
    this.rediscovery = new Rediscovery(swarm, discovery)
    await this.rediscovery.afterAnnounce()
  }

  /** This device's network identity in this community: its own, unlinkable to other communities. */
  swarmKeyPair(): Promise<{ publicKey: Buffer; secretKey: Buffer }> {
    return this.store.createKeyPair('mutual-swarm')
  }

  get connections(): Iterable<Hyperswarm.SwarmConnection> {
    return this.swarm?.connections ?? []
  }

  private attach(conn: Hyperswarm.SwarmConnection): void {
    if (this.devices.refuses(conn.remotePublicKey)) {
      conn.destroy()
      return
    }
    const stream = this.base.replicate(conn)
    this.reachingPart?.presence.attach(stream, conn.remotePublicKey)
    this.emit('sync')
    conn.once('close', () => this.emit('sync'))
  }

  private async goOffline(): Promise<void> {
    const { pairing, swarm } = this
    this.rediscovery?.stop()
    this.rediscovery = null
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

  get peerCount(): number {
    return this.swarm ? this.swarm.connections.size : 0
  }

  // ---- writing ----------------------------------------------------------

  async append(op: Op): Promise<void> {
    if (this.updateNeeded) {
      throw new MutualError(
        'update-needed',
        'this community has changes from a newer Mutual; please update to keep going'
      )
    }
    if (!this.base.writable) {
      const me = await this.reader().member(this.me)
      if (me?.removed) {
        throw new MutualError(
          'not-allowed',
          'the community decided you are no longer a member; what you already have stays on this device'
        )
      }
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
    await this.writes.append(encodeOp(op))
  }

  async createInvite(expiresInMs: number, maxUses: number, now: number): Promise<CreatedInvite> {
    const expiresAt = now + expiresInMs
    const settings = await this.reader().governance().settings()
    const created = BlindPairing.createInvite(this.base.key, { expires: expiresAt })
    const id = created.id.toString('hex')
    await this.append({
      type: 'invite/create',
      inviteId: id,
      publicKey: created.publicKey.toString('hex'),
      expiresAt,
      maxUses
    })
    // Blind pairing stores expiry in whole seconds; report what the invite itself says.
    return {
      invite: z32.encode(created.invite),
      id,
      expiresAt: created.expires || expiresAt,
      maxUses,
      awaitingSecond: settings.invite === 'second-member'
    }
  }

  async revokeInvite(inviteId: string): Promise<void> {
    const invite = await this.reader().invite(inviteId)
    if (!invite) throw new MutualError('not-found', 'there is no invite with that id in this community')
    await this.append({ type: 'invite/revoke', inviteId })
  }

  async createTopic(name: string): Promise<void> {
    if (await this.reader().topic(name)) return
    await this.append({ type: 'topic/create', name })
  }

  async post(input: {
    text: string
    topic?: string | undefined
    replyTo?: string | undefined
    mode?: ReplyMode | undefined
    note?: string | undefined
    mood?: string | undefined
    resource?: { kind: ResourceKind; name: string; contact?: string | null | undefined } | undefined
    now: number
  }): Promise<string> {
    const reader = this.reader()
    const topic = input.topic ?? 'general'
    if (input.replyTo) {
      const parent = await reader.postRecord(input.replyTo)
      if (!parent || parent.deleted)
        throw new MutualError('not-found', 'the post you are replying to is not here')
    } else if (!(await reader.topic(topic))) {
      throw new MutualError('not-found', `there is no topic "${topic}" in this community yet`)
    }
    checkTopicFields(input.replyTo ? null : topic, input)
    const id = hcrypto.randomBytes(8).toString('hex')
    const note = input.note?.trim() ? input.note.trim() : null
    await this.append({
      type: 'post/create',
      id,
      topic,
      replyTo: input.replyTo ?? null,
      mode: input.mode ?? (await reader.governance().settings()).defaultReplyMode,
      note,
      text: input.text,
      at: input.now,
      ...(input.mood ? { mood: input.mood } : {}),
      ...(input.resource
        ? {
            resource: {
              kind: input.resource.kind,
              name: input.resource.name,
              contact: input.resource.contact ?? null
            }
          }
        : {})
    })
    return id
  }

  private async ownPost(postId: string) {
    const post = await this.reader().postRecord(postId)
    if (!post || post.deleted) throw new MutualError('not-found', 'that post is not here')
    if (post.author !== this.me) throw new MutualError('not-allowed', 'you can only change your own posts')
    return post
  }

  async editPost(
    postId: string,
    change: { text: string; mode?: ReplyMode | undefined; note?: string | null | undefined; now: number }
  ): Promise<void> {
    const post = await this.ownPost(postId)
    const note = change.note === undefined ? post.note : change.note?.trim() || null
    await this.append({
      type: 'post/edit',
      id: postId,
      text: change.text,
      mode: change.mode ?? post.mode,
      note,
      at: change.now
    })
  }

  async deletePost(postId: string): Promise<void> {
    await this.ownPost(postId)
    await this.append({ type: 'post/delete', id: postId })
  }

  async react(postId: string, kind: ReactionKind, add: boolean): Promise<void> {
    const post = await this.reader().postRecord(postId)
    if (!post || post.deleted) throw new MutualError('not-found', 'that post is not here')
    await this.append({ type: add ? 'reaction/add' : 'reaction/remove', postId, kind })
  }

  async setProfile(displayName: string, color: string | null | undefined): Promise<void> {
    const me = await this.reader().member(this.me)
    await this.append({
      type: 'profile/set',
      displayName,
      color: color === undefined ? (me?.color ?? null) : color
    })
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

  get me(): string {
    return this.base.local.key.toString('hex')
  }

  reader(): ViewReader {
    const core = this.base.view.core
    // Signed history never changes, but the figure dips while the indexer set is re-signed.
    this.signedSeen = Math.min(Math.max(this.signedSeen, core.signedLength), core.length)
    return new ViewReader(this.base.view, {
      me: this.me,
      replicatedLength: this.tracker?.length ?? 0,
      signedSeq: () => this.signedSeq(),
      muted: this.personal.muted,
      hidden: this.personal.hidden,
      around: this.reachingPart?.around ?? new Map()
    })
  }

  private signedCache = { length: 0, seq: 0 }

  /** The community's order counter as of the signed part of the view: posts below it are confirmed. */
  private async signedSeq(): Promise<number> {
    const length = this.signedSeen
    if (length === this.signedCache.length) return this.signedCache.seq
    // Fully signed (always so for a lone indexer): the current counter is the signed one.
    const whole = length === this.base.view.core.length
    const signed = whole ? this.base.view : this.base.view.checkout(length)
    try {
      const meta = await signed.get(keys.meta)
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
    return {
      communityId: this.id,
      name: meta?.name ?? 'a community still syncing',
      online: this.online,
      peers: this.peerCount,
      knownMembers: meta?.memberCount ?? 0,
      writable: this.writable,
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

  close(): Promise<void> {
    this.closing ??= this.doClose()
    return this.closing
  }

  private async doClose(): Promise<void> {
    this.wantOnline = false
    await this.networking.catch(() => undefined)
    await this.goOffline()
    this.devices.close()
    this.reachingPart?.close()
    await this.tracker?.close()
    await this.base.close().catch(() => undefined)
    await this.store.close()
  }
}

/** Apply keeps moods to check-ins and resource details to the resources topic; say so before writing. */
function checkTopicFields(
  topic: string | null,
  input: { mood?: string | undefined; resource?: unknown }
): void {
  if (input.mood && topic !== CHECK_INS_TOPIC)
    throw new MutualError('bad-request', `a mood word goes with a check-in, in "${CHECK_INS_TOPIC}"`)
  if (input.resource !== undefined && topic !== RESOURCES_TOPIC)
    throw new MutualError('bad-request', `resource details go in "${RESOURCES_TOPIC}"`)
  if (input.resource === undefined && topic === RESOURCES_TOPIC)
    throw new MutualError('bad-request', 'a resource needs a kind and a name')
}

export const DEFAULT_INVITE = {
  expiresInMs: LIMITS.inviteDefaultLifetimeMs,
  maxUses: LIMITS.inviteDefaultUses
}
