// Reaching out in one community: availability (in the log), presence (never
// in the log), reach-outs, and the conversations they open. Also decides
// which of these deserve a notification on this device.
import ReadyResource from 'ready-resource'
import hcrypto from 'hypercore-crypto'
import type { Notice } from '../domain/types.js'
import type { AvailabilityKind, AvailabilityState, ReachOut } from '../domain/reaching.js'
import { MutualError } from '../errors.js'
import { keys, prefixEnd } from '../view/records.js'
import type { ReachRecord } from '../view/records.js'
import { Conversations } from './conversations.js'
import type { ConversationHost } from './conversations.js'
import type { Arrival } from './inbox.js'
import { Presence } from './presence.js'

/** Reach-outs and messages older than this when they reach me are history, not news. */
const FRESH_MS = 60 * 60 * 1000
const LIST_MAX = 50

export type ReachNotice = Omit<Notice, 'communityId' | 'communityName'>

interface ReachingHost extends ConversationHost {
  readonly personal: ConversationHost['personal'] & { presence: boolean }
  /** The op version the community runs at: since 3, answers are acknowledged by the one who reached out. */
  version(): Promise<number>
}

const isAnswered = (reach: ReachRecord): boolean => reach.answers.length > 0 || reach.answered === true

export class Reaching extends ReadyResource {
  readonly presence: Presence
  readonly conversations: Conversations
  private reachSeen: number | null = null
  private aroundMembers = new Map<string, { atLimit: boolean }>()
  private running: Promise<void> = Promise.resolve()
  private checkQueued = false

  constructor(
    private readonly host: ReachingHost,
    deviceSecretKey: Buffer,
    communityKey: Buffer,
    discoveryKey: Buffer
  ) {
    super()
    this.conversations = new Conversations(host, deviceSecretKey, communityKey)
    this.presence = new Presence(discoveryKey)
    this.presence.on('changed', () => this.check())
  }

  /** Only what arrives after opening is news. */
  protected override async _open(): Promise<void> {
    const meta = await this.host.reader().meta()
    this.reachSeen = meta ? meta.seq - 1 : 0
    await this.conversations.scan()
    this.conversations.takeArrivals() // already here when we opened: not news
    await this.refreshPresence()
  }

  /**
   * Called on every view change and presence message; serialised, and a burst
   * of calls while one is waiting collapses into that one.
   */
  check(): Promise<void> {
    if (this.checkQueued) return this.running
    this.checkQueued = true
    this.running = this.running
      .then(() => {
        this.checkQueued = false
        return this.doCheck()
      })
      .catch((err: unknown) => {
        this.emit('warning', err)
      })
    return this.running
  }

  private async doCheck(): Promise<void> {
    await this.conversations.scan()
    for (const a of this.conversations.takeArrivals()) {
      const notice = await this.privateNotice(a)
      if (notice) this.emit('notice', notice)
    }
    await this.acknowledgeAnswers()
    await this.scanReachOuts()
    await this.refreshPresence()
  }

  // ---- availability and presence -------------------------------------

  async setAvailability(
    kind: AvailabilityKind | null,
    note: string | null,
    limit: number | null
  ): Promise<void> {
    await this.host.append({
      type: 'availability/set',
      kind,
      note: kind === null ? null : note,
      limit: kind === 'open' ? limit : null
    })
    await this.refreshPresence()
  }

  async availability(): Promise<AvailabilityState> {
    const me = await this.host.reader().member(this.host.me)
    return {
      mine: me?.availability ?? null,
      presence: this.host.personal.presence,
      openConversations: await this.conversations.openCount()
    }
  }

  /** Tells connected members whether I am around, and whether I am at my limit. */
  async refreshPresence(): Promise<void> {
    const state = await this.availability()
    const limit = state.mine?.kind === 'open' ? state.mine.limit : null
    const atLimit = limit !== null && state.openConversations >= limit
    this.presence.set({ around: state.presence, atLimit })
    await this.resolveAround()
  }

