// The engine root: one profile folder, many communities. Front-ends reach it
// only through the RPC (core/rpc/handlers.ts, wired where it is served: the
// app's engine host, the CLI daemon, the tests) and the 'event' stream.
import ReadyResource from 'ready-resource'
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import hcrypto from 'hypercore-crypto'
import z32 from 'z32'
import { Community } from './community/community.js'
import {
  abandonPairing,
  decodeInviteKey,
  joinCancelled,
  pairWithInvite,
  rejection
} from './community/join.js'
import type { DecodedInvite } from './community/join.js'
import type { CommunitySummary, EngineEvent, JoinProgress } from './domain/types.js'
import { MutualError, isMutualError } from './errors.js'
import type { Bootstrap } from './network.js'
import { ProfileLock } from './profile/lock.js'
import { secureProfileDir } from './profile/permissions.js'
import { Profile } from './profile/profile.js'
import type { ProfileEntry } from './profile/profile.js'
import { ProfileKeys } from './profile/profile-keys.js'
import { DeviceLock } from './profile/device-lock.js'
import type { Protection } from './domain/passphrase.js'
import type { Keychain } from './profile/keyring.js'
import { sealOldStore } from './community/store-keys.js'
import { SuspendWatch } from './suspend.js'
import { NoticeWatcher } from './community/notices.js'
import { nextEvent } from './community/next-event.js'
import { TEMPLATE_AGREEMENTS, TEMPLATE_CONFIDENTIALITY } from './domain/governance.js'
import { SupportPlans } from './reaching/plans.js'
import { Refounding } from './community/refounding.js'
import type { ReachNotice } from './reaching/reaching.js'
import { Devices } from './linking/devices.js'
import type { DevicesHost, NewStore } from './linking/devices.js'
import { RecoveryPhrases } from './linking/recovery.js'
import type { SharedCommunity } from './linking/channel.js'
import { openStore } from './community/store.js'

export interface MutualOptions {
  storage: string
  /** DHT bootstrap nodes; the public DHT when absent. */
  bootstrap?: Bootstrap
  offline?: boolean
  /** The profile's passphrase, when it has one; without it a locked profile does not open. */
  passphrase?: string | undefined
  /**
   * The app's way: a locked profile without its passphrase opens locked, and
   * answers only the lock methods until `unlock` is given the passphrase.
   */
  startLocked?: boolean
  /** The desktop app's OS keychain: without a passphrase, the profile key is kept sealed by it. */
  keychain?: Keychain | undefined
  ackInterval?: number
  /** The clock used for invite expiry and post times; injectable so tests can move time. */
  now?: () => number
  /** Tests only: the newest op version to tolerate, standing in for a newer build. */
  newestOpVersion?: number
  /** Tests only: the op version new communities start at, standing in for an older build. */
  foundAtVersion?: number
  /** How often a join with nobody to let it in says so and asks again; 5 s unless a test hurries it. */
  joinCheckMs?: number
}

const NEW_ENTRY = {
  lastReadSeq: 0,
  notifications: true,
  muted: [],
  hiddenPosts: [],
  presence: true,
  conversationsRead: {},
  refoundedAs: null,
  // A new store seals its keys from its first write.
  keysSealed: true,
  seedCheck: null,
  linkedTo: null
}

export class Mutual extends ReadyResource {
  readonly now: () => number
  readonly plans: SupportPlans
  /** My devices: linking, naming and revoking them (core/linking/). */
  readonly devices: Devices
  readonly recovery: RecoveryPhrases
  private readonly refounding: Refounding
  private readonly profile: Profile
  private readonly lock: ProfileLock
  private unlocked: ProfileKeys | null = null
  private readonly deviceLock: DeviceLock
  private readonly communities = new Map<string, Community>()
  private readonly joins = new Map<string, AbortController>()
  /** Communities being joined right now, by discovery key: one join of each at a time. */
  private readonly pairingFor = new Set<string>()
  private readonly pendingEvents = new Map<string, EngineEvent>()
  private readonly suspendWatch: SuspendWatch
  private online: boolean

