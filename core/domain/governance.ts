// Self-governance without an admin: the rules every peer applies the same
// way. Pure functions and constants only, so apply, readers and front-ends
// all compute thresholds identically.
import type { ReplyMode } from './reply-modes.js'

/** How many of the eligible members must consent. */
export const DECISION_RULES = ['majority', 'two-thirds', 'everyone'] as const
export type DecisionRule = (typeof DECISION_RULES)[number]

/** anyone: any member's invite works at once; second-member: another member must second it first. */
export const INVITE_RULES = ['anyone', 'second-member'] as const
export type InviteRule = (typeof INVITE_RULES)[number]

/**
 * Who decisions are counted among. agreed: members who finished joining and
 * said "I agree"; admitted: everyone let in (the rule before op version 3).
 */
export const COUNTING_RULES = ['agreed', 'admitted'] as const
export type CountingRule = (typeof COUNTING_RULES)[number]

export interface Settings {
  invite: InviteRule
  /** Distinct members whose flags collapse a post for everyone. */
  flagsToHide: number
  /** Consents needed to remove a member, counted among the members other than the one concerned. */
  removal: DecisionRule
  /** Consents needed to adopt any other proposal. */
  consent: DecisionRule
  defaultReplyMode: ReplyMode
  counting: CountingRule
}

export const DEFAULT_SETTINGS: Settings = {
  invite: 'anyone',
  flagsToHide: 2,
  removal: 'majority',
  consent: 'majority',
  defaultReplyMode: 'share',
  counting: 'agreed'
}

/** A stored settings record; one written before op version 3 has no counting rule and counted everyone let in. */
export function settingsFrom(stored: Partial<Settings> | null): Settings {
  return stored ? { ...DEFAULT_SETTINGS, counting: 'admitted', ...stored } : DEFAULT_SETTINGS
}

export const FLAGS_TO_HIDE_MAX = 20

/**
 * Consents required among `eligible` members. Never fewer than two, so no
 * one can decide alone, even in a community of two.
 */
export function requiredConsents(rule: DecisionRule, eligible: number): number {
  const needed =
    rule === 'majority'
      ? Math.floor(eligible / 2) + 1
      : rule === 'two-thirds'
        ? Math.ceil((eligible * 2) / 3)
        : eligible
  return Math.max(2, needed)
}

export const STANCES = ['consent', 'concern', 'object'] as const
/** concern: consent, with a note the others should hear. object: a standing block, with a reason. */
export type Stance = (typeof STANCES)[number]

export type ProposalStatus = 'open' | 'adopted' | 'withdrawn' | 'outdated'

// The starting agreements of a new community. The founder can edit them
// before creating it; the text a community starts with is written into its
// first op, so changing these words later never changes an existing community.
export const TEMPLATE_AGREEMENTS = `We are peers. Nobody here is an expert on anyone else's life, and nobody is in charge.

Speak from your own experience
Say "I" rather than "you should". Your story is yours to tell; other people's stories are theirs.

Reply modes are respected
Every post says how its author would like replies: "just listen", "share yours" or "ideas welcome". When someone asks us to just listen, we listen.

No advice unless invited
Advice can feel like being told what to do. We offer ideas only where they are welcome, and as what worked for us, not what someone should do.

Topics we agree to avoid
We keep out graphic detail of self-harm, and numbers such as weights or doses. We add a content note when a post touches something hard.

How we decide
Anyone can propose a change to these agreements or to how the community works, with a reason. Each member can consent, consent with a concern, or object. A change is adopted when enough members consent and nobody still objects. No one acts alone on someone else.`

export const TEMPLATE_CONFIDENTIALITY = `What is shared here stays here. We do not repeat each other's stories, names or details outside this community, and we do not copy or screenshot each other's posts.

The limits, honestly: every member can read what you post, and every member keeps a copy on their own device. Deleting a post removes it from the community from then on, but cannot take it back from anyone who already received it. If someone is removed, what they already received stays with them.

Mutual is not a crisis service, and we are not counsellors. If you are in danger now, reach someone who can be with you in person.`