  /** Members around now, from connections proven to be theirs, while they are still members. */
  private async resolveAround(): Promise<void> {
    const reader = this.host.reader()
    const next = new Map<string, { atLimit: boolean }>()
    for (const [member, state] of this.presence.aroundMembers()) {
      const record = await reader.member(member)
      if (record && !record.left) next.set(member, state)
    }
    const same =
      next.size === this.aroundMembers.size &&
      [...next].every(([k, v]) => this.aroundMembers.get(k)?.atLimit === v.atLimit)
    this.aroundMembers = next
    if (!same) this.emit('around-changed')
  }

  get around(): ReadonlyMap<string, { atLimit: boolean }> {
    return this.aroundMembers
  }

  // ---- reach-outs ------------------------------------------------------

  /** To the community, or (with `to`) sealed for chosen members only. */
  async reachOut(context: string | null, to: readonly string[] | null): Promise<{ id: string | null }> {
    if (to !== null) {
      if (to.length === 0) throw new MutualError('bad-request', 'choose at least one member')
      for (const id of to) await this.conversations.send(id, { k: 'reach', context })
      return { id: null }
    }
    const id = hcrypto.randomBytes(8).toString('hex')
    await this.host.append({ type: 'reach/create', id, context, at: this.host.now() })
    return { id }
  }

  /**
   * "I'm here": a private line to the one who reached out, opening a
   * conversation. Since op version 3 that line is the answer: their device
   * marks the reach-out answered once it has read it, so nobody can mark it
   * answered without writing to them.
   */
  async answer(reachId: string): Promise<{ memberId: string }> {
    const reach = await this.reachRecord(reachId)
    if (reach.author === this.host.me) throw new MutualError('bad-request', 'this is your own reach-out')
    if (reach.closed) throw new MutualError('not-allowed', 'they have closed this reach-out')
    // Answering again just leads back to the conversation it opened.
    if (reach.answers.includes(this.host.me) || (await this.conversations.answersTo(reachId)).byMe)
      return { memberId: reach.author }
    await this.conversations.send(reach.author, { k: 'answer', reachId })
    if ((await this.host.version()) < 3) await this.host.append({ type: 'reach/answer', id: reachId })
    return { memberId: reach.author }
  }

  /** My open reach-outs that a private answer reached: say so, naming nobody. */
  private async acknowledgeAnswers(): Promise<void> {
    if ((await this.host.version()) < 3) return
    const reader = this.host.reader()
    for (const reach of await this.myOpenReachOuts()) {
      if (isAnswered(reach)) continue
      const { from } = await this.conversations.answersTo(reach.id)
      // An answer from someone I muted, or who is gone, is hidden from me: it reached nobody.
      for (const memberId of from) {
        const member = await reader.member(memberId)
        if (!member || member.left || this.host.personal.muted.has(memberId)) continue
        await this.host.append({ type: 'reach/answered', id: reach.id })
        break
      }
    }
  }

  private async myOpenReachOuts(): Promise<ReachRecord[]> {
    const reader = this.host.reader()
    const out: ReachRecord[] = []
    const range = {
      gt: keys.reachOrderPrefix,
      lt: prefixEnd(keys.reachOrderPrefix),
      reverse: true,
      limit: LIST_MAX
    }
    for await (const { value } of reader.bee.createReadStream(range)) {
      const reach = await reader.value<ReachRecord>(keys.reach(value as string))
      if (reach && reach.author === this.host.me && !reach.closed) out.push(reach)
    }
    return out
  }

  async closeReach(reachId: string): Promise<void> {
    const reach = await this.reachRecord(reachId)
    if (reach.author !== this.host.me)
      throw new MutualError('not-allowed', 'only its author can close a reach-out')
    if (!reach.closed) await this.host.append({ type: 'reach/close', id: reachId })
  }

