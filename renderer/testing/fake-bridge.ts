// A stand-in for `window.mutual` in component tests: it answers RPC request
// envelopes from a small in-memory community, exactly at the transport
// boundary, so everything above it (RpcClient, hooks, views) is the real code.
import type {
  CommunitySummary,
  EngineEvent,
  InviteInfo,
  Member,
  Post,
  ReactionKind,
  SyncStatus,
  Topic
} from '../../core/domain/types.js'
import type { MethodName, Params, Results } from '../../core/rpc/methods.js'
import type { ErrorCode } from '../../core/errors.js'
import { ShellFixture } from './shell.js'
import { FakeDevices } from './fake-devices.js'
import { FakeGovernance } from './fake-governance.js'
import { FakeReaching } from './fake-reaching.js'

export const COMMUNITY = 'c'.repeat(52)
export const ME = 'a'.repeat(64)
export const BO = 'b'.repeat(64)

export class FakeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
  }
}

type Handler<M extends MethodName> = (params: Params<M>) => Results[M] | Promise<Results[M]>
type Overrides = { [M in MethodName]?: Handler<M> }

/** Stands in for the engine's member marker (core/domain/names.ts), which the renderer never computes. */
export const fakeMarker = (memberId: string): string => memberId.slice(0, 4)

export function makePost(seq: number, patch: Partial<Post> = {}): Post {
  const id = seq.toString(16).padStart(16, '0')
  return {
    id,
    topic: 'general',
    replyTo: null,
    root: id,
    authorId: BO,
    author: 'Bo',
    authorMarker: fakeMarker(patch.authorId ?? BO),
    text: `Post number ${seq}`,
    mode: 'listen',
    note: null,
    createdAt: Date.now() - 60_000,
    editedAt: null,
    deleted: false,
    reactions: { 'me-too': 0, 'hear-you': 0, thanks: 0 },
    myReactions: [],
    replyCount: 0,
    mine: false,
    state: 'confirmed',
    seq,
    flags: [],
    flaggedByMe: false,
    collapsed: false,
    hiddenByMe: false,
    authorMuted: false,
    mood: null,
    resource: null,
    ...patch
  }
}

export function makeMember(patch: Partial<Member> & { id: string; name: string }): Member {
  return {
    marker: fakeMarker(patch.id),
    color: null,
    joinedSeq: 0,
    isMe: false,
    left: false,
    removed: false,
    agreed: true,
    muted: false,
    availability: null,
    aroundNow: false,
    atLimit: false,
    ...patch
  }
}

export function makeInvite(n: number, patch: Partial<InviteInfo> = {}): InviteInfo {
  return {
    id: n.toString(16).padStart(64, '0'),
    expiresAt: Date.now() + 2 * 3_600_000,
    maxUses: 2,
    uses: 0,
    revoked: false,
    createdBy: 'Bo',
    awaitingSecond: false,
    secondedBy: null,
    mine: false,
    ...patch
  }
}

export class FakeBridge extends ShellFixture {
  communities: CommunitySummary[] = []
  posts: Post[] = []
  replies = new Map<string, Post[]>()
  members: Member[] = []
  topics: Topic[] = [
    { name: 'general', postCount: 0 },
    { name: 'check-ins', postCount: 0 },
    { name: 'resources', postCount: 0 }
  ]
  invites: InviteInfo[] = []
  status: SyncStatus[] = []
  online = true
  /** Agreements, proposals, flags, the log and personal moderation. */
  readonly governance = new FakeGovernance(this)
  /** Availability, reach-outs, private conversations and the support plan. */
  readonly reaching = new FakeReaching(this)
  /** My devices, link codes and the recovery phrase. */
  readonly devices = new FakeDevices(this)
  /** Per-method answers that replace the in-memory community's. */
  overrides: Overrides = {}
  private nextSeq = 1

