// What apply stores in the community view (a Hyperbee), and its key layout.
// Keys are sortable strings so feeds and threads are plain range reads.
import type { ReactionKind, ReplyMode } from '../domain/types.js'

export interface MetaRecord {
  name: string
  founder: string
  /** Monotonic counter giving every post and admission its place in the agreed order. */
  seq: number
  /** How many members have ever been admitted, founder included. */
  memberCount: number
  indexers: number
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
  inviteId: string | null
}

export interface InviteRecord {
  id: string
  publicKey: string
  expiresAt: number
  maxUses: number
  uses: number
  revoked: boolean
  createdBy: string
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
  replyCount: number
  reactions: Record<ReactionKind, string[]>
}

const pad = (n: number): string => n.toString(16).padStart(12, '0')

export const keys = {
  meta: 'meta',
  member: (key: string) => `member/${key}`,
  memberPrefix: 'member/',
  memberOrder: (order: number) => `member-order/${pad(order)}`,
  memberOrderPrefix: 'member-order/',
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
  authoredPrefix: (author: string) => `authored/${author}/`
}

/** The upper bound of a prefix range: every key starting with `prefix` sorts below it. */
export const prefixEnd = (prefix: string): string => prefix + '\uffff'
