// The RPC contract for reaching out: availability, presence, reach-outs,
// private conversations, "check on me" and the support plan. Params are
// validated here because every caller is untrusted.
import { communityId, memberId, reachId } from '../domain/ids.js'
import { z } from 'zod'
import { LIMITS } from '../domain/limits.js'
import { AVAILABILITY_KINDS } from '../domain/reaching.js'
import type {
  AvailabilityState,
  Conversation,
  ConversationSummary,
  PlanShare,
  ReachOut,
  SharedPlan,
  SupportPlan
} from '../domain/reaching.js'

const chosen = z
  .array(memberId)
  .min(1, 'choose at least one member')
  .max(LIMITS.conversationLimit, `choose at most ${LIMITS.conversationLimit} members`)
  .refine((ids) => new Set(ids).size === ids.length, 'each member once')
/** Optional short text: blank means none. */
const optionalLine = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} is at most ${max} characters`)
    .transform((s) => (s.length === 0 ? null : s))
    .optional()
const planField = (what: string) =>
  z.string().max(LIMITS.planField, `"${what}" is at most ${LIMITS.planField} characters`)

export const reachingMethods = {
  'availability.get': { params: z.object({ communityId }).strict() },
  'availability.set': {
    params: z
      .object({
        communityId,
        kind: z.enum(AVAILABILITY_KINDS).nullable(),
        note: optionalLine(LIMITS.availabilityNote, 'a note'),
        limit: z
          .number()
          .int()
          .min(1, 'a limit is at least one conversation')
          .max(LIMITS.conversationLimit, `a limit is at most ${LIMITS.conversationLimit} conversations`)
          .nullable()
          .optional()
      })
      .strict()
  },
  'presence.set': { params: z.object({ communityId, visible: z.boolean() }).strict() },
  'reachouts.list': { params: z.object({ communityId }).strict() },
  'reachouts.create': {
    params: z
      .object({
        communityId,
        context: optionalLine(LIMITS.reachContext, 'a line of context'),
        to: chosen.optional()
      })
      .strict()
  },
  'reachouts.answer': { params: z.object({ communityId, reachId }).strict() },
  'reachouts.close': { params: z.object({ communityId, reachId }).strict() },
  'conversations.list': { params: z.object({ communityId }).strict() },
  'conversations.get': { params: z.object({ communityId, memberId }).strict() },
  'conversations.send': {
    params: z
      .object({
        communityId,
        memberId,
        text: z
          .string()
          .refine((s) => s.trim().length > 0, 'a message cannot be empty')
          .refine(
            (s) => s.length <= LIMITS.privateText,
            `a message is at most ${LIMITS.privateText} characters`
          )
      })
      .strict()
  },
  'conversations.close': { params: z.object({ communityId, memberId }).strict() },
  'conversations.markRead': {
    params: z.object({ communityId, memberId, seq: z.number().int().min(0) }).strict()
  },
  'checkOnMe.send': {
    params: z.object({ communityId, to: chosen, note: optionalLine(LIMITS.reachContext, 'a note') }).strict()
  },
  'plan.get': { params: z.object({}).strict() },
  'plan.save': {
    params: z
      .object({
        plan: z
          .object({
            helps: planField('What helps'),
            doesNotHelp: planField("What doesn't help"),
            contacts: planField('Who to contact'),
            notInvolve: planField('Who not to involve'),
            fromSupporters: planField('What I want from supporters')
          })
          .strict()
      })
      .strict()
  },
  'plan.share': { params: z.object({ communityId, memberId }).strict() },
  'plan.revoke': { params: z.object({ communityId, memberId }).strict() },
  'plans.sharedWithMe': { params: z.object({ communityId }).strict() }
} as const

export interface ReachingResults {
  'availability.get': AvailabilityState
  'availability.set': { ok: true }
  'presence.set': { ok: true }
  'reachouts.list': ReachOut[]
  /** The id of a community reach-out; null when it went privately to chosen members. */
  'reachouts.create': { id: string | null }
  'reachouts.answer': { memberId: string }
  'reachouts.close': { ok: true }
  'conversations.list': ConversationSummary[]
  'conversations.get': Conversation
  'conversations.send': { ok: true }
  'conversations.close': { ok: true }
  'conversations.markRead': { ok: true }
  'checkOnMe.send': { ok: true }
  'plan.get': { plan: SupportPlan; shares: PlanShare[] }
  /** How many shares could not be updated just now (they stay shared). */
  'plan.save': { plan: SupportPlan; unsent: number }
  'plan.share': { ok: true }
  'plan.revoke': { ok: true }
  'plans.sharedWithMe': SharedPlan[]
}
