// One-to-one conversations in a community: sending sealed lines, reading
// them back, closing, "check on me" and sharing a support plan. Everything
// travels in the community log sealed for one member (see docs/reaching-out.md).
import type { Op } from '../domain/ops.js'
import type {
  Conversation,
  ConversationEntry,
  ConversationSummary,
  SharedPlan,
  SupportPlan
} from '../domain/reaching.js'
import { MutualError } from '../errors.js'
import type { ViewReader } from '../view/read.js'
import { Inbox } from './inbox.js'
import type { Arrival } from './inbox.js'
import type { Payload } from './payload.js'
import { PairKeys, seal } from './seal.js'

export interface ConversationHost {
  readonly me: string
  /** False on a device restored from a phrase without the backup: it holds no key my conversations open with. */
  readonly conversationsHere: boolean
  reader(): ViewReader
  append(op: Op): Promise<void>
  now(): number
  /** Personal, per device: muted members and how far I have read each conversation. */
  readonly personal: { muted: ReadonlySet<string>; conversationsRead: Readonly<Record<string, number>> }
}

type PayloadBody = Payload extends infer P ? (P extends Payload ? Omit<P, 'at'> : never) : never

export class Conversations {
  private readonly inbox: Inbox
  private readonly keys: PairKeys

  constructor(
    private readonly host: ConversationHost,
    deviceSecretKey: Buffer,
    communityKey: Buffer
  ) {
    const deviceOf = async (id: string) => (await host.reader().member(id))?.device ?? null
    this.keys = new PairKeys(Buffer.from(host.me, 'hex'), deviceSecretKey, communityKey, deviceOf)
    this.inbox = new Inbox(host.me, this.keys)
  }

  /** Picks up sealed records that arrived. */
  scan(): Promise<void> {
    return this.inbox.scan(this.host.reader())
  }

  /** Lines others sent me since the last call, found by any scan. */
  takeArrivals(): Arrival[] {
    return this.inbox.takeArrivals()
  }

  /** Seals a line for one member and appends it; only the two of us can open it. */
  async send(memberId: string, body: PayloadBody): Promise<void> {
    if (!this.host.conversationsHere)
      throw new MutualError(
        'not-allowed',
        'your private conversations did not come back to this device; restore them from your backup file, or write from your other device'
      )
    await this.checkPartner(memberId)
    const key = await this.keys.with(memberId)
    if (!key)
      throw new MutualError(
        'syncing',
        'their device has not introduced itself here yet; you can write once they have been online since joining'
      )
    const sealed = seal(key, { ...body, at: this.host.now() })
    this.inbox.noteSent(sealed.tag, memberId)
    await this.host.append({ type: 'private/send', ...sealed })
    await this.scan()
  }

  private async checkPartner(memberId: string): Promise<void> {
    if (memberId === this.host.me) throw new MutualError('bad-request', 'a conversation is with someone else')
    const member = await this.host.reader().member(memberId)
    if (!member) throw new MutualError('not-found', 'there is no member with that id in this community')
    if (member.left) throw new MutualError('not-allowed', 'they are no longer in this community')
    if (this.host.personal.muted.has(memberId))
      throw new MutualError('not-allowed', 'you muted this member; unmute them to talk again')
  }

  async message(memberId: string, text: string): Promise<void> {
    await this.send(memberId, { k: 'message', text })
  }

  async close(memberId: string): Promise<void> {
    const summary = (await this.list()).find((c) => c.memberId === memberId)
    if (!summary) throw new MutualError('not-found', 'there is no conversation with that member')
    if (summary.closed) return
    await this.send(memberId, { k: 'close' })
  }

  async checkOnMe(to: readonly string[], note: string | null): Promise<void> {
    for (const id of to) await this.checkPartner(id)
    for (const id of to) await this.send(id, { k: 'check-on-me', note })
  }

  async sharePlan(memberId: string, plan: SupportPlan): Promise<void> {
    const { version, updatedAt, ...content } = plan
    await this.send(memberId, { k: 'plan', version, updatedAt: updatedAt ?? this.host.now(), plan: content })
  }