  constructor(private readonly opts: MutualOptions) {
    super()
    this.now = opts.now ?? Date.now
    this.online = !opts.offline
    this.profile = new Profile(opts.storage)
    this.lock = new ProfileLock(opts.storage)
    this.plans = new SupportPlans(opts.storage, {
      get: (id) => this.get(id),
      has: (id) => this.communities.has(id),
      now: () => this.now(),
      planKey: () => this.keys.supportPlan
    })
    this.refounding = new Refounding({
      refoundedAs: (id) => this.profile.get(id)?.refoundedAs ?? null,
      markRefounded: async (oldId, newId) => {
        await this.profile.update(oldId, { refoundedAs: newId })
        this.emitEvent({ type: 'communities-changed' })
      },
      create: (name, displayName, agreements) => this.create(name, displayName, agreements),
      join: (invite, displayName) => this.join(invite, displayName),
      get: (id) => this.get(id),
      warn: (err) => this.emitEvent({ type: 'engine-error', message: String(err) })
    })
    const devicesHost: DevicesHost = {
      bootstrap: opts.bootstrap,
      now: () => this.now(),
      online: () => this.online,
      communities: () => this.list(),
      thisDevice: () => this.profile.device,
      nameThisDevice: (device) => this.profile.setDevice(device),
      newStore: () => this.newStore(),
      discardStore: async (made) => {
        await made.store.close().catch(() => undefined)
        await rm(this.profile.folderPath(made.folder), { recursive: true, force: true })
      },
      adopt: (made, shared) => this.adopt(made, shared),
      emit: (event) => this.emitEvent(event)
    }
    this.devices = new Devices(devicesHost)
    this.recovery = new RecoveryPhrases({
      ...devicesHost,
      recoveryKey: () => this.profile.recoveryKey,
      setRecoveryKey: (key) => this.profile.setRecoveryKey(key),
      plan: async () => {
        const { plan } = await this.plans.get()
        if (plan.version === 0) return null
        const { version: _version, updatedAt: _updatedAt, ...content } = plan
        return content
      },
      restorePlan: async (content) => {
        await this.plans.save(content)
      }
    })
    this.suspendWatch = new SuspendWatch(() => void this.refreshNetwork())
    this.deviceLock = new DeviceLock({
      storage: opts.storage,
      keychain: opts.keychain ?? null,
      keys: () => this.unlocked,
      openWith: (keys) => this.openWith(keys),
      changed: (locked) => {
        this.emitEvent({ type: 'lock-changed', locked })
        if (!locked) this.emitEvent({ type: 'communities-changed' })
      }
    })
  }

  protected override async _open(): Promise<void> {
    await secureProfileDir(this.opts.storage)
    this.lock.acquire()
    try {
      try {
        this.unlocked = await ProfileKeys.unlock(
          this.opts.storage,
          this.opts.passphrase,
          this.opts.keychain ?? null
        )
      } catch (err) {
        if (!(this.opts.startLocked && isMutualError(err) && err.code === 'locked')) throw err
        // Open, holding the folder, but nothing of the profile is read until the passphrase comes.
        this.deviceLock.startedLocked()
        return
      }
      await this.openProfile()
    } catch (err) {
      await this.closeCommunities()
      this.lock.release()
      throw err
    }
  }

  private async openProfile(): Promise<void> {
    await this.profile.load(this.keys.profileFile)
    // An older profile's plan is resealed now, not the first time someone happens to open it.
    await this.plans
      .load()
      .catch((err: unknown) => this.emitEvent({ type: 'engine-error', message: String(err) }))
    await Promise.all(this.profile.list().map((e) => this.resume(e)))
    this.suspendWatch.start()
  }

  /** Opens the profile with keys a passphrase just unlocked; nothing stays half-open if that fails. */
  private async openWith(keys: ProfileKeys): Promise<void> {
    this.unlocked = keys
    try {
      await this.openProfile()
    } catch (err) {
      this.suspendWatch.stop()
      await this.closeCommunities()
      this.unlocked = null
      throw err
    }
  }

  /** Whether only the lock methods answer now (see rpc/handlers-device.ts). */
  get locked(): boolean {
    return this.deviceLock.locked
  }

  get lockAfterMinutes(): number | null {
    return this.unlocked ? this.profile.lockAfterMinutes : null
  }

  async setLockAfterMinutes(minutes: number): Promise<void> {
    await this.profile.setLockAfterMinutes(minutes)
    this.emitEvent({ type: 'lock-changed', locked: this.locked })
  }

  lockNow(): void {
    this.deviceLock.lockNow()
  }

  unlock(passphrase: string): Promise<void> {
    return this.deviceLock.unlock(passphrase)
  }

