// What is inside a sealed private message. Whoever holds the pair key could
// have written anything, so every opened payload is parsed here first.
import { z } from 'zod'
import { communityId, proposalId, reachId } from '../domain/ids.js'
import { LIMITS } from '../domain/limits.js'
import type { ConversationLine, SupportPlan } from '../domain/reaching.js'

const time = z.number().int().nonnegative().max(8.64e15)
const field = z.string().max(LIMITS.planField)

export const planContent = z
  .object({
    helps: field,
    doesNotHelp: field,
    contacts: field,
    notInvolve: field,
    fromSupporters: field
  })
  .strict()

const payload = z.discriminatedUnion('k', [
  z.object({ k: z.literal('message'), text: z.string().min(1).max(LIMITS.privateText), at: time }).strict(),
  z
    .object({
      k: z.literal('reach'),
      context: z.string().min(1).max(LIMITS.reachContext).nullable(),
      at: time
    })
    .strict(),
  z
    .object({
      k: z.literal('answer'),
      reachId: reachId.nullable(),
      at: time
    })
    .strict(),
  z.object({ k: z.literal('close'), at: time }).strict(),
  z
    .object({
      k: z.literal('check-on-me'),
      note: z.string().min(1).max(LIMITS.reachContext).nullable(),
      at: time
    })
    .strict(),
  z
    .object({
      k: z.literal('plan'),
      version: z.number().int().positive(),
      plan: planContent,
      updatedAt: time,
      at: time
    })
    .strict(),
  z.object({ k: z.literal('plan-revoke'), at: time }).strict(),
  // An invite into the community started again by consent; the removed never receive one.
  z
    .object({
      k: z.literal('refound'),
      proposalId,
      community: communityId,
      invite: z.string().min(1).max(400),
      at: time
    })
    .strict()
])

export type Payload = z.infer<typeof payload>

export function parsePayload(value: unknown): Payload | null {
  const parsed = payload.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** The line a conversation shows; a plan's content is kept apart from the conversation. */
export function toLine(p: Payload): ConversationLine {
  switch (p.k) {
    case 'message':
      return { kind: 'message', text: p.text }
    case 'reach':
      return { kind: 'reach', context: p.context }
    case 'answer':
      return { kind: 'answer', reachId: p.reachId }
    case 'close':
      return { kind: 'close' }
    case 'check-on-me':
      return { kind: 'check-on-me', note: p.note }
    case 'plan':
      return { kind: 'plan', version: p.version }
    case 'plan-revoke':
      return { kind: 'plan-revoke' }
    case 'refound':
      return { kind: 'refound', proposalId: p.proposalId, community: p.community, invite: p.invite }
  }
}

export function planFrom(p: Extract<Payload, { k: 'plan' }>): SupportPlan {
  return { ...p.plan, version: p.version, updatedAt: p.updatedAt }
}