  async revokePlan(memberId: string): Promise<void> {
    await this.send(memberId, { k: 'plan-revoke' })
  }

  /** My conversations, most recent first; a muted member's are left out. */
  async list(): Promise<ConversationSummary[]> {
    await this.scan()
    const reader = this.host.reader()
    const out: ConversationSummary[] = []
    for (const memberId of this.inbox.partners()) {
      if (this.host.personal.muted.has(memberId)) continue
      const entries = this.inbox.entries(memberId)
      out.push(summarise(memberId, await reader.nameOf(memberId), entries, this.readUpTo(memberId)))
    }
    return out.sort((a, b) => b.lastSeq - a.lastSeq)
  }

  async get(memberId: string): Promise<Conversation> {
    await this.scan()
    const member = await this.host.reader().member(memberId)
    if (!member || memberId === this.host.me)
      throw new MutualError('not-found', 'there is no member with that id in this community')
    const entries = [...this.inbox.entries(memberId)].sort((a, b) => a.seq - b.seq)
    const name = await this.host.reader().nameOf(memberId)
    return { ...summarise(memberId, name, entries, this.readUpTo(memberId)), entries }
  }

  /** Invites into the community started again, by who sent them and whether I sent them. */
  async refoundInvites(proposalId: string): Promise<{ from: string; to: string; invite: string }[]> {
    await this.scan()
    const out: { from: string; to: string; invite: string }[] = []
    for (const memberId of this.inbox.partners()) {
      for (const entry of this.inbox.entries(memberId)) {
        if (entry.kind !== 'refound' || entry.proposalId !== proposalId) continue
        const [from, to] = entry.fromMe ? [this.host.me, memberId] : [memberId, this.host.me]
        out.push({ from, to, invite: entry.invite })
      }
    }
    return out
  }

  /** Who answered a reach-out with a private line, and whether I did; read from the lines themselves. */
  async answersTo(reachId: string): Promise<{ from: string[]; byMe: boolean }> {
    await this.scan()
    const from: string[] = []
    let byMe = false
    for (const memberId of this.inbox.partners()) {
      for (const entry of this.inbox.entries(memberId)) {
        if (entry.kind !== 'answer' || entry.reachId !== reachId) continue
        if (entry.fromMe) byMe = true
        else if (!from.includes(memberId)) from.push(memberId)
      }
    }
    return { from, byMe }
  }

  /** Conversations still open, which is what a listener's limit counts. */
  async openCount(): Promise<number> {
    return (await this.list()).filter((c) => !c.closed).length
  }

  async sharedPlans(): Promise<SharedPlan[]> {
    await this.scan()
    const reader = this.host.reader()
    const names = new Map<string, string>()
    for (const id of this.inbox.partners()) names.set(id, await reader.nameOf(id))
    return this.inbox
      .sharedPlans((id) => names.get(id) ?? 'a member')
      .filter((p) => !this.host.personal.muted.has(p.memberId))
  }

  private readUpTo(memberId: string): number {
    return this.host.personal.conversationsRead[memberId] ?? -1
  }
}

function summarise(
  memberId: string,
  member: string,
  entries: readonly ConversationEntry[],
  readUpTo: number
): ConversationSummary {
  const lines = entries.filter((e) => e.kind !== 'plan' && e.kind !== 'plan-revoke')
  const last = lines.reduce<ConversationEntry | undefined>((a, e) => (!a || e.seq > a.seq ? e : a), undefined)
  const latest = entries.reduce((max, e) => Math.max(max, e.seq), -1)
  return {
    memberId,
    member,
    closed: last?.kind === 'close',
    closedByMe: last?.kind === 'close' && last.fromMe,
    lastAt: last?.at ?? 0,
    lastSeq: latest,
    unread: entries.filter((e) => !e.fromMe && e.seq > readUpTo).length,
    last: last ?? null
  }
}