  /** The unlocked profile's keys; only asked for once the profile is open. */
  private get keys(): ProfileKeys {
    if (!this.unlocked) throw new MutualError('closed', 'the profile is not open')
    return this.unlocked
  }

  /**
   * Opens a community this device already holds. A store from before the
   * lock has its plain seed and encryption key sealed first, and is then
   * compacted so the plain ones are gone from its files.
   */
  private async resume(entry: ProfileEntry): Promise<Community> {
    const linkedTo = entry.linkedTo && {
      member: entry.linkedTo.member,
      conversationKey:
        entry.linkedTo.conversationKey === null ? null : Buffer.from(entry.linkedTo.conversationKey, 'hex')
    }
    if (entry.keysSealed) return this.start(entry.folder, { linkedTo })
    const keys = this.keys.forStore(entry.folder)
    await sealOldStore(this.profile.folderPath(entry.folder), keys.seedPad, {
      check: entry.seedCheck,
      saveCheck: (seedCheck) => this.profile.update(entry.id, { seedCheck })
    })
    const community = await this.start(entry.folder, null)
    await community.forgetPlainKeys()
    await this.profile.update(entry.id, { keysSealed: true, seedCheck: null })
    return community
  }

  /** Opens a community from its folder (or hands over a fresh join) and brings it online. */
  private async start(
    folder: string,
    extra: Partial<ConstructorParameters<typeof Community>[0]> | null
  ): Promise<Community> {
    const community = new Community({
      dir: this.profile.folderPath(folder),
      keys: this.keys.forStore(folder),
      key: null,
      bootstrap: this.opts.bootstrap,
      ackInterval: this.opts.ackInterval,
      now: this.now,
      newestOpVersion: this.opts.newestOpVersion,
      foundAtVersion: this.opts.foundAtVersion,
      ...extra
    })
    await community.ready()
    this.communities.set(community.id, community)
    this.applyPersonal(community)
    const notices = new NoticeWatcher(
      community.id,
      () => community.reader(),
      () => community.me,
      this.now,
      (notice) => {
        if (this.profile.get(notice.communityId)?.notifications !== false)
          this.emitEvent({ type: 'notice', notice })
      }
    )
    await community.whenViewHeld(() => notices.ready())
    community.on('notice', (notice: ReachNotice) => {
      const meta = community.reader().meta()
      void meta.then((m) => {
        if (this.profile.get(community.id)?.notifications === false) return
        this.emitEvent({
          type: 'notice',
          notice: { communityId: community.id, communityName: m?.name ?? '', ...notice }
        })
      })
    })
    community.on('changed', () => {
      this.queueEvent({ type: 'community-changed', communityId: community.id })
      void notices.check()
      this.refounding.check(community)
    })
    this.refounding.check(community)
    community.on('sync', () => this.queueEvent({ type: 'sync-changed', communityId: community.id }))
    community.on('warning', (err: Error) => this.emitEvent({ type: 'engine-error', message: err.message }))
    // Also when offline: a join handed over with its own place on the topic gives it up now.
    await community.setOnline(this.online)
    return community
  }

  get isOnline(): boolean {
    return this.online
  }

  list(): Community[] {
    return [...this.communities.values()]
  }

  get(id: string): Community {
    const community = this.communities.get(id)
    if (!community) throw new MutualError('not-found', 'you are not in a community with that id')
    return community
  }

  async summaries(): Promise<CommunitySummary[]> {
    const out: CommunitySummary[] = []
    for (const c of this.communities.values()) {
      const reader = c.reader()
      const meta = await reader.meta()
      const me = await reader.member(c.me)
      const local = this.profile.get(c.id)
      out.push({
        id: c.id,
        name: meta?.name ?? 'a community still syncing',
        myName: me?.name ?? '',
        writable: c.writable,
        memberCount: meta?.current ?? 0,
        unread: await reader.unreadAfter(local?.lastReadSeq ?? 0),
        latestSeq: meta ? meta.seq - 1 : 0,
        notifications: local?.notifications ?? true,
        refoundedAs: local?.refoundedAs ?? null
      })
    }
    return out
  }

  async create(
    name: string,
    displayName: string,
    agreements: { text: string; confidentiality: string } = {
      text: TEMPLATE_AGREEMENTS,
      confidentiality: TEMPLATE_CONFIDENTIALITY
    }
  ): Promise<string> {
    await this.ready()
    const folder = hcrypto.randomBytes(16).toString('hex')
    const community = await this.start(folder, null)
    await community.found(name, displayName, agreements.text, agreements.confidentiality)
    await this.profile.add({
      id: community.id,
      folder,
      ...NEW_ENTRY
    })
    this.emitEvent({ type: 'communities-changed' })
    return community.id
  }

