// The fake engine's reaching out: availability, presence, reach-outs, private
// conversations, "check on me" and the support plan, kept just faithful
// enough for component tests (the real rules, and the sealing, are the engine's).
import type {
  Availability,
  AvailabilityKind,
  ConversationEntry,
  ConversationLine,
  ConversationSummary,
  PlanShare,
  ReachOut,
  SharedPlan,
  SupportPlan,
  SupportPlanContent
} from '../../core/domain/reaching.js'
import type { MethodName } from '../../core/rpc/methods.js'
import type { FakeBridge } from './fake-bridge.js'
import { COMMUNITY, FakeError, ME } from './fake-bridge.js'

const METHODS = new Set<MethodName>([
  'availability.get',
  'availability.set',
  'presence.set',
  'reachouts.list',
  'reachouts.create',
  'reachouts.answer',
  'reachouts.close',
  'conversations.list',
  'conversations.get',
  'conversations.send',
  'conversations.close',
  'conversations.markRead',
  'checkOnMe.send',
  'plan.get',
  'plan.save',
  'plan.share',
  'plan.revoke',
  'plans.sharedWithMe'
])

export const EMPTY_PLAN: SupportPlan = {
  helps: '',
  doesNotHelp: '',
  contacts: '',
  notInvolve: '',
  fromSupporters: '',
  version: 0,
  updatedAt: null
}

export function makeReachOut(n: number, patch: Partial<ReachOut> = {}): ReachOut {
  return {
    id: n.toString(16).padStart(16, '0'),
    authorId: 'b'.repeat(64),
    author: 'Bo',
    context: null,
    createdAt: Date.now() - 60_000,
    answered: false,
    answeredByMe: false,
    answeredBy: [],
    closed: false,
    mine: false,
    seq: n,
    ...patch
  }
}

export class FakeReaching {
  presence = true
  reachOuts: ReachOut[] = []
  /** Lines per member, in order. */
  conversations = new Map<string, ConversationEntry[]>()
  readUpTo = new Map<string, number>()
  plan: SupportPlan = { ...EMPTY_PLAN }
  shares: PlanShare[] = []
  shared: SharedPlan[] = []
  /** Members whose device has not introduced itself: writing to them is 'syncing'. */
  unintroduced = new Set<string>()
  private nextSeq = 1000
  private nextReach = 1

  constructor(private readonly bridge: FakeBridge) {}

  handles(method: MethodName): boolean {
    return METHODS.has(method)
  }

  /** A line arriving from another member, as if it came through the log. */
  arrive(memberId: string, line: ConversationLine): void {
    this.push(memberId, line, false)
    this.bridge.changed()
  }

  private push(memberId: string, line: ConversationLine, fromMe: boolean): void {
    const entries = this.conversations.get(memberId) ?? []
    entries.push({ ...line, seq: this.nextSeq++, fromMe, at: Date.now() } as ConversationEntry)
    this.conversations.set(memberId, entries)
  }

  private send(memberId: string, line: ConversationLine): void {
    const member = this.bridge.members.find((m) => m.id === memberId)
    if (!member) throw new FakeError('not-found', 'no such member')
    if (member.muted) throw new FakeError('not-allowed', 'you muted this member; unmute them to talk again')
    if (this.unintroduced.has(memberId))
      throw new FakeError('syncing', 'their device has not introduced itself')
    this.push(memberId, line, true)
  }

  private summary(memberId: string): ConversationSummary {
    const entries = this.conversations.get(memberId) ?? []
    const lines = entries.filter((e) => e.kind !== 'plan' && e.kind !== 'plan-revoke')
    const last = lines[lines.length - 1]
    const read = this.readUpTo.get(memberId) ?? -1
    return {
      memberId,
      member: this.bridge.members.find((m) => m.id === memberId)?.name ?? 'a member',
      closed: last?.kind === 'close',
      closedByMe: last?.kind === 'close' && last.fromMe,
      lastAt: last?.at ?? 0,
      lastSeq: entries.reduce((max, e) => Math.max(max, e.seq), -1),
      unread: entries.filter((e) => !e.fromMe && e.seq > read).length,
      last: last ?? null
    }
  }

  private muted(memberId: string): boolean {
    return this.bridge.members.some((m) => m.id === memberId && m.muted)
  }

