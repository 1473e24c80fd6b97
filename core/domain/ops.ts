// Ops are what members append to their writer. Any member can append any
// bytes, so apply parses every op with these schemas and skips what fails.
import { z } from 'zod'
import { LIMITS } from './limits.js'
import { REACTION_KINDS, REPLY_MODES } from './types.js'
import { STANCES } from './governance.js'
import { change } from './change.js'
import { AVAILABILITY_KINDS, RESOURCE_KINDS } from './reaching.js'
import { isWord } from './stable-text.js'
import {
  deviceId,
  hexBytes as hex,
  inviteId,
  memberId,
  postId,
  proposalId,
  reachId,
  writerKey
} from './ids.js'

/**
 * The newest op version this build understands. Bump when ops or the rules
 * apply enforces change meaning. A community moves to a newer version only
 * when a consent proposal adopts it (see docs/governance.md).
 */
export const OP_VERSION = 5
const OLDEST_OP_VERSION = 1
/** What communities founded before versions were adopted by consent run at: the rules of version 2. */
export const LEGACY_VERSION = 2

const time = z.number().int().nonnegative().max(8.64e15)
const displayName = z.string().min(1).max(LIMITS.displayName)
const topic = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/)
const text = z.string().min(1).max(LIMITS.postText)
const note = z.string().max(LIMITS.note)
const color = z.string().regex(/^#[0-9a-f]{6}$/i)
const agreementsText = z.string().min(1).max(LIMITS.agreementsText)
const reason = z.string().min(1).max(LIMITS.reason)
const deviceName = z.string().min(1).max(LIMITS.deviceName)
// One word: letters and marks from the stable allowlist, apostrophes, hyphens. Not a `\p{L}` regex,
// whose answer depends on the engine's Unicode version (see stable-text.ts).
const mood = z.string().refine((word) => isWord(word, LIMITS.mood))
const resource = z
  .object({
    kind: z.enum(RESOURCE_KINDS),
    name: z.string().min(1).max(LIMITS.resourceName),
    contact: z.string().min(1).max(LIMITS.resourceContact).nullable()
  })
  .strict()

// Strict objects: an op carrying fields we do not know (say, a claimed author) is refused whole.
const opBody = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('community/init'),
      name: z.string().min(1).max(LIMITS.communityName),
      displayName,
      agreements: agreementsText,
      confidentiality: agreementsText
    })
    .strict(),
  z
    .object({
      type: z.literal('invite/create'),
      inviteId,
      publicKey: hex(32),
      expiresAt: time,
      maxUses: z.number().int().min(1).max(LIMITS.inviteMaxUses)
    })
    .strict(),
  z.object({ type: z.literal('invite/revoke'), inviteId }).strict(),
  z
    .object({
      type: z.literal('member/admit'),
      inviteId,
      writerKey,
      at: time,
      // Since op version 3: the newcomer's signing key and signature, proving they hold the writer key.
      proof: hex(96).optional()
    })
    .strict(),
  z.object({ type: z.literal('member/leave') }).strict(),
  // Since op version 3: an admission never completed lapses (see apply); the newcomer may withdraw it at once.
  z.object({ type: z.literal('member/lapse'), member: memberId, at: time }).strict(),
  z.object({ type: z.literal('profile/set'), displayName, color: color.nullable() }).strict(),
  z.object({ type: z.literal('topic/create'), name: topic }).strict(),
  z
    .object({
      type: z.literal('post/create'),
      id: postId,
      topic,
      replyTo: postId.nullable(),
      mode: z.enum(REPLY_MODES),
      note: note.nullable(),
      text,
      at: time,
      // Since op version 2: a check-in's mood word, a resource's details.
      mood: mood.optional(),
      resource: resource.optional()
    })
    .strict(),
  z
    .object({
      type: z.literal('post/edit'),
      id: postId,
      text,
      mode: z.enum(REPLY_MODES),
      note: note.nullable(),
      at: time
    })
    .strict(),
  z.object({ type: z.literal('post/delete'), id: postId }).strict(),
  z.object({ type: z.literal('reaction/add'), postId, kind: z.enum(REACTION_KINDS) }).strict(),
  z.object({ type: z.literal('reaction/remove'), postId, kind: z.enum(REACTION_KINDS) }).strict(),
  // ---- self-governance ----
  z.object({ type: z.literal('agreements/accept'), version: z.number().int().positive() }).strict(),
  z.object({ type: z.literal('invite/second'), inviteId }).strict(),
  z.object({ type: z.literal('member/device'), swarmKey: hex(32), signature: hex(64) }).strict(),
  z.object({ type: z.literal('proposal/create'), id: proposalId, change, reason, at: time }).strict(),
  z.object({ type: z.literal('proposal/revise'), id: proposalId, change, reason, at: time }).strict(),
  z.object({ type: z.literal('proposal/withdraw'), id: proposalId }).strict(),
  z
    .object({
      type: z.literal('proposal/respond'),
      id: proposalId,
      revision: z.number().int().positive(),
      stance: z.enum(STANCES),
      note: reason.nullable(),
      at: time
    })
    .strict(),
  z.object({ type: z.literal('proposal/unrespond'), id: proposalId }).strict(),
  z
    .object({
      type: z.literal('flag/add'),
      postId,
      reason: z.string().min(1).max(LIMITS.flagReason),
      at: time
    })
    .strict(),
  z.object({ type: z.literal('flag/remove'), postId }).strict(),
  // ---- devices (op version 5): one member, several writers ----
  // A member's device adds another writer as the same member; `proof` is the new
  // writer's signing key and signature over linkSignable (core/domain/device.ts).
  z
    .object({
      type: z.literal('device/link'),
      writerKey,
      device: deviceId,
      name: deviceName,
      proof: hex(96)
    })
    .strict(),
  // Names one of the member's own writers (the first one included) and the device it lives on.
  z.object({ type: z.literal('device/name'), writerKey, device: deviceId, name: deviceName }).strict(),
  z.object({ type: z.literal('device/revoke'), writerKey }).strict(),
  // The member records their recovery key; `proof` is its signature (core/domain/recovery.ts).
  z.object({ type: z.literal('member/recovery'), key: hex(32), proof: hex(64) }).strict(),
  // Any member adds a device that proved it holds `member`'s recovery key: a restore
  // from the phrase, when none of the member's devices is left to link it.
  z
    .object({
      type: z.literal('device/recover'),
      member: memberId,
      writerKey,
      device: deviceId,
      name: deviceName,
      proof: hex(96),
      recoveryProof: hex(64)
    })
    .strict(),
  // ---- reaching out (op version 2) ----
  z
    .object({
      type: z.literal('availability/set'),
      kind: z.enum(AVAILABILITY_KINDS).nullable(),
      note: z.string().min(1).max(LIMITS.availabilityNote).nullable(),
      limit: z.number().int().min(1).max(LIMITS.conversationLimit).nullable()
    })
    .strict(),
  z
    .object({
      type: z.literal('reach/create'),
      id: reachId,
      context: z.string().min(1).max(LIMITS.reachContext).nullable(),
      at: time
    })
    .strict(),
  z.object({ type: z.literal('reach/answer'), id: reachId }).strict(),
  z.object({ type: z.literal('reach/close'), id: reachId }).strict(),
  // Since op version 3: the one who reached out says an answer reached them, naming nobody.
  z.object({ type: z.literal('reach/answered'), id: reachId }).strict(),
  // Sealed for one other member. Only the author is visible; the tag lets the recipient find it.
  z
    .object({
      type: z.literal('private/send'),
      tag: hex(16),
      nonce: hex(24),
      sealed: z
        .string()
        .regex(/^[A-Za-z0-9+/]+={0,2}$/)
        .max(LIMITS.sealed)
    })
    .strict()
])