  async join(
    inviteText: string,
    displayName: string,
    joinId: string = hcrypto.randomBytes(8).toString('hex')
  ): Promise<{ id: string; nameTaken: boolean }> {
    await this.ready()
    const invite = decodeInviteKey(inviteText, this.now())
    this.refuseKnown(invite)
    if (!this.online)
      throw new MutualError(
        'offline',
        'you are offline; joining needs a member to let you in, so go online first'
      )
    const abort = new AbortController()
    this.joins.set(joinId, abort)
    const topic = invite.discoveryKey.toString('hex')
    this.pairingFor.add(topic)
    const progress = (p: Omit<JoinProgress, 'joinId'>) =>
      this.emitEvent({ type: 'join-progress', progress: { joinId, ...p } })
    try {
      progress({ stage: 'looking-for-member', communityId: null, have: 0, total: 0 })
      const folder = hcrypto.randomBytes(16).toString('hex')
      const paired = await pairWithInvite(invite, {
        dir: this.profile.folderPath(folder),
        seedPad: this.keys.forStore(folder).seedPad,
        bootstrap: this.opts.bootstrap,
        signal: abort.signal,
        ...(this.opts.joinCheckMs ? { lonelyAfterMs: this.opts.joinCheckMs } : {}),
        onLonely: (alone) =>
          progress({
            stage: alone ?? 'looking-for-member',
            communityId: null,
            have: 0,
            total: 0
          })
      })
      const id = z32.encode(paired.key)
      progress({ stage: 'syncing', communityId: id, have: 0, total: 0 })
      let community: Community
      try {
        community = await this.start(folder, {
          key: paired.key,
          encryptionKey: paired.encryptionKey,
          store: paired.store,
          swarm: paired.swarm,
          discovery: paired.discovery,
          links: paired.links,
          keyGivers: new Set(paired.keyGiver ? [paired.keyGiver] : [])
        })
        await this.profile.add({ id, folder, ...NEW_ENTRY })
      } catch (err) {
        // Nothing half-started stays behind, and nothing goes on announcing this device on the topic.
        if (this.communities.has(id)) await this.forget(id)
        else await abandonPairing(paired, this.profile.folderPath(folder))
        throw err
      }
      const ticker = setInterval(
        () => progress({ stage: 'syncing', communityId: id, ...community.syncProgress() }),
        250
      )
      let nameTaken: boolean
      try {
        nameTaken = await introduce(community, displayName, abort.signal)
      } catch (err) {
        // Told we lost the invite to someone else, or cancelled: nothing of the community stays here,
        // and a place already given is handed back.
        if (isMutualError(err) && err.code === 'closed')
          await community.withdrawAdmission().catch(() => undefined)
        if (isMutualError(err) && (err.code === 'invite-used' || err.code === 'closed')) await this.forget(id)
        throw err
      } finally {
        clearInterval(ticker)
      }
      this.emitEvent({ type: 'communities-changed' })
      progress({ stage: 'done', communityId: id, ...community.syncProgress() })
      return { id, nameTaken }
    } finally {
      this.joins.delete(joinId)
      this.pairingFor.delete(topic)
    }
  }

  private newStore(): NewStore {
    const folder = hcrypto.randomBytes(16).toString('hex')
    return { folder, store: openStore(this.profile.folderPath(folder), this.keys.forStore(folder).seedPad) }
  }

  /** A community another device of mine shared: opened here writing as the same member. */
  private async adopt(made: NewStore, shared: SharedCommunity): Promise<Community> {
    const key = Buffer.from(shared.key, 'hex')
    const id = z32.encode(key)
    const linkedTo = { member: shared.member, conversationKey: shared.conversationKey }
    try {
      const community = await this.start(made.folder, {
        key,
        encryptionKey: Buffer.from(shared.encryptionKey, 'hex'),
        store: made.store,
        linkedTo: {
          member: shared.member,
          conversationKey: shared.conversationKey === null ? null : Buffer.from(shared.conversationKey, 'hex')
        }
      })
      await this.profile.add({ id, folder: made.folder, ...NEW_ENTRY, linkedTo })
      this.emitEvent({ type: 'communities-changed' })
      return community
    } catch (err) {
      if (this.communities.has(id)) await this.forget(id)
      else {
        await made.store.close().catch(() => undefined)
        await rm(this.profile.folderPath(made.folder), { recursive: true, force: true })
      }
      throw err
    }
  }

