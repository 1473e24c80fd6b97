// Reaching out: availability, reach-outs, private conversations, the
// personal support plan and check-ins. Shapes shared by the engine and every
// front-end, so no Node or DOM types here.

/** open: open to listen; talk: would like to talk; resting: not available now. */
export const AVAILABILITY_KINDS = ['open', 'talk', 'resting'] as const
export type AvailabilityKind = (typeof AVAILABILITY_KINDS)[number]

export interface Availability {
  kind: AvailabilityKind
  /** A short line the member chose, e.g. "evenings only". */
  note: string | null
  /** How many conversations at once they are open to; null for no limit. */
  limit: number | null
}

/** A few gentle words offered in check-ins; any single word of the member's own also works. */
export const MOOD_SUGGESTIONS = [
  'calm',
  'tired',
  'hopeful',
  'heavy',
  'anxious',
  'okay',
  'grateful',
  'raw'
] as const

export const RESOURCE_KINDS = ['warmline', 'peer-line', 'group', 'reading', 'other'] as const
export type ResourceKind = (typeof RESOURCE_KINDS)[number]

export interface Resource {
  kind: ResourceKind
  name: string
  /** How to reach it: a number, an address, a link, opening hours. */
  contact: string | null
}

/** Topics every community has, created on first use. */
export const CHECK_INS_TOPIC = 'check-ins'
export const RESOURCES_TOPIC = 'resources'

export interface ReachOut {
  id: string
  authorId: string
  author: string
  context: string | null
  /** The author's clock: a claim, for display only. */
  createdAt: number
  /** Someone said "I'm here". Who answered is shown only to the author and the answerer. */
  answered: boolean
  answeredByMe: boolean
  /** Names of those who answered, only when it is my reach-out. */
  answeredBy: string[]
  closed: boolean
  mine: boolean
  seq: number
}

export type ConversationLine =
  | { kind: 'message'; text: string }
  | { kind: 'reach'; context: string | null }
  | { kind: 'answer'; reachId: string | null }
  | { kind: 'close' }
  | { kind: 'check-on-me'; note: string | null }
  | { kind: 'plan'; version: number }
  | { kind: 'plan-revoke' }
  /** An invite into the community started again by consent (see docs/governance.md). */
  | { kind: 'refound'; proposalId: string; community: string; invite: string }

export type ConversationEntry = ConversationLine & {
  /** Position in the community's order; entries sort by it. */
  seq: number
  fromMe: boolean
  /** The writer's clock: a claim, for display only. */
  at: number
}

export interface ConversationSummary {
  /** The other member's id: there is one conversation per pair, so you can always go back to it. */
  memberId: string
  member: string
  closed: boolean
  closedByMe: boolean
  lastAt: number
  lastSeq: number
  unread: number
  /** The latest line (not a support-plan update), for a list to word; null before any. */
  last: ConversationEntry | null
}

export interface Conversation extends ConversationSummary {
  entries: ConversationEntry[]
}

export interface SupportPlanContent {
  helps: string
  doesNotHelp: string
  contacts: string
  notInvolve: string
  fromSupporters: string
}

export interface SupportPlan extends SupportPlanContent {
  version: number
  updatedAt: number | null
}

export interface PlanShare {
  communityId: string
  memberId: string
  member: string
}

export interface SharedPlan {
  memberId: string
  member: string
  plan: SupportPlan
}

export interface AvailabilityState {
  mine: Availability | null
  /** Whether others connected to me can see that I am around. */
  presence: boolean
  openConversations: number
}
