// Queries over the community view, turning stored records into what
// front-ends see. Reads only; apply is the only writer.
import type Hyperbee from 'hyperbee'
import { LIMITS } from '../domain/limits.js'
import { memberMarker, namesClash } from '../domain/names.js'
import { REACTION_KINDS } from '../domain/types.js'
import type { FeedPage, InviteInfo, Member, Post, PostState, Thread, Topic } from '../domain/types.js'
import { keys, prefixEnd } from './records.js'
import { GovernanceReader } from './read-governance.js'
import { RecordReader, displayName } from './read-records.js'
import { isPath } from './posts.js'
import type { PostPointer } from './posts.js'
import type { QuotaRecord } from './quota.js'
import { CHECK_INS_TOPIC, RESOURCES_TOPIC } from '../domain/reaching.js'

const FIRST_TOPICS = ['general', CHECK_INS_TOPIC, RESOURCES_TOPIC]
import type {
  InviteRecord,
  MemberRecord,
  DeviceRecord,
  PostRecord,
  RecoveryRecord,
  TimelineRecord,
  WriterRecord,
  TopicRecord
} from './records.js'

/** What a reader needs to know about this device to describe posts honestly. */
interface Perspective {
  /** The member this device writes as. */
  me: string
  /** This device's own writer: the member's key, or a linked device's (op version 5). */
  writer: string
  /** How much of my own writer some other member is known to hold. */
  replicatedLength: number
  /** Posts whose place in the order is below this are signed by the indexer majority. */
  signedSeq: () => Promise<number>
  /** Personal moderation on this device: never in the log. */
  muted: ReadonlySet<string>
  hidden: ReadonlySet<string>
  /** Members connected to me and sharing presence, and whether they are at their limit. */
  around?: ReadonlyMap<string, { atLimit: boolean }>
}

export class ViewReader extends RecordReader {
  private signed: Promise<number> | null = null

  constructor(
    bee: Hyperbee.BeeReader,
    private readonly at: Perspective
  ) {
    super(bee)
  }

  governance(): GovernanceReader {
    return new GovernanceReader(this, this.at.me)
  }

  async post(id: string): Promise<Post | null> {
    const record = await this.postRecord(id)
    return record ? this.toPost(record) : null
  }

  async postRecord(id: string): Promise<PostRecord | null> {
    return this.pointed(await this.value<PostPointer>(keys.post(id)))
  }

  /** The record an index entry points at, in either layout (core/view/posts.ts). */
  private async pointed(at: PostPointer | null): Promise<PostRecord | null> {
    if (at === null || typeof at !== 'string') return at
    if (isPath(at)) return this.value<PostRecord>(at)
    return this.postRecord(at)
  }

  async feed(topic: string, limit: number = LIMITS.pageDefault, before?: number): Promise<FeedPage> {
    const prefix = keys.feedPrefix(topic)
    const lt = before === undefined ? prefixEnd(prefix) : keys.feed(topic, before)
    const pointers: PostPointer[] = []
    const seqs: number[] = []
    // One extra tells us whether an older page exists.
    for await (const entry of this.bee.createReadStream({
      gt: prefix,
      lt,
      reverse: true,
      limit: limit + 1
    })) {
      pointers.push(entry.value as PostPointer)
      seqs.push(Number.parseInt(entry.key.slice(prefix.length), 16))
    }
    const more = pointers.length > limit
    const posts = await this.posts(pointers.slice(0, limit))
    const last = seqs[Math.min(limit, seqs.length) - 1]
    return { posts, next: more && last !== undefined ? last : null }
  }

  async thread(rootId: string): Promise<Thread | null> {
    const root = await this.post(rootId)
    if (!root) return null
    if (root.root !== root.id) return this.thread(root.root)
    const prefix = keys.threadPrefix(rootId)
    const replies: PostPointer[] = []
    for await (const entry of this.bee.createReadStream({ gt: prefix, lt: prefixEnd(prefix) }))
      replies.push(entry.value as PostPointer)
    return { root, replies: await this.posts(replies) }
  }

  async members(): Promise<Member[]> {
    const out: Member[] = []
    for await (const entry of this.range(keys.memberPrefix)) {
      const m = entry.value as MemberRecord
      out.push({
        id: m.key,
        name: displayName(m),
        marker: memberMarker(m.key),
        color: m.color,
        joinedSeq: m.joinedSeq,
        isMe: m.key === this.at.me,
        left: m.left,
        removed: m.removed,
        agreed: m.agreedVersion !== null,
        muted: this.at.muted.has(m.key),
        availability: m.left ? null : (m.availability ?? null),
        aroundNow: !m.left && (this.at.around?.has(m.key) ?? false),
        atLimit: this.at.around?.get(m.key)?.atLimit ?? false
      })
    }
    return out.sort((a, b) => a.joinedSeq - b.joinedSeq || a.id.localeCompare(b.id))
  }

