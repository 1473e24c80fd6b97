// Queries over the community's self-governance: agreements and their
// history, proposals with their responses, and the community log. Every
// member reads the same records; nothing here is hidden from anyone.
import { settingsFrom } from '../domain/governance.js'
import type { ProposalStatus, Settings } from '../domain/governance.js'
import { LIMITS } from '../domain/limits.js'
import { LEGACY_VERSION, OP_VERSION } from '../domain/ops.js'
import type { Agreements, GovernanceState, LogEntry, LogPage, Proposal } from '../domain/types.js'
import { keys, prefixEnd } from './records.js'
import type { AgreementsRecord, LogRecord, MetaRecord, ProposalRecord } from './records.js'
import type { RecordReader } from './read-records.js'
import { countedAmong, countsIn, tallyProposal } from './tally.js'

export class GovernanceReader {
  constructor(
    private readonly reader: RecordReader,
    private readonly me: string
  ) {}

  async agreements(): Promise<Agreements | null> {
    const record = await this.reader.value<AgreementsRecord>(keys.agreements)
    return record ? toAgreements(record) : null
  }

  /** Every version the community has agreed to, oldest first. */
  async agreementsHistory(): Promise<Agreements[]> {
    const out: Agreements[] = []
    for await (const entry of this.reader.range(keys.agreementsVersionPrefix))
      out.push(toAgreements(entry.value as AgreementsRecord))
    return out
  }

  async settings(): Promise<Settings> {
    return settingsFrom(await this.reader.value<Settings>(keys.settings))
  }

  async state(): Promise<GovernanceState | null> {
    const [agreements, meta, me] = await Promise.all([
      this.agreements(),
      this.reader.meta(),
      this.reader.member(this.me)
    ])
    if (!agreements || !meta) return null
    let openProposals = 0
    for await (const _ of this.reader.range(keys.openProposalPrefix)) openProposals++
    const settings = await this.settings()
    return {
      agreements,
      myAgreedVersion: me?.agreedVersion ?? null,
      settings,
      currentMembers: countedAmong(meta, settings).currentMembers,
      openProposals,
      version: meta.version ?? LEGACY_VERSION,
      newestVersion: OP_VERSION,
      removed: me?.removed ? await this.removalOf(me.key) : null
    }
  }

  /** The adopted removal that concerns `key`, newest first. */
  private async removalOf(key: string): Promise<{ reason: string; proposalId: string } | null> {
    for await (const entry of this.reader.bee.createReadStream({
      gt: keys.logPrefix,
      lt: prefixEnd(keys.logPrefix),
      reverse: true
    })) {
      const log = entry.value as LogRecord
      if (log.kind === 'removed' && log.member === key && log.proposalId !== null)
        return { reason: log.reason ?? '', proposalId: log.proposalId }
    }
    return null
  }

  /** Open proposals first (newest first), then decided ones (newest first). */
  async proposals(status?: ProposalStatus): Promise<Proposal[]> {
    const records: ProposalRecord[] = []
    for await (const entry of this.reader.range(keys.proposalPrefix)) {
      const record = entry.value as ProposalRecord
      if (status === undefined || record.status === status) records.push(record)
    }
    records.sort(
      (a, b) => Number(b.status === 'open') - Number(a.status === 'open') || b.openedEvent - a.openedEvent
    )
    const context = await this.countingContext()
    return Promise.all(records.map((r) => this.toProposal(r, context)))
  }

  async proposal(id: string): Promise<Proposal | null> {
    const record = await this.reader.value<ProposalRecord>(keys.proposal(id))
    return record ? this.toProposal(record, await this.countingContext()) : null
  }

  async proposalRecord(id: string): Promise<ProposalRecord | null> {
    return this.reader.value<ProposalRecord>(keys.proposal(id))
  }

  /** The community log, newest first. */
  async log(limit: number = LIMITS.pageDefault, before?: number): Promise<LogPage> {
    const entries: LogEntry[] = []
    const records: LogRecord[] = []
    for await (const entry of this.reader.bee.createReadStream({
      gt: keys.logPrefix,
      lt: before === undefined ? prefixEnd(keys.logPrefix) : keys.log(before),
      reverse: true,
      limit: limit + 1
    }))
      records.push(entry.value as LogRecord)
    const page = records.slice(0, limit)
    for (const r of page) entries.push(await this.toLogEntry(r))
    const last = page[page.length - 1]
    return { entries, next: records.length > limit && last ? last.n : null }
  }

  /** Log entries after `n`, oldest first: what is new since a device last looked. */
  async logAfter(n: number, limit: number): Promise<LogRecord[]> {
    const out: LogRecord[] = []
    for await (const entry of this.reader.bee.createReadStream({
      gt: keys.log(n),
      lt: prefixEnd(keys.logPrefix),
      limit
    }))
      out.push(entry.value as LogRecord)
    return out
  }

  private async toLogEntry(r: LogRecord): Promise<LogEntry> {
    const proposal = r.proposalId === null ? null : await this.proposalRecord(r.proposalId)
    return {
      n: r.n,
      kind: r.kind,
      actorId: r.actor,
      actor: r.actor === null ? null : await this.reader.nameOf(r.actor),
      memberId: r.member,
      member: r.member === null ? null : await this.reader.nameOf(r.member),
      postId: r.postId,
      proposalId: r.proposalId,
      change: proposal?.change ?? null,
      reason: r.reason,
      at: r.at
    }
  }

  private async countingContext() {
    const meta = await this.reader.value<MetaRecord>(keys.meta)
    const agreements = await this.reader.value<AgreementsRecord>(keys.agreements)
    return { meta, settings: await this.settings(), version: agreements?.version ?? 1 }
  }

  private async toProposal(
    r: ProposalRecord,
    context: { meta: MetaRecord | null; settings: Settings; version: number }
  ): Promise<Proposal> {
    const { consents, objections, required, counted } = await tallyProposal(r, {
      ...countedAmong(context.meta, context.settings),
      settings: context.settings,
      isCurrent: async (key) => countsIn(await this.reader.member(key), context.meta, context.settings)
    })
    const responses: Proposal['responses'] = await Promise.all(
      counted.map(async ([key, response]) => ({
        memberId: key,
        name: await this.reader.nameOf(key),
        stance: response.stance,
        note: response.note
      }))
    )
    const textChange = r.change.kind === 'agreements' || r.change.kind === 'confidentiality'
    return {
      id: r.id,
      authorId: r.author,
      author: await this.reader.nameOf(r.author),
      mine: r.author === this.me,
      change: r.change,
      reason: r.reason,
      revision: r.revision,
      status: r.status,
      createdAt: r.at,
      responses,
      myStance: r.responses[this.me]?.revision === r.revision ? (r.responses[this.me]?.stance ?? null) : null,
      consents,
      objections,
      required,
      aboutMe: r.change.kind === 'removal' && r.change.member === this.me,
      stale: r.status === 'open' && textChange && r.baseVersion !== context.version
    }
  }
}

function toAgreements(r: AgreementsRecord): Agreements {
  return { version: r.version, text: r.text, confidentiality: r.confidentiality, proposalId: r.proposalId }
}
