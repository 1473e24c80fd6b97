// What a proposal would change, declared once. The log checks every proposal
// op against `change`; the RPC checks what a person proposes against the same
// shape built with its own agreements text (not blank, with words for the
// person) and this build's newest op version.
import { z } from 'zod'
import { COUNTING_RULES, DECISION_RULES, FLAGS_TO_HIDE_MAX, INVITE_RULES } from './governance.js'
import { memberId, postId } from './ids.js'
import { LIMITS } from './limits.js'
import { REPLY_MODES } from './reply-modes.js'

const settingsChange = z
  .object({
    invite: z.enum(INVITE_RULES),
    flagsToHide: z
      .number()
      .int()
      .min(1, 'at least one flag')
      .max(FLAGS_TO_HIDE_MAX, `at most ${FLAGS_TO_HIDE_MAX} flags`),
    removal: z.enum(DECISION_RULES),
    consent: z.enum(DECISION_RULES),
    defaultReplyMode: z.enum(REPLY_MODES),
    // Since op version 3.
    counting: z.enum(COUNTING_RULES)
  })
  .partial()
  .strict()
  .refine((s) => Object.keys(s).length > 0, 'a settings change changes at least one setting')

/** The shape of a change, with the agreements text and the newest op version a proposal may name. */
export function changeWith(text: z.ZodType<string>, newestVersion: number) {
  return z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('agreements'), text }).strict(),
    z.object({ kind: z.literal('confidentiality'), text }).strict(),
    z.object({ kind: z.literal('settings'), settings: settingsChange }).strict(),
    z.object({ kind: z.literal('removal'), member: memberId }).strict(),
    z.object({ kind: z.literal('review'), postId }).strict(),
    // Since op version 3: the community moves to a newer op version by consent.
    z
      .object({
        kind: z.literal('version'),
        version: z
          .number()
          .int()
          .min(3)
          .max(newestVersion, `this Mutual knows op versions up to ${newestVersion}`)
      })
      .strict(),
    // Since op version 3: the community starts again under a new key, with its current members.
    z.object({ kind: z.literal('refound') }).strict()
  ])
}

/** A change as the log takes it: naming any version a newer build may have adopted. */
export const change = changeWith(z.string().min(1).max(LIMITS.agreementsText), 1_000_000)
export type Change = z.infer<typeof change>