  /** What the view says of a writer that is not a member of its own: a linked or revoked device. */
  async writer(key: string): Promise<WriterRecord | null> {
    return this.value<WriterRecord>(keys.writer(key))
  }

  /** The recovery key a member recorded (op version 5). */
  async recoveryKeyOf(member: string): Promise<string | null> {
    return (await this.value<RecoveryRecord>(keys.recovery(member)))?.key ?? null
  }

  /** The member a recovery key names. */
  recoveryMember(key: string): Promise<string | null> {
    return this.value<string>(keys.recoveryKey(key))
  }

  /** Every recovery key recorded here: members a restoring device may be looking for. */
  async recoveryKeys(): Promise<string[]> {
    const out: string[] = []
    for await (const entry of this.range(keys.recoveryKeyPrefix))
      out.push(entry.key.slice(keys.recoveryKeyPrefix.length))
    return out
  }

  /** A member's devices, the first writer included (op version 5). */
  async devices(member: string): Promise<DeviceRecord[]> {
    return (
      (await this.value<DeviceRecord[]>(keys.devices(member))) ?? [
        { writer: member, device: null, name: null, revoked: false }
      ]
    )
  }

  /** Another current member whose name clashes with `name` (core/domain/names.ts), if any. */
  async nameHolder(name: string, except: string): Promise<MemberRecord | null> {
    for await (const entry of this.range(keys.memberPrefix)) {
      const m = entry.value as MemberRecord
      if (m.key !== except && !m.left && m.name !== null && namesClash(name, m.name)) return m
    }
    return null
  }

  /** Whether this writer's admission lost to another use of the same invite. */
  async admissionRefused(writerKey: string): Promise<boolean> {
    return (await this.value(keys.admissionRefused(writerKey))) !== null
  }

  async invites(): Promise<InviteInfo[]> {
    const out: InviteInfo[] = []
    for await (const entry of this.range(keys.invitePrefix)) {
      const i = entry.value as InviteRecord
      out.push({
        id: i.id,
        expiresAt: i.expiresAt,
        maxUses: i.maxUses,
        uses: i.uses,
        revoked: i.revoked,
        createdBy: await this.nameOf(i.createdBy),
        awaitingSecond: i.needsSecond && i.secondedBy === null,
        secondedBy: i.secondedBy === null ? null : await this.nameOf(i.secondedBy),
        mine: i.createdBy === this.at.me
      })
    }
    return out
  }

  async invite(id: string): Promise<InviteRecord | null> {
    return this.value<InviteRecord>(keys.invite(id))
  }