  private refuseKnown(invite: DecodedInvite): void {
    // A second join of the same community while the first is pairing would open it twice.
    if (this.pairingFor.has(invite.discoveryKey.toString('hex')))
      throw new MutualError(
        'already-joining',
        'you are already joining this community; wait for that join to finish, or cancel it'
      )
    for (const c of this.communities.values()) {
      if (c.base.discoveryKey.equals(invite.discoveryKey)) {
        throw new MutualError(
          'invite-for-joined-community',
          `you are already a member of this community (${c.id})`
        )
      }
    }
  }

  async markRead(id: string, seq: number): Promise<void> {
    const current = this.profile.get(this.get(id).id)?.lastReadSeq ?? 0
    // Reading never goes backwards: a stale window cannot resurrect old unread counts.
    if (seq > current) await this.profile.update(id, { lastReadSeq: seq })
    this.emitEvent({ type: 'communities-changed' })
  }

  async setNotifications(id: string, enabled: boolean): Promise<void> {
    this.get(id)
    await this.profile.update(id, { notifications: enabled })
    this.emitEvent({ type: 'communities-changed' })
  }

  /** Personal moderation: takes effect at once, on this device only, and never enters the log. */
  async setMuted(id: string, memberId: string, muted: boolean): Promise<void> {
    const current = this.profile.get(this.get(id).id)?.muted ?? []
    await this.setPersonal(id, { muted: toggled(current, memberId, muted) })
  }

  async setHidden(id: string, postId: string, hidden: boolean): Promise<void> {
    const current = this.profile.get(this.get(id).id)?.hiddenPosts ?? []
    await this.setPersonal(id, { hiddenPosts: toggled(current, postId, hidden) })
  }

  /** Saves a personal choice about a community and applies it on this device at once. */
  private async setPersonal(id: string, change: Partial<ProfileEntry>): Promise<void> {
    await this.profile.update(id, change)
    this.applyPersonal(this.get(id))
    this.emitEvent({ type: 'community-changed', communityId: id })
  }

  private applyPersonal(community: Community): void {
    const entry = this.profile.get(community.id)
    community.personal = {
      muted: new Set(entry?.muted ?? []),
      hidden: new Set(entry?.hiddenPosts ?? []),
      presence: entry?.presence ?? true,
      conversationsRead: entry?.conversationsRead ?? {}
    }
    void community.reaching.check()
  }

  /** Presence is personal: whether members connected to me may see that I am around. */
  async setPresence(id: string, visible: boolean): Promise<void> {
    await this.setPersonal(this.get(id).id, { presence: visible })
  }

  async markConversationRead(id: string, memberId: string, seq: number): Promise<void> {
    const read = this.profile.get(this.get(id).id)?.conversationsRead ?? {}
    if ((read[memberId] ?? -1) >= seq) return
    await this.setPersonal(id, { conversationsRead: { ...read, [memberId]: seq } })
  }

  /** How this device's profile is protected at rest. */
  get protection(): Protection {
    // Started locked: only a passphrase locks a profile before it is read.
    return this.unlocked?.protection ?? 'passphrase'
  }

  async setPassphrase(current: string | undefined, next: string): Promise<void> {
    await this.ready()
    await this.deviceLock.setPassphrase(current, next)
  }

  async removePassphrase(current: string): Promise<void> {
    await this.ready()
    await this.deviceLock.removePassphrase(current)
  }

  /**
   * Removes this device's whole profile: every community, conversation and
   * the support plan, and the keys to them. It cannot reach what other
   * members already hold. The engine is closed after; 'wiped' tells its host.
   */
  async wipe(): Promise<void> {
    await this.ready()
    this.deviceLock.wiped()
    await this.close()
    // Writes already on their way land before the folder is emptied, not after.
    await this.profile.settled()
    await this.plans.settled()
    this.unlocked = null
    const dir = this.opts.storage
    for (const entry of await readdir(dir)) await rm(join(dir, entry), { recursive: true, force: true })
    this.emit('wiped')
  }

  cancelJoin(joinId: string): boolean {
    const abort = this.joins.get(joinId)
    abort?.abort()
    return abort !== undefined
  }

