// Self-governance in plain words: agreements, settings, proposals and the
// community log. Like format.ts, these lines are for people; scripts should
// use --json.
import { requiredConsents } from '../core/domain/governance.js'
import type { Change } from '../core/domain/change.js'
import type { DecisionRule, Settings, Stance } from '../core/domain/governance.js'
import type { Agreements, GovernanceState, LogEntry, Proposal, ReplyMode } from '../core/domain/types.js'
import { cliSettingKey } from './change.js'
import { formatTime, plural } from './format.js'

const REPLY_MODE_WORDS: Record<ReplyMode, string> = {
  listen: 'just listen',
  share: 'share yours',
  ideas: 'ideas welcome'
}

const RULE_WORDS: Record<DecisionRule, string> = {
  majority: 'a majority',
  'two-thirds': 'two thirds',
  everyone: 'all'
}

/** One setting and its value in a short phrase. */
function settingWords<K extends keyof Settings>(key: K, value: Settings[K]): string {
  switch (key) {
    case 'invite':
      return value === 'second-member'
        ? 'each invite works only after a second member seconds it'
        : "any member's invite works at once"
    case 'flagsToHide':
      return `a post is collapsed for everyone once ${plural(value as number, 'member flags', 'members flag')} it`
    case 'removal':
      return `removing a member needs the consent of ${RULE_WORDS[value as DecisionRule]} of the other members`
    case 'consent':
      return `decisions other than removing a member need the consent of ${RULE_WORDS[value as DecisionRule]} of the members`
    case 'defaultReplyMode':
      return `new posts ask for "${REPLY_MODE_WORDS[value as ReplyMode]}" replies unless their author chooses`
    case 'counting':
      return value === 'agreed'
        ? 'decisions are counted among members who finished joining and said "I agree"'
        : 'decisions are counted among everyone let in, whether or not they finished joining'
  }
  return String(value)
}

function threshold(rule: DecisionRule, eligible: number, who: string): string {
  const required = requiredConsents(rule, eligible)
  if (required > eligible) return `never fewer than 2, so not possible with ${plural(eligible, who)} now`
  return `never fewer than 2; with ${plural(eligible, who)} now, that is ${required}`
}

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

/** The community's settings, one sentence each, with what they mean for its size today. */
export function settingsLines(settings: Settings, currentMembers: number): string[] {
  const who = settings.counting === 'agreed' ? 'agreed member' : 'member'
  const consent = threshold(settings.consent, currentMembers, who)
  const removal = threshold(settings.removal, currentMembers - 1, `other ${who}`)
  return [
    sentence(settingWords('invite', settings.invite)),
    sentence(`${settingWords('flagsToHide', settings.flagsToHide)}; anyone can still open it on purpose`),
    sentence(`${settingWords('consent', settings.consent)}, and nobody objecting (${consent})`),
    sentence(`${settingWords('removal', settings.removal)}, and nobody objecting (${removal})`),
    sentence(settingWords('defaultReplyMode', settings.defaultReplyMode)),
    sentence(settingWords('counting', settings.counting))
  ]
}

/** What a proposal would change, in one line. Text changes are shown in full elsewhere. */
export function describeChange(change: Change, nameOf: (memberId: string) => string): string {
  switch (change.kind) {
    case 'agreements':
      return 'new agreements text'
    case 'confidentiality':
      return 'new confidentiality text'
    case 'settings': {
      const parts = (Object.keys(change.settings) as (keyof Settings)[]).map((key) => {
        const value = change.settings[key]
        return `${cliSettingKey(key)}=${String(value)} (${settingWords(key, value as Settings[typeof key])})`
      })
      return `change settings: ${parts.join('; ')}`
    }
    case 'removal':
      return `remove ${nameOf(change.member)} from the community`
    case 'review':
      return `a review of the collapsed post ${change.postId}: if adopted, it opens again and its flags are settled`
    case 'refound':
      return 'start the community again under a new key, with everyone who is a member now; those removed are not invited, and the old community stays readable on each device'
    case 'version':
      return `move the community to op version ${change.version}: its newer ops and rules apply from then on, and members on an older Mutual are asked to update`
  }
}

function indent(text: string, by: string): string[] {
  return text.split('\n').map((line) => (line === '' ? '' : `${by}${line}`))
}

function versionLabel(a: Agreements): string {
  return a.proposalId === null
    ? `version ${a.version}, the founding text`
    : `version ${a.version}, adopted by proposal ${a.proposalId}`
}

function agreementsBody(a: Agreements): string[] {
  return [...indent(a.text, '  '), '', 'Confidentiality', '', ...indent(a.confidentiality, '  ')]
}

/** `mutual agreements`: the text, the confidentiality section, the settings and where I stand. */
export function agreementsLines(state: GovernanceState, name: string, ref: string): string[] {
  const current = state.agreements
  const lines = [
    `Agreements of ${name} (${versionLabel(current)})`,
    '',
    ...agreementsBody(current),
    '',
    `How ${name} decides and moderates`,
    '',
    ...settingsLines(state.settings, state.currentMembers).map((l) => `  ${l}`),
    ''
  ]
  if (state.removed) {
    lines.push(
      `The community removed you (proposal ${state.removed.proposalId}): ${oneLine(state.removed.reason)}`
    )
  } else if (state.myAgreedVersion === null) {
    lines.push(
      'You have not said "I agree" yet, so you cannot post here yet.',
      `When you have read the above, run: mutual agree ${ref}`
    )
  } else if (state.myAgreedVersion < current.version) {
    lines.push(
      `You agreed to version ${state.myAgreedVersion}. Version ${current.version} is newer: read it above, then run: mutual agree ${ref}`
    )
  } else {
    lines.push(`You agreed to this version (${current.version}).`)
  }
  if (state.openProposals > 0) {
    lines.push(`${plural(state.openProposals, 'open proposal')} to respond to: see mutual proposals ${ref}`)
  }
  return lines
}