  private async reachRecord(reachId: string): Promise<ReachRecord> {
    const reach = await this.host.reader().value<ReachRecord>(keys.reach(reachId))
    if (!reach) throw new MutualError('not-found', 'that reach-out is not here')
    return reach
  }

  /** Newest first. Who answered is shown only to the one who reached out. */
  async reachOuts(): Promise<ReachOut[]> {
    const reader = this.host.reader()
    const out: ReachOut[] = []
    const range = { gt: keys.reachOrderPrefix, lt: prefixEnd(keys.reachOrderPrefix), reverse: true }
    for await (const { value } of reader.bee.createReadStream(range)) {
      const reach = await reader.value<ReachRecord>(keys.reach(value as string))
      if (!reach || this.host.personal.muted.has(reach.author)) continue
      const mine = reach.author === this.host.me
      const lines = await this.conversations.answersTo(reach.id)
      const answerers = [...new Set([...reach.answers, ...lines.from])]
      out.push({
        id: reach.id,
        authorId: reach.author,
        author: await reader.nameOf(reach.author),
        context: reach.context,
        createdAt: reach.at,
        // My own reach-out counts as answered as soon as I can read an answer.
        answered: isAnswered(reach) || (mine && lines.from.length > 0),
        answeredByMe: reach.answers.includes(this.host.me) || lines.byMe,
        answeredBy: mine ? await Promise.all(answerers.map((k) => reader.nameOf(k))) : [],
        closed: reach.closed,
        mine,
        seq: reach.seq
      })
      if (out.length >= LIST_MAX) break
    }
    return out
  }

  // ---- notices ---------------------------------------------------------

  /** A community reach-out is news only to members open to listen, not at their limit. */
  private async scanReachOuts(): Promise<void> {
    if (this.reachSeen === null) return
    const reader = this.host.reader()
    const range = { gt: keys.reachOrder(this.reachSeen), lt: prefixEnd(keys.reachOrderPrefix) }
    const fresh: ReachRecord[] = []
    for await (const { key, value } of reader.bee.createReadStream(range)) {
      this.reachSeen = Number.parseInt(key.slice(keys.reachOrderPrefix.length), 16)
      const reach = await reader.value<ReachRecord>(keys.reach(value as string))
      if (reach) fresh.push(reach)
    }
    if (fresh.length === 0) return
    const state = await this.availability()
    const limit = state.mine?.kind === 'open' ? state.mine.limit : null
    if (state.mine?.kind !== 'open' || (limit !== null && state.openConversations >= limit)) return
    for (const reach of fresh) {
      if (reach.author === this.host.me || reach.closed || isAnswered(reach)) continue
      if (this.host.personal.muted.has(reach.author) || this.host.now() - reach.at > FRESH_MS) continue
      this.emit('notice', {
        kind: 'reach',
        postId: null,
        root: null,
        author: await reader.nameOf(reach.author),
        excerpt: reach.context ? `would like to talk: ${reach.context}` : 'would like to talk'
      } satisfies ReachNotice)
    }
  }

  /** Says who and what kind, never the content: notifications show on a screen others may see. */
  private async privateNotice({ memberId, entry }: Arrival): Promise<ReachNotice | null> {
    if (this.host.personal.muted.has(memberId) || this.host.now() - entry.at > FRESH_MS) return null
    const excerpt = {
      message: 'sent you a private message',
      reach: 'would like to talk with you',
      answer: 'is here: they answered your reach-out',
      'check-on-me': 'asked you to check on them',
      plan: 'shared their support plan with you',
      close: null,
      'plan-revoke': null,
      // Told by the community's own notice when the device has joined it.
      refound: null
    }[entry.kind]
    if (excerpt === null) return null
    return {
      kind: entry.kind === 'reach' ? 'reach' : 'private',
      postId: null,
      root: null,
      memberId,
      author: await this.host.reader().nameOf(memberId),
      excerpt
    }
  }

  protected override async _close(): Promise<void> {
    this.presence.close()
  }
}