  async leave(id: string): Promise<void> {
    const community = this.get(id)
    await community.leave()
    await community.whenShared(5000)
    await this.forget(id)
  }

  /** Closes a community and removes everything of it from this device. */
  private async forget(id: string): Promise<void> {
    const community = this.communities.get(id)
    this.communities.delete(id)
    await community?.close()
    const entry = this.profile.list().find((e) => e.id === id)
    await this.profile.remove(id)
    if (entry) await rm(this.profile.folderPath(entry.folder), { recursive: true, force: true })
    this.emitEvent({ type: 'communities-changed' })
  }

  async setOnline(online: boolean): Promise<void> {
    this.online = online
    await Promise.all(this.list().map((c) => c.setOnline(online)))
  }

  async refreshNetwork(): Promise<void> {
    await Promise.all(this.list().map((c) => c.refresh().catch(() => undefined)))
  }

  // Many ops can land in one burst; front-ends want one nudge per community per tick.
  private queueEvent(event: EngineEvent): void {
    const key = 'communityId' in event ? `${event.type}:${event.communityId}` : event.type
    if (this.pendingEvents.size === 0) setImmediate(() => this.flushEvents())
    this.pendingEvents.set(key, event)
  }

  private flushEvents(): void {
    const events = [...this.pendingEvents.values()]
    this.pendingEvents.clear()
    for (const e of events) this.emitEvent(e)
  }

  private emitEvent(event: EngineEvent): void {
    // While locked, a notice says only that something came: no names, no words.
    this.emit('event', this.locked && event.type === 'notice' ? { type: 'notice-while-locked' } : event)
  }

  protected override async _close(): Promise<void> {
    this.suspendWatch.stop()
    for (const abort of this.joins.values()) abort.abort()
    this.recovery.close()
    await this.devices.close()
    await this.deviceLock.settled()
    await this.closeCommunities()
    this.lock.release()
  }

  private async closeCommunities(): Promise<void> {
    const all = this.list()
    this.communities.clear()
    await Promise.all(all.map((c) => c.close()))
  }
}

/**
 * Waits to be let in, then writes the newcomer's name; true when another
 * member holds it. Being let in can be undone for a moment while the order
 * settles (Autobase re-applies what it has not yet signed, my admission with
 * it), so a write refused then waits to be let in again, rather than failing
 * a join that worked.
 */
async function introduce(community: Community, displayName: string, signal: AbortSignal): Promise<boolean> {
  for (;;) {
    await waitUntilWritable(community, signal)
    try {
      // A name another member holds is not taken over: the newcomer chooses again. A cancel
      // ends the join at once, even while the write waits to be let in again.
      await unlessCancelled(community.setProfile(displayName, null), signal)
      return false
    } catch (err) {
      if (isMutualError(err) && err.code === 'name-taken') return true
      if (!(isMutualError(err) && err.code === 'not-writable')) throw err
    }
    // My view has not caught up with my admission yet: try again once it changes.
    await nextEvent(community, 'changed', NEXT_CHANGE_MS)
  }
}

/** The longest a join waits for its view to change before it looks again anyway. */
const NEXT_CHANGE_MS = 1000

/** `work`, unless the join is cancelled or its community closes first. */
function unlessCancelled<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined)
    return Promise.reject(joinCancelled())
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(joinCancelled())
    signal.addEventListener('abort', abort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
  })
}

function waitUntilWritable(community: Community, signal: AbortSignal): Promise<void> {
  // A cancel or a close that came before this wait began has no event left to wait for.
  if (signal.aborted || community.isClosing) return Promise.reject(joinCancelled())
  if (community.writable) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const check = () => {
      const refusal = community.refusal
      if (refusal === 'invite-used' || refusal === 'lapsed') {
        cleanup()
        reject(rejection(refusal))
        return
      }
      if (!community.writable) return
      cleanup()
      resolve()
    }
    const abort = () => {
      cleanup()
      reject(joinCancelled())
    }
    const cleanup = () => {
      community.off('changed', check)
      community.off('sync', check)
      community.off('closing', abort)
      signal.removeEventListener('abort', abort)
    }
    community.on('changed', check)
    community.on('sync', check)
    community.once('closing', abort)
    signal.addEventListener('abort', abort, { once: true })
  })
}

/** `list` with `item` in it or not, each item once. */
function toggled(list: readonly string[], item: string, present: boolean): string[] {
  return present ? [...new Set([...list, item])] : list.filter((x) => x !== item)
}
