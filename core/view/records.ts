// What apply stores in the community view (a Hyperbee), and its key layout.
// Keys are sortable strings so feeds and threads are plain range reads.
import type { LogKind, ReactionKind, ReplyMode } from '../domain/types.js'
import type { Change } from '../domain/change.js'
import type { ProposalStatus, Stance } from '../domain/governance.js'
import type { Availability, Resource } from '../domain/reaching.js'

export interface MetaRecord {
  name: string
  founder: string
  /** Monotonic counter giving every post and admission its place in the agreed order. */
  seq: number
  /** How many members have ever been admitted, founder included. */
  memberCount: number
  indexers: number
  /** Members currently in the community (not left, not removed): who decisions count. */
  current: number
  /** Entries written to the community log so far. */
  events: number
  /** Private messages held so far (absent before op version 2). */
  sealed?: number
  /** The op version the community has adopted; absent for communities founded before op version 3. */
  version?: number
  /** Current members who have said "I agree" (kept since op version 3). */
  agreed?: number
  /** Set once the community decided to start again under a new key, and who starts it. */
  refounded?: { proposalId: string; by: string }
  /** The latest time claimed by the two most recent distinct authors (op version 3; see clock.ts). */
  clock?: { by: string; at: number }[]
}

export interface MemberRecord {
  key: string
  name: string | null
  color: string | null
  /** Admission order: 0 for the founder. Decides who becomes an indexer. */
  order: number
  joinedSeq: number
  indexer: boolean
  left: boolean
  /** Left by a decision of the others rather than by choice. */
  removed: boolean
  inviteId: string | null
  /** The agreements version this member said "I agree" to; null until they do. */
  agreedVersion: number | null
  /** This member's network key in this community, proven by its signature. */
  device: string | null
  /** Open to listen, would like to talk, resting; absent in records from before op version 2. */
  availability?: Availability | null
  /** Let in, but never finished joining: the admission lapsed (op version 3). */
  lapsed?: boolean
  /** The admitting member's clock when they let this member in (op version 3): when a lapse may come. */
  admittedAt?: number
  /**
   * The writer that holds this member's place among the indexers, when it is
   * not their first writer: it passed to a linked device when that one was
   * revoked (op version 5).
   */
  indexerWriter?: string
}

/** A member's recovery key, and the writer that recorded it (op version 5). */
export interface RecoveryRecord {
  key: string
  by: string
}

/**
 * Since op version 5: a writer that speaks for a member without being the
 * member's own first writer (a linked device), or any of the member's writers
 * once revoked. A writer with no record is a member in its own right.
 */
export interface WriterRecord {
  member: string
  revoked: boolean
}

/** One of a member's devices, as the member named it (op version 5). */
export interface DeviceRecord {
  writer: string
  /** The same device across communities: an id the member's own devices choose. */
  device: string | null
  name: string | null
  revoked: boolean
}

export interface InviteRecord {
  id: string
  publicKey: string
  expiresAt: number
  maxUses: number
  uses: number
  revoked: boolean
  createdBy: string
  /** Uses given back by places that lapsed (op version 3): at most maxUses. */
  lapses?: number
  /** Created while the community asked for a second member's consent to invites. */
  needsSecond: boolean
  secondedBy: string | null
}

export interface TopicRecord {
  name: string
  postCount: number
  createdBy: string
}

export interface TimelineRecord {
  id: string
  author: string
}

export interface PostRecord {
  id: string
  author: string
  topic: string
  replyTo: string | null
  root: string
  mode: ReplyMode
  note: string | null
  text: string
  at: number
  editedAt: number | null
  deleted: boolean
  seq: number
  /** The author's writer length when this post was appended: places it in their own log. */
  writerLength: number
  /** The writer that appended it, when that was one of the author's linked devices (op version 5). */
  writer?: string
  replyCount: number
  reactions: Record<ReactionKind, string[]>
  flags: FlagRecord[]
  /** Collapsed for everyone: enough distinct members flagged it. */
  collapsed: boolean
  /** A check-in's mood word. */
  mood?: string
  /** Set on posts in the resources topic, and only there. */
  resource?: Resource
}

export interface ReachRecord {
  id: string
  author: string
  context: string | null
  at: number
  seq: number
  /** Members who said "I'm here", in order (op version 2; since 3 nobody is named). */
  answers: string[]
  /** Since op version 3: the one who reached out received an answer they could read. */
  answered?: boolean
  closed: boolean
}

/** A private message as every member holds it: sealed, with only its author in the clear. */
export interface SealedRecord {
  author: string
  tag: string
  nonce: string
  sealed: string
  seq: number
}

export interface FlagRecord {
  by: string
  reason: string
  at: number
}

export interface AgreementsRecord {
  version: number
  text: string
  confidentiality: string
  /** The proposal that adopted this version; null for the founding text. */
  proposalId: string | null
  /** Its entry in the community log. */
  event: number
}

