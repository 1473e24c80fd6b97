// The fake engine's self-governance: agreements, proposals decided by
// consent, flags, the community log and personal moderation, kept just
// faithful enough for component tests (the real rules are the engine's).
import { OP_VERSION } from '../../core/domain/ops.js'
import { DEFAULT_SETTINGS, requiredConsents } from '../../core/domain/governance.js'
import type { Settings, Stance } from '../../core/domain/governance.js'
import type { Agreements, GovernanceState, LogEntry, Proposal } from '../../core/domain/types.js'
import type { MethodName } from '../../core/rpc/methods.js'
import type { FakeBridge } from './fake-bridge.js'
import { FakeError, ME } from './fake-bridge.js'

const METHODS = new Set<MethodName>([
  'governance.get',
  'agreements.history',
  'agreements.accept',
  'proposals.list',
  'proposals.get',
  'proposals.create',
  'proposals.revise',
  'proposals.withdraw',
  'proposals.respond',
  'proposals.withdrawResponse',
  'flags.add',
  'flags.remove',
  'moderation.log',
  'members.mute',
  'posts.hideForMe',
  'invites.second'
])

export const AGREEMENTS_V1: Agreements = {
  version: 1,
  text: 'We are peers.\n\nSpeak from your own experience\nSay “I” rather than “you should”.',
  confidentiality: 'What is shared here stays here.\n\nEvery member keeps a copy on their own device.',
  proposalId: null
}

export function makeProposal(n: number, patch: Partial<Proposal> = {}): Proposal {
  return {
    id: n.toString(16).padStart(16, '0'),
    authorId: 'b'.repeat(64),
    author: 'Bo',
    mine: false,
    change: { kind: 'settings', settings: { flagsToHide: 3 } },
    reason: 'Two flags felt too quick.',
    revision: 1,
    status: 'open',
    createdAt: Date.now() - 3_600_000,
    responses: [{ memberId: 'b'.repeat(64), name: 'Bo', stance: 'consent', note: null }],
    myStance: null,
    consents: 1,
    objections: 0,
    required: 2,
    aboutMe: false,
    stale: false,
    ...patch
  }
}

export class FakeGovernance {
  history: Agreements[] = [AGREEMENTS_V1]
  myAgreedVersion: number | null = 1
  settings: Settings = { ...DEFAULT_SETTINGS }
  removed: GovernanceState['removed'] = null
  proposals: Proposal[] = []
  log: LogEntry[] = []
  /** Entries per page of the log, so tests can page with few entries. */
  logPage = 20
  private nextProposal = 1

  constructor(private readonly bridge: FakeBridge) {}

  handles(method: MethodName): boolean {
    return METHODS.has(method)
  }

  state(): GovernanceState {
    const agreements = this.history[this.history.length - 1] ?? AGREEMENTS_V1
    return {
      agreements,
      myAgreedVersion: this.myAgreedVersion,
      settings: this.settings,
      currentMembers: this.bridge.members.filter((m) => !m.left).length,
      openProposals: this.proposals.filter((p) => p.status === 'open').length,
      version: OP_VERSION,
      newestVersion: OP_VERSION,
      removed: this.removed
    }
  }

