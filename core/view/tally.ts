// How a proposal stands: the one count apply decides by and readers show.
import { requiredConsents } from '../domain/governance.js'
import type { Settings } from '../domain/governance.js'
import type { MemberRecord, MetaRecord, ProposalRecord, ResponseRecord } from './records.js'

/**
 * How many members decisions are counted among. With the 'agreed' rule a
 * newcomer counts once they have said "I agree", so someone let in who never
 * finished joining cannot raise the number of consents every decision needs.
 */
export function countedAmong(meta: MetaRecord | null, settings: Settings): { currentMembers: number } {
  if (!meta) return { currentMembers: 0 }
  const agreedOnly = settings.counting === 'agreed' && meta.agreed !== undefined
  return { currentMembers: agreedOnly ? (meta.agreed ?? 0) : meta.current }
}

/** Whether a current member's response (or removal) counts under the community's rule. */
export function countsIn(member: MemberRecord | null, meta: MetaRecord | null, settings: Settings): boolean {
  if (!member || member.left) return false
  const agreedOnly = settings.counting === 'agreed' && meta?.agreed !== undefined
  return !agreedOnly || member.agreedVersion !== null
}

interface Tally {
  consents: number
  objections: number
  required: number
  /** The responses that count: current members, this revision, not the member a removal concerns. */
  counted: [string, ResponseRecord][]
}

export async function tallyProposal(
  proposal: ProposalRecord,
  context: { currentMembers: number; settings: Settings; isCurrent: (key: string) => Promise<boolean> }
): Promise<Tally> {
  const concerned = proposal.change.kind === 'removal' ? proposal.change.member : null
  const counted: [string, ResponseRecord][] = []
  let consents = 0
  let objections = 0
  for (const [key, response] of Object.entries(proposal.responses)) {
    if (key === concerned || response.revision !== proposal.revision) continue
    if (!(await context.isCurrent(key))) continue
    if (response.stance === 'object') objections++
    else consents++
    counted.push([key, response])
  }
  const concernedIsMember = concerned !== null && (await context.isCurrent(concerned))
  const eligible = context.currentMembers - (concernedIsMember ? 1 : 0)
  const rule = concerned !== null ? context.settings.removal : context.settings.consent
  return { consents, objections, required: requiredConsents(rule, eligible), counted }
}