export type Op = z.infer<typeof opBody>

/**
 * What a member may do before saying "I agree": introduce themselves, agree,
 * or go. Admitting is included because their device answers newcomers'
 * pairing requests on its own, for invites agreed members made.
 */
export const ALLOWED_BEFORE_AGREEING: ReadonlySet<Op['type']> = new Set<Op['type']>([
  'agreements/accept',
  'member/lapse',
  'profile/set',
  'member/device',
  'member/leave',
  'member/admit',
  'device/link',
  'device/name',
  'device/revoke',
  'member/recovery',
  // Like admitting: a member's device answers a restoring device on its own.
  'device/recover'
])
export type OpOf<T extends Op['type']> = Extract<Op, { type: T }>

const versioned = z.object({ v: z.number().int().positive() }).passthrough()

type DecodedOp =
  { kind: 'op'; op: Op; version: number } | { kind: 'newer'; version: number } | { kind: 'invalid' }

/**
 * Keys JSON can spell that change what an object is rather than adding a
 * field: an own `__proto__` slips past schema checks that look at ordinary
 * keys. JSON.parse has already undone any escaping, so one spelling covers all.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Deeper than any op nests (a proposal's settings change is three levels).
 * Checked by counting, never by catching a stack overflow: stack depth differs
 * between Node and Electron, and every peer must refuse the same blocks.
 */
