// Shapes the engine hands to every front-end (renderer, CLI, tests).
// Kept free of Node and DOM types so the renderer can import them.

export const REPLY_MODES = ['listen', 'share', 'ideas'] as const
export type ReplyMode = (typeof REPLY_MODES)[number]

export const REACTION_KINDS = ['me-too', 'hear-you', 'thanks'] as const
export type ReactionKind = (typeof REACTION_KINDS)[number]

/** local: only on this device; replicated: another member holds it; confirmed: signed by the indexer majority. */
export type PostState = 'local' | 'replicated' | 'confirmed'

export interface Post {
  id: string
  topic: string
  /** The post this one answers, or null for a top-level post. */
  replyTo: string | null
  /** The top-level post of the thread this belongs to (itself for top-level posts). */
  root: string
  authorId: string
  /** The author's display name in this community. */
  author: string
  text: string
  mode: ReplyMode
  note: string | null
  /** The author's own clock when writing: a claim, for display only. */
  createdAt: number
  editedAt: number | null
  deleted: boolean
  reactions: Record<ReactionKind, number>
  myReactions: ReactionKind[]
  replyCount: number
  mine: boolean
  state: PostState
  /** Position in the community's agreed order; larger is newer. */
  seq: number
}

export interface FeedPage {
  posts: Post[]
  /** Pass as `before` to read the next (older) page; null when there is none. */
  next: number | null
}

export interface Thread {
  root: Post
  replies: Post[]
}

export interface Member {
  id: string
  name: string
  color: string | null
  joinedSeq: number
  isMe: boolean
  left: boolean
}

export interface Topic {
  name: string
  postCount: number
}

export interface InviteInfo {
  id: string
  expiresAt: number
  maxUses: number
  uses: number
  revoked: boolean
  createdBy: string
}

export interface CreatedInvite {
  invite: string
  id: string
  expiresAt: number
  maxUses: number
}

export interface CommunitySummary {
  id: string
  name: string
  myName: string
  writable: boolean
  memberCount: number
  /** Posts and replies from others since this device last marked the community read (capped at 100). */
  unread: number
  /** The newest position in the community's order; pass it to markRead. */
  latestSeq: number
  /** Whether this device shows OS notifications for this community. */
  notifications: boolean
}

/** Something a member would want to know about even when the window is hidden. */
export interface Notice {
  communityId: string
  communityName: string
  kind: 'reply' | 'mention'
  postId: string
  /** The thread to open: the post itself for top-level posts. */
  root: string
  author: string
  excerpt: string
}

export interface SyncStatus {
  communityId: string
  name: string
  online: boolean
  peers: number
  /** Members this device knows of, from the shared log. */
  knownMembers: number
  writable: boolean
  /** Set when the log holds changes from a newer version of Mutual. */
  updateNeeded: boolean
  posts: { local: number; replicated: number; confirmed: number }
  /** The view's length and tree hash: two devices showing the same value hold identical views. */
  viewVersion: string
}

/** looking-for-member: asking online members; no-member-online: none reachable yet, still asking. */
export type JoinStage = 'looking-for-member' | 'no-member-online' | 'syncing' | 'done'

export interface JoinProgress {
  joinId: string
  stage: JoinStage
  communityId: string | null
  /** During syncing: blocks held and blocks known. */
  have: number
  total: number
}

/** Live updates pushed to front-ends. */
export type EngineEvent =
  | { type: 'community-changed'; communityId: string }
  | { type: 'communities-changed' }
  | { type: 'sync-changed'; communityId: string }
  | { type: 'join-progress'; progress: JoinProgress }
  | { type: 'engine-error'; message: string }
  | { type: 'notice'; notice: Notice }