  handle(method: MethodName, p: Record<string, unknown>): unknown {
    const ok = { ok: true }
    const done = <T>(value: T): T => {
      this.bridge.changed()
      return value
    }
    const me = this.bridge.members.find((m) => m.id === ME)
    switch (method) {
      case 'availability.get':
        return {
          mine: me?.availability ?? null,
          presence: this.presence,
          openConversations: [...this.conversations.keys()].filter((id) => !this.summary(id).closed).length
        }
      case 'availability.set': {
        const kind = p.kind as AvailabilityKind | null
        if (me)
          me.availability =
            kind === null
              ? null
              : ({
                  kind,
                  note: (p.note as string | null | undefined) ?? null,
                  limit: kind === 'open' ? ((p.limit as number | null | undefined) ?? null) : null
                } satisfies Availability)
        return done(ok)
      }
      case 'presence.set':
        this.presence = Boolean(p.visible)
        return done(ok)
      case 'reachouts.list':
        return this.reachOuts.filter((r) => !this.muted(r.authorId))
      case 'reachouts.create': {
        const context = typeof p.context === 'string' && p.context.trim() ? p.context.trim() : null
        const to = p.to as string[] | undefined
        if (to) {
          for (const id of to) this.send(id, { kind: 'reach', context })
          return done({ id: null })
        }
        const reach = makeReachOut(this.nextReach++, {
          authorId: ME,
          author: 'Ash',
          context,
          createdAt: Date.now(),
          mine: true
        })
        this.reachOuts.unshift(reach)
        return done({ id: reach.id })
      }
      case 'reachouts.answer': {
        const reach = this.reachOuts.find((r) => r.id === p.reachId)
        if (!reach) throw new FakeError('not-found', 'that reach-out is not here')
        reach.answered = true
        reach.answeredByMe = true
        this.send(reach.authorId, { kind: 'answer', reachId: reach.id })
        return done({ memberId: reach.authorId })
      }
      case 'reachouts.close': {
        const reach = this.reachOuts.find((r) => r.id === p.reachId)
        if (reach) reach.closed = true
        return done(ok)
      }
      case 'conversations.list':
        return [...this.conversations.keys()]
          .filter((id) => !this.muted(id))
          .map((id) => this.summary(id))
          .sort((a, b) => b.lastSeq - a.lastSeq)
      case 'conversations.get': {
        const id = String(p.memberId)
        return { ...this.summary(id), entries: [...(this.conversations.get(id) ?? [])] }
      }
      case 'conversations.send':
        this.send(String(p.memberId), { kind: 'message', text: String(p.text) })
        return done(ok)
      case 'conversations.close':
        this.send(String(p.memberId), { kind: 'close' })
        return done(ok)
      case 'conversations.markRead':
        this.readUpTo.set(String(p.memberId), Number(p.seq))
        return done(ok)
      case 'checkOnMe.send': {
        const note = typeof p.note === 'string' && p.note.trim() ? p.note.trim() : null
        for (const id of p.to as string[]) this.send(id, { kind: 'check-on-me', note })
        return done(ok)
      }
      case 'plan.get':
        return { plan: this.plan, shares: this.shares }
      case 'plan.save':
        this.plan = {
          ...(p.plan as SupportPlanContent),
          version: this.plan.version + 1,
          updatedAt: Date.now()
        }
        for (const s of this.shares) this.push(s.memberId, { kind: 'plan', version: this.plan.version }, true)
        return done({ plan: this.plan, unsent: 0 })
      case 'plan.share': {
        if (this.plan.version === 0) throw new FakeError('bad-request', 'save your plan before sharing it')
        const memberId = String(p.memberId)
        this.send(memberId, { kind: 'plan', version: this.plan.version })
        const member = this.bridge.members.find((m) => m.id === memberId)?.name ?? 'a member'
        if (!this.shares.some((s) => s.memberId === memberId))
          this.shares.push({ communityId: COMMUNITY, memberId, member })
        return done(ok)
      }
      case 'plan.revoke': {
        const memberId = String(p.memberId)
        this.send(memberId, { kind: 'plan-revoke' })
        this.shares = this.shares.filter((s) => s.memberId !== memberId)
        return done(ok)
      }
      case 'plans.sharedWithMe':
        return this.shared
      default:
        throw new FakeError('bad-request', `the fake engine does not know "${method}"`)
    }
  }
}