export interface ResponseRecord {
  stance: Stance
  note: string | null
  revision: number
  at: number
}

export interface ProposalRecord {
  id: string
  author: string
  change: Change
  reason: string
  revision: number
  /** The agreements version this was written against: a text change drafted on an older one is outdated. */
  baseVersion: number
  status: ProposalStatus
  at: number
  openedEvent: number
  closedEvent: number | null
  responses: Record<string, ResponseRecord>
}

export interface LogRecord {
  n: number
  kind: LogKind
  /** Who acted; null when the community acted by consent. */
  actor: string | null
  member: string | null
  postId: string | null
  proposalId: string | null
  reason: string | null
  /** The actor's own clock, a claim for display only. */
  at: number | null
}

const pad = (n: number): string => n.toString(16).padStart(12, '0')

export const keys = {
  meta: 'meta',
  member: (key: string) => `member/${key}`,
  memberPrefix: 'member/',
  memberOrder: (order: number) => `member-order/${pad(order)}`,
  memberOrderPrefix: 'member-order/',
  /** Since op version 3: which current member holds a name (by its key in core/domain/names.ts). */
  name: (nameKey: string) => `name/${nameKey}`,
  namePrefix: 'name/',
  /** Set once the names of members from before op version 3 have been indexed. */
  namesIndexed: 'names-indexed',
  invite: (id: string) => `invite/${id}`,
  invitePrefix: 'invite/',
  topic: (name: string) => `topic/${name}`,
  topicPrefix: 'topic/',
  post: (id: string) => `post/${id}`,
  feed: (topic: string, seq: number) => `feed/${topic}/${pad(seq)}`,
  feedPrefix: (topic: string) => `feed/${topic}/`,
  thread: (root: string, seq: number) => `thread/${root}/${pad(seq)}`,
  threadPrefix: (root: string) => `thread/${root}/`,
  /** Every post and reply in agreed order: what is new since a given point. */
  timeline: (seq: number) => `timeline/${pad(seq)}`,
  timelinePrefix: 'timeline/',
  authored: (author: string, writerLength: number) => `authored/${author}/${pad(writerLength)}`,
  authoredPrefix: (author: string) => `authored/${author}/`,
  agreements: 'agreements',
  agreementsVersion: (version: number) => `agreements-version/${pad(version)}`,
  agreementsVersionPrefix: 'agreements-version/',
  settings: 'settings',
  proposal: (id: string) => `proposal/${id}`,
  proposalPrefix: 'proposal/',
  /** Open proposals, re-counted when membership changes. */
  openProposal: (id: string) => `proposal-open/${id}`,
  openProposalPrefix: 'proposal-open/',
  /** Posts with at least one flag, re-checked when the flag threshold changes. */
  flagged: (postId: string) => `flagged/${postId}`,
  flaggedPrefix: 'flagged/',
  log: (n: number) => `log/${pad(n)}`,
  logPrefix: 'log/',
  device: (swarmKey: string) => `device/${swarmKey}`,
  /** Since op version 5: linked and revoked writers (WriterRecord). */
  writer: (writerKey: string) => `writer/${writerKey}`,
  /** Since op version 5: a member's devices (DeviceRecord[]), once they have more than one or named one. */
  devices: (member: string) => `devices/${member}`,
  /** Since op version 5: a member's recovery key, and the member each recovery key names. */
  recovery: (member: string) => `recovery/${member}`,
  recoveryKey: (key: string) => `recovery-key/${key}`,
  recoveryKeyPrefix: 'recovery-key/',
  /** Writers whose admission lost to another use of the same invite: they are told, not left waiting. */
  admissionRefused: (writerKey: string) => `admission-refused/${writerKey}`,
  /** Network keys of removed members: peers refuse to replicate with them. */
  blockedDevice: (swarmKey: string) => `blocked-device/${swarmKey}`,
  blockedDevicePrefix: 'blocked-device/',
  reach: (id: string) => `reach/${id}`,
  /** Reach-outs in agreed order, newest last. */
  reachOrder: (seq: number) => `reach-order/${pad(seq)}`,
  reachOrderPrefix: 'reach-order/',
  sealed: (seq: number) => `sealed/${pad(seq)}`,
  sealedPrefix: 'sealed/',
  /** Since op version 3: what a writer has kept in its current stretch (core/view/quota.ts). */
  quota: (writer: string) => `quota/${writer}`,
  /** Since op version 3: block ranges of a writer's log whose ops changed nothing, for peers to clear. */
  refused: (writer: string) => `refused/${writer}`,
  refusedPrefix: 'refused/'
}

/** The upper bound of a prefix range: every key starting with `prefix` sorts below it. */
export const prefixEnd = (prefix: string): string => prefix + '\uffff'