  /** One community, you (Ash) and Bo, with `posts` posts in #general. */
  static withCommunity(posts = 0, patch: Partial<CommunitySummary> = {}): FakeBridge {
    const bridge = new FakeBridge()
    bridge.communities = [
      {
        id: COMMUNITY,
        name: 'Night owls',
        myName: 'Ash',
        writable: true,
        memberCount: 2,
        unread: 0,
        latestSeq: posts,
        notifications: true,
        refoundedAs: null,
        ...patch
      }
    ]
    bridge.members = [
      makeMember({ id: ME, name: 'Ash', color: '#4f7a3a', joinedSeq: 0, isMe: true }),
      makeMember({ id: BO, name: 'Bo', joinedSeq: 1 })
    ]
    bridge.status = [
      {
        communityId: COMMUNITY,
        name: 'Night owls',
        online: true,
        peers: 1,
        knownMembers: 2,
        writable: true,
        revoked: false,
        updateNeeded: false,
        posts: { local: 0, replicated: 0, confirmed: 0 },
        viewVersion: '0'
      }
    ]
    for (let seq = 1; seq <= posts; seq++) bridge.posts.push(makePost(seq))
    bridge.topics = [
      { name: 'general', postCount: posts },
      { name: 'check-ins', postCount: 0 },
      { name: 'resources', postCount: 0 }
    ]
    bridge.nextSeq = posts + 1
    return bridge
  }

  // ---- MutualBridge -----------------------------------------------------

  send(message: unknown): void {
    const { id, method, params } = message as { t: 'req'; id: number; method: MethodName; params: unknown }
    this.calls.push({ method, params })
    void this.answer(method, params).then(
      (result) => this.deliver({ t: 'res', id, ok: true, result: structuredClone(result) }),
      (err: unknown) =>
        this.deliver({
          t: 'res',
          id,
          ok: false,
          error: {
            code: err instanceof FakeError ? err.code : 'internal',
            message: err instanceof Error ? err.message : String(err)
          }
        })
    )
  }

  // ---- test controls ------------------------------------------------------

  emit(event: EngineEvent): void {
    this.deliver({ t: 'evt', event })
  }

  /** Adds a post as if it arrived from another member, and says so. */
  arrive(patch: Partial<Post> = {}): Post {
    const post = makePost(this.nextSeq++, patch)
    this.posts.push(post)
    const community = this.communities[0]
    if (community) {
      community.latestSeq = post.seq
      if (!post.mine) community.unread++
    }
    this.emit({ type: 'community-changed', communityId: COMMUNITY })
    return post
  }

  private deliver(message: unknown): void {
    for (const listener of this.messageListeners) listener(message)
  }

  private answer(method: MethodName, params: unknown): Promise<unknown> {
    const override = this.overrides[method] as ((p: unknown) => unknown) | undefined
    return Promise.resolve().then(() => (override ? override(params) : this.handle(method, params)))
  }

  /** Tells views the community changed, as the engine does after every write. */
  changed(): void {
    this.emit({ type: 'community-changed', communityId: COMMUNITY })
  }

  post(id: string): Post {
    const post =
      this.posts.find((p) => p.id === id) ?? [...this.replies.values()].flat().find((p) => p.id === id)
    if (!post) throw new FakeError('not-found', 'that post is not here')
    return post
  }

