// The RPC contract for self-governance: the agreements, proposals and
// responses to them, flags, the community log, and personal moderation.
// Params are validated here because every caller is untrusted.
import { z } from 'zod'
import { changeWith } from '../domain/change.js'
import { STANCES } from '../domain/governance.js'
import type { Agreements, GovernanceState, LogPage, Proposal } from '../domain/types.js'
import { communityId, memberId, postId, proposalId } from '../domain/ids.js'
import { LIMITS } from '../domain/limits.js'
import { OP_VERSION } from '../domain/ops.js'

/** Agreements as a person writes them: not blank, and within the limit, said in words. */
export const agreementsText = z
  .string()
  .refine((s) => s.trim().length > 0, 'agreements cannot be empty')
  .refine(
    (s) => s.length <= LIMITS.agreementsText,
    `agreements are at most ${LIMITS.agreementsText} characters`
  )
const reason = z
  .string()
  .trim()
  .min(1, 'please give a reason')
  .max(LIMITS.reason, `a reason is at most ${LIMITS.reason} characters`)
const responseNote = z.string().trim().max(LIMITS.reason, `a note is at most ${LIMITS.reason} characters`)
const change = changeWith(agreementsText, OP_VERSION)

export const governanceMethods = {
  'governance.get': { params: z.object({ communityId }).strict() },
  'agreements.history': { params: z.object({ communityId }).strict() },
  'agreements.accept': { params: z.object({ communityId, version: z.number().int().positive() }).strict() },
  'proposals.list': {
    params: z
      .object({ communityId, status: z.enum(['open', 'adopted', 'withdrawn', 'outdated']).optional() })
      .strict()
  },
  'proposals.get': { params: z.object({ communityId, proposalId }).strict() },
  'proposals.create': { params: z.object({ communityId, change, reason }).strict() },
  'proposals.revise': { params: z.object({ communityId, proposalId, change, reason }).strict() },
  'proposals.withdraw': { params: z.object({ communityId, proposalId }).strict() },
  'proposals.respond': {
    params: z
      .object({ communityId, proposalId, stance: z.enum(STANCES), note: responseNote.optional() })
      .strict()
  },
  'proposals.withdrawResponse': { params: z.object({ communityId, proposalId }).strict() },
  'flags.add': {
    params: z
      .object({
        communityId,
        postId,
        reason: z
          .string()
          .trim()
          .min(1, 'please say why you are flagging this post')
          .max(LIMITS.flagReason, `a reason is at most ${LIMITS.flagReason} characters`)
      })
      .strict()
  },
  'flags.remove': { params: z.object({ communityId, postId }).strict() },
  'moderation.log': {
    params: z
      .object({
        communityId,
        limit: z.number().int().min(1).max(LIMITS.pageMax).optional(),
        before: z.number().int().min(0).optional()
      })
      .strict()
  },
  'members.mute': { params: z.object({ communityId, memberId, muted: z.boolean() }).strict() },
  'posts.hideForMe': { params: z.object({ communityId, postId, hidden: z.boolean() }).strict() }
} as const

export interface GovernanceResults {
  'governance.get': GovernanceState
  'agreements.history': Agreements[]
  'agreements.accept': { ok: true }
  'proposals.list': Proposal[]
  'proposals.get': Proposal
  'proposals.create': { id: string }
  'proposals.revise': { id: string }
  'proposals.withdraw': { id: string }
  'proposals.respond': { ok: true }
  'proposals.withdrawResponse': { ok: true }
  'flags.add': { ok: true }
  'flags.remove': { ok: true }
  'moderation.log': LogPage
  'members.mute': { ok: true }
  'posts.hideForMe': { ok: true }
}
