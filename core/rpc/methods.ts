// The RPC contract: one schema of methods shared by the engine, the renderer
// client, the CLI and the tests. Params are validated by the server because
// every caller (renderer, CLI socket) is untrusted.
import { z } from 'zod'
import { REACTION_KINDS, REPLY_MODES } from '../domain/types.js'
import type {
  CommunitySummary,
  CreatedInvite,
  FeedPage,
  InviteInfo,
  Member,
  SyncStatus,
  Thread,
  Topic
} from '../domain/types.js'
import { LIMITS } from '../domain/limits.js'
import { isWord } from '../domain/stable-text.js'
import { RESOURCE_KINDS } from '../domain/reaching.js'
import { communityId, inviteId, postId } from '../domain/ids.js'
import { agreementsText, governanceMethods } from './methods-governance.js'
import type { GovernanceResults } from './methods-governance.js'
import { reachingMethods } from './methods-reaching.js'
import { deviceMethods } from './methods-device.js'
import type { DeviceResults } from './methods-device.js'
import { linkingMethods } from './methods-linking.js'
import type { LinkingResults } from './methods-linking.js'
import type { ConnectionsReport } from '../domain/types.js'
import type { ReachingResults } from './methods-reaching.js'

const displayName = z
  .string()
  .trim()
  .min(1, 'a display name cannot be empty')
  .max(LIMITS.displayName, `a display name is at most ${LIMITS.displayName} characters`)
const topicName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,39}$/,
    'a topic is 1-40 lowercase letters, digits or dashes, starting with a letter or digit'
  )
const text = z
  .string()
  .refine((s) => s.trim().length > 0, 'a post cannot be empty')
  .refine((s) => s.length <= LIMITS.postText, `a post is at most ${LIMITS.postText} characters`)
