// Reaching out in plain words: availability, reach-outs, private
// conversations and support plans. Like format.ts, these lines are for
// people; scripts should use --json.
import type {
  AvailabilityState,
  Conversation,
  ConversationEntry,
  ConversationSummary,
  PlanShare,
  ReachOut,
  SharedPlan,
  SupportPlan,
  SupportPlanContent
} from '../core/domain/reaching.js'
import type { OptionName } from './args.js'
import { availabilitySentence, formatTime, plural } from './format.js'
import { shellQuote } from './quote.js'

/** Said wherever someone reaches out: who is on the other end, without clinical words. */
export const PEOPLE_NOT_SERVICE =
  'Mutual is people like you, not a crisis service: whoever answers is another member, when they can.'

/** `mutual availability COMMUNITY`: what I said about being available, and whether I show as around. */
export function availabilityLines(state: AvailabilityState, ref: string): string[] {
  const mine =
    state.mine === null
      ? `You have not said whether you are available. Say so with: mutual availability ${ref} open|talk|resting`
      : `${availabilitySentence(state.mine)} Every member can see this.`
  const presence = state.presence
    ? `Presence is on: members connected to you can see you are around now (turn it off with: mutual presence ${ref} off).`
    : `Presence is off: nobody sees whether you are around (turn it on with: mutual presence ${ref} on).`
  const limit = state.mine?.limit ?? null
  const count = `You have ${plural(state.openConversations, 'open conversation')}`
  return [mine, presence, limit === null ? `${count}.` : `${count}; you are open to ${limit} at once.`]
}

function quoted(text: string | null): string {
  return text === null ? '' : `: "${oneLine(text)}"`
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}

/** "Ana", "Ana and Ben", "Ana, Ben and Cy". */
export function nameList(list: readonly string[]): string {
  if (list.length <= 1) return list.join('')
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1] ?? ''}`
}

/** Where a reach-out stands, from where I sit. */
function reachState(r: ReachOut, ref: string): string {
  if (r.mine) {
    if (r.answeredBy.length > 0) {
      const who = nameList(r.answeredBy)
      return `${who} said "I'm here"; talk in: mutual conversations ${ref}${r.closed ? ' (you closed it)' : ''}`
    }
    if (r.closed) return 'you closed it'
    return 'no one has answered yet'
  }
  if (r.answeredByMe) {
    return `you said "I'm here"; talk with: mutual conversation ${ref} ${shellQuote(r.author)}`
  }
  if (r.closed) return 'closed'
  if (r.answered) return 'someone has answered'
  return `open; say "I'm here" with: mutual answer ${ref} ${r.id}`
}

/** `mutual reach-outs`: newest first, then the honest footnotes. */
export function reachOutLines(list: readonly ReachOut[], ref: string): string[] {
  const lines: string[] = []
  for (const r of list) {
    const who = r.mine ? 'You' : r.author
    lines.push(
      `${r.id}  ${who} would like to talk${quoted(r.context)}`,
      `  ${formatTime(r.createdAt)} · ${reachState(r, ref)}`
    )
  }
  if (list.length === 0) {
    lines.push(`No reach-outs here right now. To reach out: mutual reach-out ${ref} [--context TEXT]`)
  }
  const waiting = list.some((r) => r.mine && !r.answered && !r.closed)
  if (waiting) {
    lines.push(
      '',
      'No one has answered your reach-out yet. It stays up until you close it,',
      `and members may come by later. Meanwhile, what members have gathered is in: mutual resources ${ref}`
    )
  }
  lines.push('', PEOPLE_NOT_SERVICE)
  return lines
}

/** One conversation in a list. */
export function conversationSummaryLine(c: ConversationSummary): string {
  const marks = [
    c.unread > 0 ? `${c.unread} unread` : null,
    c.closed ? (c.closedByMe ? 'closed by you' : `closed by ${c.member}`) : null
  ].filter(Boolean)
  const head = marks.length > 0 ? `${c.member}  (${marks.join(', ')})` : c.member
  const when = c.lastAt > 0 ? ` · ${formatTime(c.lastAt)}` : ''
  const last = c.last ? ` · ${oneLine(entryWords(c.last, c.member))}` : ''
  return `${head}${when}${last}`
}

/** One line of a conversation in words: who did what. */
function entryWords(e: ConversationEntry, them: string): string {
  const who = e.fromMe ? 'You' : them
  switch (e.kind) {
    case 'message':
      return `${who}: ${e.text}`
    case 'reach':
      return e.fromMe
        ? `You reached out to ${them} privately${quoted(e.context)}`
        : `${them} reached out to you privately${quoted(e.context)}`
    case 'answer':
      return e.fromMe
        ? `You said "I'm here" to ${them}'s reach-out`
        : `${them} said "I'm here" to your reach-out`
    case 'close':
      return `${who} closed the conversation`
    case 'check-on-me':
      return e.fromMe
        ? `You asked ${them} to check on you${quoted(e.note)}`
        : `${them} asked you to check on them${quoted(e.note)}`
    case 'plan':
      return e.fromMe
        ? `You shared your support plan with ${them} (version ${e.version})`
        : `${them} shared their support plan with you (version ${e.version})`
    case 'plan-revoke':
      return e.fromMe
        ? `You stopped sharing your support plan with ${them}`
        : `${them} stopped sharing their support plan with you`
    case 'refound':
      return e.fromMe
        ? `You invited ${them} into the community started again by consent`
        : `${them} invited you into the community started again by consent; your device joins it by itself`
  }
}

