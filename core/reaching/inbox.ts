// Finds and opens the private messages meant for me among the sealed records
// every member holds. Each record names only its author; I check its tag
// against the key I share with that author (or, for my own, with whoever I
// wrote to). Nothing is stored: conversations are rebuilt from the view, so a
// reordering of the log can never leave a stale or doubled message behind.
import type { ConversationEntry, SharedPlan, SupportPlan } from '../domain/reaching.js'
import type { ViewReader } from '../view/read.js'
import { keys, prefixEnd } from '../view/records.js'
import type { SealedRecord } from '../view/records.js'
import { open } from './seal.js'
import type { PairKeys } from './seal.js'
import { parsePayload, planFrom, toLine } from './payload.js'
import type { Payload } from './payload.js'

export interface Arrival {
  memberId: string
  entry: ConversationEntry
}

/** What a sealed record turned out to be; null when it is not for me. */
type Opened = { partner: string; payload: Payload } | null

export class Inbox {
  private heldCount = -1
  private readonly opened = new Map<string, Opened>()
  private conversations = new Map<string, ConversationEntry[]>()
  private plans = new Map<string, SupportPlan | null>()
  /** Tags of what I sent this session, so my own records need no search. */
  private readonly sent = new Map<string, string>()
  private running: Promise<void> = Promise.resolve()
  private arrivals: Arrival[] = []

  constructor(
    private readonly me: string,
    private readonly keys: PairKeys
  ) {}

  noteSent(tag: string, memberId: string): void {
    this.sent.set(tag, memberId)
  }

  /**
   * Re-reads the sealed records when their number changed. What others newly
   * sent me waits in `takeArrivals`, whichever caller's scan found it, so a
   * read from the UI never swallows a notification.
   */
  scan(reader: ViewReader): Promise<void> {
    this.running = this.running.catch(() => undefined).then(() => this.doScan(reader))
    return this.running
  }

  takeArrivals(): Arrival[] {
    const out = this.arrivals
    this.arrivals = []
    return out
  }

  private async doScan(reader: ViewReader): Promise<void> {
    const held = (await reader.meta())?.sealed ?? 0
    if (held === this.heldCount) return
    this.heldCount = held
    const arrivals: Arrival[] = []
    const conversations = new Map<string, ConversationEntry[]>()
    const plans = new Map<string, SupportPlan | null>()
    let everyone: string[] | null = null
    const range = { gt: keys.sealedPrefix, lt: prefixEnd(keys.sealedPrefix) }
    for await (const { value } of reader.bee.createReadStream(range)) {
      const record = value as SealedRecord
      const id = `${record.author}:${record.nonce}`
      let result = this.opened.get(id)
      const isNew = result === undefined
      if (result === undefined) {
        if (record.author === this.me && !this.sent.has(record.tag))
          everyone ??= (await reader.members()).map((m) => m.id).filter((id) => id !== this.me)
        result = await this.open(record, everyone ?? [])
        this.opened.set(id, result)
      }
      if (!result) continue
      const { partner, payload } = result
      const fromMe = record.author === this.me
      const entry: ConversationEntry = { ...toLine(payload), seq: record.seq, fromMe, at: payload.at }
      conversations.set(partner, [...(conversations.get(partner) ?? []), entry])
      if (!fromMe && payload.k === 'plan') plans.set(partner, planFrom(payload))
      if (!fromMe && payload.k === 'plan-revoke') plans.set(partner, null)
      if (isNew && !fromMe) arrivals.push({ memberId: partner, entry })
    }
    this.conversations = conversations
    this.plans = plans
    this.arrivals.push(...arrivals)
  }

  private async open(record: SealedRecord, everyone: readonly string[]): Promise<Opened> {
    if (record.author !== this.me) return this.openWith(record.author, record)
    const known = this.sent.get(record.tag)
    if (known) return this.openWith(known, record)
    // Written on an earlier run: find who it was for by trying each member's key.
    for (const id of everyone) {
      const opened = await this.openWith(id, record)
      if (opened) return opened
    }
    return null
  }

  private async openWith(partner: string, record: SealedRecord): Promise<Opened> {
    const key = await this.keys.with(partner)
    const payload = key ? parsePayload(open(key, record)) : null
    return payload ? { partner, payload } : null
  }

  partners(): string[] {
    return [...this.conversations.keys()]
  }

  entries(memberId: string): readonly ConversationEntry[] {
    return this.conversations.get(memberId) ?? []
  }

  /** Plans others share with me now; a revoked one is gone from here. */
  sharedPlans(nameOf: (id: string) => string): SharedPlan[] {
    const out: SharedPlan[] = []
    for (const [memberId, plan] of this.plans)
      if (plan) out.push({ memberId, member: nameOf(memberId), plan })
    return out
  }
}