/** `mutual agreements --history`: every version, oldest first. */
export function historyLines(history: Agreements[]): string[] {
  const lines: string[] = []
  for (const a of history) {
    if (lines.length > 0) lines.push('', '')
    lines.push(
      `Version ${a.version} (${versionLabel(a).replace(/^version \d+, /, '')})`,
      '',
      ...agreementsBody(a)
    )
  }
  return lines
}

/** `mutual agree`: what I just agreed to. */
export function agreedLines(a: Agreements, name: string, already: boolean): string[] {
  const head = already
    ? `You had already agreed to version ${a.version} of the agreements of ${name}:`
    : `You said "I agree" to version ${a.version} of the agreements of ${name}:`
  return [head, '', ...agreementsBody(a), '', 'You can post now.']
}

const STATUS_WORDS: Record<Proposal['status'], string> = {
  open: 'open',
  adopted: 'adopted',
  withdrawn: 'withdrawn by the proposer',
  outdated: 'set aside: drafted on agreements that have since changed'
}

const STANCE_WORDS: Record<Stance, string> = {
  consent: 'consents',
  concern: 'consents with a concern',
  object: 'objects'
}

function myStanceWords(p: Proposal): string {
  if (p.aboutMe) return 'this proposal is about you: you are told, and your response is not counted'
  if (p.mine && p.myStance === 'consent') return 'you proposed it, which counts as consenting'
  switch (p.myStance) {
    case null:
      return 'you have not responded'
    case 'consent':
      return 'you consent'
    case 'concern':
      return 'you consent with a concern'
    case 'object':
      return 'you object'
  }
}

/** One proposal: what it changes and why, where the count stands, and where I stand. */
export function proposalLines(p: Proposal, nameOf: (memberId: string) => string): string[] {
  const revision = p.revision > 1 ? `, revision ${p.revision}` : ''
  const lines = [
    `${p.id}  ${STATUS_WORDS[p.status]}${revision}; proposed by ${p.mine ? `${p.author} (you)` : p.author}`,
    `  Changes: ${describeChange(p.change, nameOf)}`,
    `  Reason: ${oneLine(p.reason)}`,
    `  Consents: ${p.consents} of ${p.required} needed; objections: ${p.objections === 0 ? 'none' : p.objections}`,
    `  You: ${myStanceWords(p)}`
  ]
  if (p.responses.length > 0) {
    const said = p.responses.map(
      (r) => `${r.name} ${STANCE_WORDS[r.stance]}${r.note ? `: "${oneLine(r.note)}"` : ''}`
    )
    lines.push(`  Responses: ${said.join('; ')}`)
  }
  if (p.stale) lines.push('  Drafted on agreements that have since changed: the proposer needs to revise it.')
  if (p.change.kind === 'agreements' || p.change.kind === 'confidentiality') {
    lines.push(`  Proposed ${p.change.kind} text:`, '', ...indent(p.change.text, '    '))
  }
  return lines
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('; ')
}

/** One entry of the community log, in a sentence: who acted, on what, and why. */
export function logLine(e: LogEntry): string {
  const who = e.actor ?? 'someone'
  const post = `${e.member ? `${e.member}'s` : 'a'} post ${e.postId ?? ''}`.trimEnd()
  const change = e.change
    ? describeChange(e.change, (id) => (id === e.memberId && e.member ? e.member : 'a member'))
    : 'a change'
  const proposal = `proposal ${e.proposalId ?? ''}`.trimEnd()
  const reason = e.reason ? oneLine(e.reason) : ''
  const because = reason ? `, because: ${reason}` : ''
  let sentence: string
  switch (e.kind) {
    case 'agreed':
      sentence = `${who} said "I agree" to the agreements`
      break
    case 'proposed':
      sentence = `${who} proposed (${proposal}): ${change}${because}`
      break
    case 'revised':
      sentence = `${who} revised ${proposal}: ${change}${because}`
      break
    case 'withdrawn':
      sentence = `${who} withdrew ${proposal} (${change})`
      break
    case 'adopted':
      sentence = `the community adopted ${proposal}: ${change}`
      break
    case 'outdated':
      sentence = `${proposal} (${change}) was set aside: it was drafted on agreements that have since changed`
      break
    case 'flagged':
      sentence = `${who} flagged ${post}${because}`
      break
    case 'unflagged':
      sentence = `${who} took back their flag on ${post}`
      break
    case 'collapsed':
      sentence = `${post} was collapsed for everyone after flags${reason ? `: ${reason}` : ''}`
      break
    case 'uncollapsed':
      sentence = `${post} is open again: flags were taken back`
      break
    case 'restored':
      sentence = `the community restored ${post} after a review (${proposal})${because}`
      break
    case 'removed':
      sentence = `the community removed ${e.member ?? 'a member'} (${proposal})${because}`
      break
    case 'invite-seconded':
      sentence = `${who} seconded an invite made by ${e.member ?? 'a member'}`
      break
    default:
      sentence = `${String((e as { kind: unknown }).kind)}${because}`
  }
  const when = e.at === null ? '' : `${formatTime(e.at)} · `
  return `#${e.n}  ${when}${capitalise(sentence)}`
}