const MAX_DEPTH = 16

/** Whether a parsed block nests too deep to be an op, or holds a key that changes what an object is. */
function malformedShape(root: unknown): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, depth } = next
    if (typeof value !== 'object' || value === null) continue
    if (depth >= MAX_DEPTH) return true
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return true
      pending.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 })
    }
  }
  return false
}

/** Decide what an appended block is: a valid op, an op from a newer Mutual, or junk. */
export function decodeOp(block: Uint8Array, newestKnown: number = OP_VERSION): DecodedOp {
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(block.buffer, block.byteOffset, block.byteLength).toString('utf8'))
  } catch {
    return { kind: 'invalid' }
  }
  if (malformedShape(json)) return { kind: 'invalid' }
  const header = versioned.safeParse(json)
  if (!header.success) return { kind: 'invalid' }
  const version = header.data.v
  if (version > newestKnown) return { kind: 'newer', version }
  if (version < OLDEST_OP_VERSION) return { kind: 'invalid' }
  const { v: _version, ...rest } = header.data
  const body = opBody.safeParse(rest)
  if (!body.success || opVersion(body.data) > version) return { kind: 'invalid' }
  return { kind: 'op', op: body.data, version }
}

/** Ops that move a community to a newer version: allowed whatever version the community is at. */
export function opensUpgrade(op: Op): boolean {
  return (op.type === 'proposal/create' || op.type === 'proposal/revise') && op.change.kind === 'version'
}

const SINCE_VERSION_5: ReadonlySet<Op['type']> = new Set<Op['type']>([
  'device/link',
  'device/name',
  'device/revoke',
  'member/recovery',
  'device/recover'
])

const SINCE_VERSION_3: ReadonlySet<Op['type']> = new Set<Op['type']>(['reach/answered', 'member/lapse'])

const SINCE_VERSION_2: ReadonlySet<Op['type']> = new Set<Op['type']>([
  'availability/set',
  'reach/create',
  'reach/answer',
  'reach/close',
  'private/send'
])

/**
 * The oldest version that can read this op. Stamping each op with what it
 * needs, rather than with the newest version, lets older builds keep working
 * in communities that do not use the newer features yet.
 */
export function opVersion(op: Op): number {
  if (SINCE_VERSION_5.has(op.type)) return 5
  if (SINCE_VERSION_3.has(op.type)) return 3
  if (op.type === 'member/admit' && op.proof !== undefined) return 3
  if (opensUpgrade(op)) return 3
  if ((op.type === 'proposal/create' || op.type === 'proposal/revise') && op.change.kind === 'refound')
    return 3
  if (
    (op.type === 'proposal/create' || op.type === 'proposal/revise') &&
    op.change.kind === 'settings' &&
    op.change.settings.counting !== undefined
  )
    return 3
  if (SINCE_VERSION_2.has(op.type)) return 2
  if (op.type === 'post/create' && (op.mood !== undefined || op.resource !== undefined)) return 2
  return 1
}

/**
 * `version` stamps a newer version than the op needs: a founder stamps the
 * version the community starts at on its first op.
 */
export function encodeOp(op: Op, version: number = opVersion(op)): Buffer {
  return Buffer.from(JSON.stringify({ v: Math.max(version, opVersion(op)), ...op }), 'utf8')
}