  private handle(method: MethodName, raw: unknown): unknown {
    const p = raw as Record<string, unknown>
    switch (method) {
      case 'communities.list':
        return this.communities
      case 'sync.status':
        return this.status.map((s) => ({ ...s, online: this.online, peers: this.online ? s.peers : 0 }))
      case 'communities.create': {
        const id = 'd'.repeat(52)
        this.communities.push({
          id,
          name: String(p.name),
          myName: String(p.displayName),
          writable: true,
          memberCount: 1,
          unread: 0,
          latestSeq: 0,
          notifications: true,
          refoundedAs: null
        })
        this.emit({ type: 'communities-changed' })
        return { id }
      }
      case 'communities.markRead': {
        const c = this.communities.find((x) => x.id === p.communityId)
        if (c) c.unread = 0
        this.emit({ type: 'communities-changed' })
        return { ok: true }
      }
      case 'communities.setNotifications': {
        const c = this.communities.find((x) => x.id === p.communityId)
        if (c) c.notifications = Boolean(p.enabled)
        this.emit({ type: 'communities-changed' })
        return { ok: true }
      }
      case 'communities.cancelJoin':
        return { cancelled: true }
      case 'network.setOnline':
        this.online = Boolean(p.online)
        this.emit({ type: 'sync-changed', communityId: COMMUNITY })
        return { online: this.online }
      case 'topics.list':
        return this.topics
      case 'topics.create':
        this.topics.push({ name: String(p.name), postCount: 0 })
        this.emit({ type: 'community-changed', communityId: COMMUNITY })
        return { name: p.name }
      case 'members.list':
        return this.members
      case 'profile.set': {
        const me = this.members.find((m) => m.isMe)
        if (me) {
          me.name = String(p.displayName)
          me.color = (p.color as string | null | undefined) ?? null
        }
        this.emit({ type: 'community-changed', communityId: COMMUNITY })
        return { ok: true }
      }
      case 'posts.feed': {
        const topic = (p.topic as string | undefined) ?? 'general'
        const before = (p.before as number | undefined) ?? Number.POSITIVE_INFINITY
        const limit = (p.limit as number | undefined) ?? 20
        const matching = this.posts
          .filter((x) => x.topic === topic && x.seq < before && !x.deleted)
          .sort((a, b) => b.seq - a.seq)
        const page = matching.slice(0, limit)
        const last = page[page.length - 1]
        return { posts: page, next: matching.length > limit && last ? last.seq : null }
      }
      case 'posts.thread': {
        const root = this.post(String(p.postId))
        return { root, replies: this.replies.get(root.id) ?? [] }
      }
      case 'posts.get':
        return this.post(String(p.postId))
      case 'posts.create': {
        if (this.governance.myAgreedVersion === null)
          throw new FakeError('agreements-first', 'agree to the agreements first')
        const seq = this.nextSeq++
        const replyTo = (p.replyTo as string | undefined) ?? null
        const post = makePost(seq, {
          text: String(p.text),
          topic: (p.topic as string | undefined) ?? 'general',
          mode: (p.mode as Post['mode'] | undefined) ?? 'listen',
          note: (p.note as string | undefined) ?? null,
          mood: (p.mood as string | undefined) ?? null,
          resource: (p.resource as Post['resource'] | undefined) ?? null,
          authorId: ME,
          author: 'Ash',
          mine: true,
          state: this.online ? 'replicated' : 'local',
          replyTo,
          createdAt: Date.now()
        })
        if (replyTo) {
          const root = this.post(replyTo)
          post.root = root.id
          root.replyCount++
          this.replies.set(root.id, [...(this.replies.get(root.id) ?? []), post])
        } else this.posts.push(post)
        this.emit({ type: 'community-changed', communityId: COMMUNITY })
        return { id: post.id }
      }
      case 'posts.edit': {
        const post = this.post(String(p.postId))
        post.text = String(p.text)
        if (p.mode) post.mode = p.mode as Post['mode']
        if (p.note !== undefined) post.note = p.note as string | null
        post.editedAt = Date.now()
        this.emit({ type: 'community-changed', communityId: COMMUNITY })
        return { id: post.id }
      }
      case 'posts.delete': {
        const post = this.post(String(p.postId))
        post.deleted = true
        post.text = ''
        this.emit({ type: 'community-changed', communityId: COMMUNITY })
        return { id: post.id }
      }
      case 'reactions.add':
      case 'reactions.remove': {
        const post = this.post(String(p.postId))
        const kind = p.kind as ReactionKind
        const on = method === 'reactions.add'
        if (on && !post.myReactions.includes(kind)) {
          post.myReactions.push(kind)
          post.reactions[kind]++
        }
        if (!on && post.myReactions.includes(kind)) {
          post.myReactions = post.myReactions.filter((k) => k !== kind)
          post.reactions[kind]--
        }
        this.emit({ type: 'community-changed', communityId: COMMUNITY })
        return { ok: true }
      }
      case 'invites.list':
        return this.invites
      case 'invites.create': {
        const id = (this.invites.length + 1).toString(16).padStart(64, '0')
        const expiresAt = Date.now() + Number(p.expiresInMs ?? 7 * 86_400_000)
        const maxUses = Number(p.maxUses ?? 1)
        const awaitingSecond = this.governance.settings.invite === 'second-member'
        this.invites.push(
          makeInvite(this.invites.length + 1, {
            expiresAt,
            maxUses,
            createdBy: 'Ash',
            mine: true,
            awaitingSecond
          })
        )
        this.emit({ type: 'community-changed', communityId: COMMUNITY })
        return { invite: `invite-key-${id.slice(-4)}`, id, expiresAt, maxUses, awaitingSecond }
      }
      case 'invites.revoke': {
        const invite = this.invites.find((i) => i.id === p.inviteId)
        if (invite) invite.revoked = true
        this.emit({ type: 'community-changed', communityId: COMMUNITY })
        return { revoked: true }
      }
      default:
        if (this.governance.handles(method)) return this.governance.handle(method, p)
        if (this.reaching.handles(method)) return this.reaching.handle(method, p)
        if (this.devices.handles(method)) return this.devices.handle(method, p)
        throw new FakeError('bad-request', `the fake engine does not know "${method}"`)
    }
  }
}