/** `mutual conversation`: every line, oldest first, and what can be done next. */
export function conversationLines(c: Conversation, ref: string, member: string): string[] {
  const lines = [`Private conversation with ${c.member}: only the two of you can read it.`, '']
  for (const e of c.entries) {
    const [first = '', ...rest] = entryWords(e, c.member).split('\n')
    lines.push(`${formatTime(e.at)} · ${first}`, ...rest.map((l) => `    ${l}`))
  }
  if (c.entries.length === 0) lines.push('Nothing here yet.')
  lines.push('')
  if (c.closed) {
    const by = c.closedByMe ? 'You' : c.member
    lines.push(`${by} closed this conversation. Writing again opens it: mutual say ${ref} ${member} TEXT`)
  } else {
    lines.push(`Write with: mutual say ${ref} ${member} TEXT`)
  }
  return lines
}

interface PlanField {
  key: keyof SupportPlanContent
  title: string
  /** The flag of `mutual edit-plan` that writes it. */
  option: OptionName
}

export const PLAN_FIELDS: readonly PlanField[] = [
  { key: 'helps', title: 'What helps', option: 'helps' },
  { key: 'doesNotHelp', title: "What doesn't help", option: 'does-not-help' },
  { key: 'contacts', title: 'Who to contact', option: 'contacts' },
  { key: 'notInvolve', title: 'Who not to involve', option: 'not-involve' },
  { key: 'fromSupporters', title: 'What I want from supporters', option: 'from-supporters' }
]

/** The five parts of a plan, each under its heading; empty parts say so. */
export function planBody(plan: SupportPlan): string[] {
  const lines: string[] = []
  for (const field of PLAN_FIELDS) {
    const text = plan[field.key].trim()
    if (lines.length > 0) lines.push('')
    lines.push(
      field.title,
      ...(text === '' ? ['  (nothing written)'] : text.split('\n').map((l) => `  ${l}`))
    )
  }
  return lines
}

/** `mutual plan`: my plan, who it is shared with, and how to change either. */
export function myPlanLines(plan: SupportPlan, shares: readonly PlanShare[]): string[] {
  if (plan.version === 0) {
    return [
      'You have not written a support plan yet. It stays on this device until you share it.',
      'Write one with: mutual edit-plan --helps TEXT --does-not-help TEXT --contacts TEXT --not-involve TEXT --from-supporters TEXT',
      '(any of them; the others stay as they are)'
    ]
  }
  const lines = [`Your support plan (${versionWords(plan)})`, '', ...planBody(plan), '']
  if (shares.length === 0) {
    lines.push(
      'Shared with nobody: it is only on this device. Share it with: mutual share-plan COMMUNITY MEMBER'
    )
  } else {
    lines.push(`Shared with ${nameList(shares.map((s) => s.member))}; each edit reaches them too.`)
  }
  return lines
}

function versionWords(plan: SupportPlan): string {
  const updated = plan.updatedAt === null ? '' : `, updated ${formatTime(plan.updatedAt)}`
  return `version ${plan.version}${updated}`
}

/** `mutual plans`: the plans members shared with me, as they last sent them. */
export function sharedPlanLines(list: readonly SharedPlan[]): string[] {
  if (list.length === 0) return ['Nobody in this community has shared a support plan with you.']
  const lines: string[] = []
  for (const shared of list) {
    if (lines.length > 0) lines.push('', '')
    lines.push(`${shared.member}'s support plan (${versionWords(shared.plan)})`, '', ...planBody(shared.plan))
  }
  return lines
}