  handle(method: MethodName, p: Record<string, unknown>): unknown {
    const ok = { ok: true }
    const done = <T>(value: T): T => {
      this.bridge.changed()
      return value
    }
    switch (method) {
      case 'governance.get':
        return this.state()
      case 'agreements.history':
        return this.history
      case 'agreements.accept':
        this.myAgreedVersion = Number(p.version)
        return done(ok)
      case 'proposals.list':
        return [...this.proposals].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'))
      case 'proposals.get':
        return this.proposal(String(p.proposalId))
      case 'proposals.create': {
        const proposal = makeProposal(this.nextProposal++, {
          authorId: ME,
          author: 'Ash',
          mine: true,
          change: p.change as Proposal['change'],
          reason: String(p.reason),
          responses: [{ memberId: ME, name: 'Ash', stance: 'consent', note: null }],
          myStance: 'consent',
          required: requiredConsents(this.settings.consent, this.state().currentMembers)
        })
        this.proposals.unshift(proposal)
        return done({ id: proposal.id })
      }
      case 'proposals.revise': {
        const proposal = this.proposal(String(p.proposalId))
        Object.assign(proposal, {
          change: p.change,
          reason: String(p.reason),
          revision: proposal.revision + 1,
          stale: false,
          responses: [{ memberId: ME, name: 'Ash', stance: 'consent', note: null }],
          consents: 1,
          objections: 0
        })
        return done({ id: proposal.id })
      }
      case 'proposals.withdraw':
        this.proposal(String(p.proposalId)).status = 'withdrawn'
        return done({ id: p.proposalId })
      case 'proposals.respond':
        this.respond(String(p.proposalId), p.stance as Stance, (p.note as string | undefined) ?? null)
        return done(ok)
      case 'proposals.withdrawResponse':
        this.respond(String(p.proposalId), null, null)
        return done(ok)
      case 'flags.add':
      case 'flags.remove': {
        const post = this.bridge.post(String(p.postId))
        const on = method === 'flags.add'
        post.flags = post.flags.filter((f) => f.byId !== ME)
        if (on) post.flags.push({ byId: ME, by: 'Ash', reason: String(p.reason) })
        post.flaggedByMe = on
        post.collapsed = post.flags.length >= this.settings.flagsToHide
        return done(ok)
      }
      case 'moderation.log': {
        const before = (p.before as number | undefined) ?? Number.POSITIVE_INFINITY
        const older = this.log.filter((e) => e.n < before).sort((a, b) => b.n - a.n)
        const entries = older.slice(0, this.logPage)
        const last = entries[entries.length - 1]
        return { entries, next: older.length > entries.length && last ? last.n : null }
      }
      case 'members.mute': {
        const member = this.bridge.members.find((m) => m.id === p.memberId)
        if (!member) throw new FakeError('not-found', 'no such member')
        member.muted = Boolean(p.muted)
        for (const post of this.bridge.posts) if (post.authorId === member.id) post.authorMuted = member.muted
        return done(ok)
      }
      case 'posts.hideForMe':
        this.bridge.post(String(p.postId)).hiddenByMe = Boolean(p.hidden)
        return done(ok)
      case 'invites.second': {
        const invite = this.bridge.invites.find((i) => i.id === p.inviteId)
        if (!invite) throw new FakeError('not-found', 'no such invite')
        Object.assign(invite, { awaitingSecond: false, secondedBy: 'Ash' })
        return done(ok)
      }
      default:
        throw new FakeError('bad-request', `the fake engine does not know "${method}"`)
    }
  }

  private proposal(id: string): Proposal {
    const proposal = this.proposals.find((x) => x.id === id)
    if (!proposal) throw new FakeError('not-found', 'no such proposal')
    return proposal
  }

  private respond(id: string, stance: Stance | null, note: string | null): void {
    const proposal = this.proposal(id)
    const responses = proposal.responses.filter((r) => r.memberId !== ME)
    if (stance) responses.push({ memberId: ME, name: 'Ash', stance, note })
    proposal.responses = responses
    proposal.myStance = stance
    proposal.consents = responses.filter((r) => r.stance !== 'object').length
    proposal.objections = responses.filter((r) => r.stance === 'object').length
    if (proposal.objections === 0 && proposal.consents >= proposal.required) this.adopt(proposal)
  }

  private adopt(proposal: Proposal): void {
    proposal.status = 'adopted'
    const change = proposal.change
    const current = this.state().agreements
    if (change.kind === 'agreements' || change.kind === 'confidentiality')
      this.history.push({
        ...current,
        version: current.version + 1,
        [change.kind === 'agreements' ? 'text' : 'confidentiality']: change.text,
        proposalId: proposal.id
      })
    if (change.kind === 'settings') this.settings = { ...this.settings, ...change.settings }
  }
}