const note = z.string().trim().max(LIMITS.note, `a content note is at most ${LIMITS.note} characters`)
const color = z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour is written like #3a7bd5')
export const methods = {
  'communities.list': { params: z.object({}).strict() },
  'communities.create': {
    params: z
      .object({
        name: z.string().trim().min(1, 'a community needs a name').max(LIMITS.communityName),
        displayName,
        agreements: z.object({ text: agreementsText, confidentiality: agreementsText }).strict().optional()
      })
      .strict()
  },
  'communities.join': {
    params: z
      .object({
        invite: z.string().trim().min(1, 'paste an invite key'),
        displayName,
        joinId: z.string().max(64).optional()
      })
      .strict()
  },
  'communities.cancelJoin': { params: z.object({ joinId: z.string().max(64) }).strict() },
  'communities.leave': { params: z.object({ communityId }).strict() },
  'communities.markRead': { params: z.object({ communityId, seq: z.number().int().nonnegative() }).strict() },
  'communities.setNotifications': { params: z.object({ communityId, enabled: z.boolean() }).strict() },
  'invites.create': {
    params: z
      .object({
        communityId,
        expiresInMs: z
          .number()
          .int()
          .min(60_000, 'an invite lasts at least a minute')
          .max(LIMITS.inviteMaxLifetimeMs, 'an invite lasts at most 90 days')
          .optional(),
        maxUses: z.number().int().min(1).max(LIMITS.inviteMaxUses).optional()
      })
      .strict()
  },
  'invites.list': { params: z.object({ communityId }).strict() },
  'invites.revoke': { params: z.object({ communityId, inviteId }).strict() },
  'invites.second': { params: z.object({ communityId, inviteId }).strict() },
  'topics.list': { params: z.object({ communityId }).strict() },
  'topics.create': { params: z.object({ communityId, name: topicName }).strict() },
  'posts.create': {
    params: z
      .object({
        communityId,
        text,
        topic: topicName.optional(),
        replyTo: postId.optional(),
        mode: z.enum(REPLY_MODES).optional(),
        note: note.optional(),
        mood: z
          .string()
          .trim()
          // The same check apply makes, so what the RPC takes, every peer keeps.
          .refine((word) => isWord(word, LIMITS.mood), `a mood is one word of at most ${LIMITS.mood} letters`)
          .optional(),
        resource: z
          .object({
            kind: z.enum(RESOURCE_KINDS),
            name: z
              .string()
              .trim()
              .min(1, 'a resource needs a name')
              .max(LIMITS.resourceName, `a name is at most ${LIMITS.resourceName} characters`),
            contact: z
              .string()
              .trim()
              .max(LIMITS.resourceContact, `contact details are at most ${LIMITS.resourceContact} characters`)
              .transform((s) => (s.length === 0 ? null : s))
              .nullable()
              .optional()
          })
          .strict()
          .optional()
      })
      .strict()
  },
  'posts.edit': {
    params: z
      .object({
        communityId,
        postId,
        text,
        mode: z.enum(REPLY_MODES).optional(),
        note: note.nullable().optional()
      })
      .strict()
  },
  'posts.delete': { params: z.object({ communityId, postId }).strict() },
  'posts.get': { params: z.object({ communityId, postId }).strict() },
  'posts.feed': {
    params: z
      .object({
        communityId,
        topic: topicName.optional(),
        limit: z.number().int().min(1).max(LIMITS.pageMax).optional(),
        before: z.number().int().min(0).optional()
      })
      .strict()
  },
  'posts.thread': { params: z.object({ communityId, postId }).strict() },
  'reactions.add': { params: z.object({ communityId, postId, kind: z.enum(REACTION_KINDS) }).strict() },
  'reactions.remove': { params: z.object({ communityId, postId, kind: z.enum(REACTION_KINDS) }).strict() },
  'members.list': { params: z.object({ communityId }).strict() },
  'profile.set': {
    params: z.object({ communityId, displayName, color: color.nullable().optional() }).strict()
  },
  'sync.status': { params: z.object({ communityId: communityId.optional() }).strict() },
  'network.setOnline': { params: z.object({ online: z.boolean() }).strict() },
  'network.refresh': { params: z.object({}).strict() },
  /** Diagnostics: this device's connections in a community, for checking the mesh from outside. */
  'network.connections': { params: z.object({ communityId }).strict() },
  ...governanceMethods,
  ...reachingMethods,
  ...deviceMethods,
  ...linkingMethods
} as const

export type MethodName = keyof typeof methods
export type Params<M extends MethodName> = z.input<(typeof methods)[M]['params']>
export type ParsedParams<M extends MethodName> = z.output<(typeof methods)[M]['params']>

/** What each method returns. Results come from the engine, so they are typed, not re-validated. */
export interface Results extends GovernanceResults, ReachingResults, DeviceResults, LinkingResults {
  'communities.list': CommunitySummary[]
  'communities.create': { id: string }
  /** nameTaken: another member already holds that name, so the newcomer is in without one yet. */
  'communities.join': { id: string; nameTaken: boolean }
  'communities.cancelJoin': { cancelled: boolean }
  'communities.leave': { left: true }
  'communities.markRead': { ok: true }
  'communities.setNotifications': { ok: true }
  'invites.create': CreatedInvite
  'invites.list': InviteInfo[]
  'invites.revoke': { revoked: true }
  'invites.second': { ok: true }
  'topics.list': Topic[]
  'topics.create': { name: string }
  'posts.create': { id: string }
  'posts.edit': { id: string }
  'posts.delete': { id: string }
  'posts.get': import('../domain/types.js').Post
  'posts.feed': FeedPage
  'posts.thread': Thread
  'reactions.add': { ok: true }
  'reactions.remove': { ok: true }
  'members.list': Member[]
  'profile.set': { ok: true }
  'sync.status': SyncStatus[]
  'network.setOnline': { online: boolean }
  'network.refresh': { ok: true }
  'network.connections': ConnectionsReport
}

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name)
}