  async topics(): Promise<Topic[]> {
    const out: Topic[] = []
    for await (const entry of this.range(keys.topicPrefix)) {
      const t = entry.value as TopicRecord
      out.push({ name: t.name, postCount: t.postCount })
    }
    // Built-in topics exist from the start; apply writes their record on first use.
    for (const name of [CHECK_INS_TOPIC, RESOURCES_TOPIC])
      if (!out.some((t) => t.name === name)) out.push({ name, postCount: 0 })
    // The community's own space first, then the built-in ones, then the rest by name.
    const rank = (name: string) => FIRST_TOPICS.indexOf(name) + 1 || FIRST_TOPICS.length + 1
    return out.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name))
  }

  async topic(name: string): Promise<TopicRecord | null> {
    const record = await this.value<TopicRecord>(keys.topic(name))
    if (record || (name !== CHECK_INS_TOPIC && name !== RESOURCES_TOPIC)) return record
    return { name, postCount: 0, createdBy: '' }
  }

  /** Posts and replies from others after `seq`, counted up to `cap` (a badge shows "99+", not an exact figure). */
  async unreadAfter(seq: number, cap = 100): Promise<number> {
    let count = 0
    for await (const entry of this.bee.createReadStream({
      gt: keys.timeline(seq),
      lt: prefixEnd(keys.timelinePrefix)
    })) {
      if ((entry.value as TimelineRecord).author !== this.at.me) count++
      if (count >= cap) break
    }
    return count
  }

  /** Posts and replies after `seq`, oldest first, at most `limit`. */
  async timelineAfter(seq: number, limit: number): Promise<{ seq: number; record: TimelineRecord }[]> {
    const out: { seq: number; record: TimelineRecord }[] = []
    const stream = this.bee.createReadStream({
      gt: keys.timeline(seq),
      lt: prefixEnd(keys.timelinePrefix),
      limit
    })
    for await (const entry of stream) {
      out.push({
        seq: Number.parseInt(entry.key.slice(keys.timelinePrefix.length), 16),
        record: entry.value as TimelineRecord
      })
    }
    return out
  }

  /**
   * Counts my posts by state. Legacy posts are found through my authored
   * index. Lean ones are counted on my quota record, and only those not yet
   * confirmed, all above the signed point, are looked at one by one.
   */
  async myPostStates(): Promise<Record<PostState, number>> {
    const counts: Record<PostState, number> = { local: 0, replicated: 0, confirmed: 0 }
    const signedSeq = await this.signedSeq()
    for await (const entry of this.range(keys.authoredPrefix(this.at.me))) {
      const record = await this.postRecord(entry.value as string)
      if (!record || record.deleted) continue
      counts[this.stateOf(record, signedSeq)]++
    }
    let lean = (await this.value<QuotaRecord>(keys.quota(this.at.writer)))?.posts ?? 0
    for await (const entry of this.bee.createReadStream({
      gte: keys.timeline(signedSeq),
      lt: prefixEnd(keys.timelinePrefix)
    })) {
      const { id, author } = entry.value as TimelineRecord
      if (author !== this.at.me) continue
      const at = await this.value<PostPointer>(keys.post(id))
      const record = at !== null && isPath(at) ? await this.value<PostRecord>(at) : null
      if (!record || record.deleted || (record.writer ?? record.author) !== this.at.writer) continue
      counts[this.stateOf(record, signedSeq)]++
      lean--
    }
    counts.confirmed += Math.max(0, lean)
    return counts
  }

  private async posts(pointers: PostPointer[]): Promise<Post[]> {
    const posts = await Promise.all(
      pointers.map(async (at) => {
        const record = await this.pointed(at)
        return record ? this.toPost(record) : null
      })
    )
    return posts.filter((p): p is Post => p !== null)
  }

  /**
   * A post's place in the agreed order (`seq`) never changes once signed, and
   * edits or reactions do not move it, so a post's state only moves forward.
   */
  private stateOf(record: PostRecord, signedSeq: number): PostState {
    // Written here: by me, and on this device rather than another of mine.
    const mine = record.author === this.at.me && (record.writer ?? record.author) === this.at.writer
    // Someone else's post (or one from my other device) reached us, so it is held by at least two peers.
    const replicated = !mine || record.writerLength <= this.at.replicatedLength
    if (!replicated) return 'local'
    return record.seq < signedSeq ? 'confirmed' : 'replicated'
  }

  private signedSeq(): Promise<number> {
    this.signed ??= this.at.signedSeq()
    return this.signed
  }

  private async toPost(r: PostRecord): Promise<Post> {
    const signedSeq = await this.signedSeq()
    const reactions = { 'me-too': 0, 'hear-you': 0, thanks: 0 }
    const myReactions: Post['myReactions'] = []
    for (const kind of REACTION_KINDS) {
      reactions[kind] = r.reactions[kind].length
      if (r.reactions[kind].includes(this.at.me)) myReactions.push(kind)
    }
    return {
      id: r.id,
      topic: r.topic,
      replyTo: r.replyTo,
      root: r.root,
      authorId: r.author,
      author: await this.nameOf(r.author),
      authorMarker: memberMarker(r.author),
      text: r.text,
      mode: r.mode,
      note: r.note,
      createdAt: r.at,
      editedAt: r.editedAt,
      deleted: r.deleted,
      reactions,
      myReactions,
      replyCount: r.replyCount,
      mine: r.author === this.at.me,
      state: this.stateOf(r, signedSeq),
      seq: r.seq,
      flags: await Promise.all(
        r.flags.map(async (f) => ({ byId: f.by, by: await this.nameOf(f.by), reason: f.reason }))
      ),
      flaggedByMe: r.flags.some((f) => f.by === this.at.me),
      collapsed: r.collapsed,
      hiddenByMe: this.at.hidden.has(r.id),
      authorMuted: this.at.muted.has(r.author),
      mood: r.mood ?? null,
      resource: r.resource ?? null
    }
  }
}

/** A member admitted but not yet named shows as a newcomer rather than a key. */
