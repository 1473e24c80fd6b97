// Shapes the engine hands to every front-end (renderer, CLI, tests).
// Kept free of Node and DOM types so the renderer can import them.
import type { Change } from './change.js'
import type { ErrorCode } from '../errors.js'
import type { ProposalStatus, Settings, Stance } from './governance.js'
import type { Availability, Resource } from './reaching.js'
import type { ReplyMode } from './reply-modes.js'

export { REPLY_MODES } from './reply-modes.js'
export type { ReplyMode } from './reply-modes.js'

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
  /** The author's member marker, shown beside their name (see Member.marker). */
  authorMarker: string
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
  /** Who flagged it and why: flags are never anonymous. */
  flags: { byId: string; by: string; reason: string }[]
  flaggedByMe: boolean
  /** Collapsed for everyone because enough members flagged it; still openable on purpose. */
  collapsed: boolean
  /** Hidden on this device only. */
  hiddenByMe: boolean
  /** Its author is muted on this device. */
  authorMuted: boolean
  /** A check-in's mood word, if the author gave one. */
  mood: string | null
  /** Details of a community resource (posts in the resources topic). */
  resource: Resource | null
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
  /** Four characters from their key, the same on every device: tells apart members whose names look alike. */
  marker: string
  color: string | null
  joinedSeq: number
  isMe: boolean
  left: boolean
  /** Left because the community decided so. */
  removed: boolean
  /** Has said "I agree" to the community's agreements. */
  agreed: boolean
  /** Muted on this device. */
  muted: boolean
  /** What they said about being available; null when they said nothing. */
  availability: Availability | null
  /** Connected to me right now and sharing presence. Never stored anywhere. */
  aroundNow: boolean
  /** Around, and at the limit of conversations they chose. */
  atLimit: boolean
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
  /** Waiting for a second member's consent before anyone can use it. */
  awaitingSecond: boolean
  secondedBy: string | null
  mine: boolean
}

export interface CreatedInvite {
  invite: string
  id: string
  expiresAt: number
  maxUses: number
  /** The community asks a second member to consent before this invite works. */
  awaitingSecond: boolean
}

export interface Agreements {
  version: number
  text: string
  confidentiality: string
  /** The proposal that adopted this version; null for the founding text. */
  proposalId: string | null
}

export interface GovernanceState {
  agreements: Agreements
  /** The version I said "I agree" to; null before I have. */
  myAgreedVersion: number | null
  settings: Settings
  /** Members in the community now: decisions are counted among them. */
  currentMembers: number
  openProposals: number
  /** The op version the community runs at, and the newest this Mutual knows. */
  version: number
  newestVersion: number
  /** Set when the community decided to remove me. */
  removed: { reason: string; proposalId: string } | null
}

export interface ProposalResponse {
  memberId: string
  name: string
  stance: Stance
  note: string | null
}

export interface Proposal {
  id: string
  authorId: string
  author: string
  mine: boolean
  change: Change
  reason: string
  revision: number
  status: ProposalStatus
  /** The proposer's clock when proposing: a claim, for display only. */
  createdAt: number
  /** Responses of current members to the current revision. */
  responses: ProposalResponse[]
  myStance: Stance | null
  consents: number
  objections: number
  required: number
  /** A removal that concerns me: I am told, and my response does not count. */
  aboutMe: boolean
  /** A text change drafted on agreements that have since changed; it needs revising. */
  stale: boolean
}

export type LogKind =
  | 'agreed'
  | 'proposed'
  | 'revised'
  | 'withdrawn'
  | 'adopted'
  | 'outdated'
  | 'flagged'
  | 'unflagged'
  | 'collapsed'
  | 'uncollapsed'
  | 'restored'
  | 'removed'
  | 'invite-seconded'
  | 'lapsed'

/** One entry of the community log: every flag, decision and removal, with who and why. */
export interface LogEntry {
  n: number
  kind: LogKind
  /** Who acted; null when the community acted by consent. */
  actorId: string | null
  actor: string | null
  memberId: string | null
  member: string | null
  postId: string | null
  proposalId: string | null
  /** What the proposal changes, for entries about a proposal. */
  change: Change | null
  reason: string | null
  at: number | null
}

export interface LogPage {
  entries: LogEntry[]
  /** Pass as `before` for older entries; null when there are none. */
  next: number | null
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
  /** The community this one started again as, by consent; it then takes no new posts. */
  refoundedAs: string | null
}

/** Something a member would want to know about even when the window is hidden. */
export interface Notice {
  communityId: string
  communityName: string
  /** collapsed: my post was collapsed by flags; removed: the community removed me; proposal: a new proposal to respond to. */
  kind:
    | 'reply'
    | 'mention'
    | 'collapsed'
    | 'removed'
    | 'proposal'
    /** Someone would like to talk (to the community while I am open to listen, or to me by name). */
    | 'reach'
    /** A private message, a check-on-me request, or a shared support plan: never with its content. */
    | 'private'
  postId: string | null
  /** The thread to open: the post itself for top-level posts; null when the notice is not about a post. */
  root: string | null
  /** The member whose conversation to open, for private notices. */
  memberId?: string
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
  /** This device was removed from the member's devices, from another of them: it cannot write here. */
  revoked: boolean
  /** Set when the log holds changes from a newer version of Mutual. */
  updateNeeded: boolean
  posts: { local: number; replicated: number; confirmed: number }
  /** The view's length and tree hash: two devices showing the same value hold identical views. */
  viewVersion: string
}

/** looking-for-member: asking online members; no-member-online: none reachable yet, still asking. */
export type JoinStage = 'looking-for-member' | 'no-member-online' | 'no-network' | 'syncing' | 'done'

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
  /** Something came for you while the app is locked; what and from whom stays hidden until it is unlocked. */
  | { type: 'notice-while-locked' }
  /** The app was locked or unlocked, or its idle time changed (RPC lock.status has the rest). */
  | { type: 'lock-changed'; locked: boolean }
  /** A device asked to be linked with the code this one shows; the person answers with devices.answerLink. */
  | { type: 'link-request'; offerId: string; deviceName: string }
  /**
   * Linking with a code shown here ended: `linked` communities shared, or why not: `code` as an
   * error would carry it (invite-expired: nobody used it in time; not-allowed: the person said no).
   */
  | {
      type: 'link-ended'
      offerId: string
      linked: number | null
      code: ErrorCode | null
      message: string | null
    }
  /** Where linking this device to another is (RPC devices.link). */
  | { type: 'link-progress'; linkId: string; stage: LinkStage }

/** looking: for the other device; waiting-for-confirm: it is found, and the person answers there. */
export const LINK_STAGES = ['looking', 'waiting-for-confirm', 'copying'] as const
export type LinkStage = (typeof LINK_STAGES)[number]

/** One of my devices, across my communities (op version 5). */
export interface DeviceInfo {
  /** The same device everywhere: the id it chose; a first device never named shows its writer key. */
  id: string
  name: string | null
  thisDevice: boolean
  revoked: boolean
  /** Communities where it writes as me. */
  communities: number
}

/** Why a community of mine was not shared with a new device: it has not adopted devices yet, or I cannot write there. */
export const NOT_SHARED = ['older-version', 'not-writable'] as const
export type NotShared = (typeof NOT_SHARED)[number]

/** Whether a recovery phrase can bring my membership back, in how many of my communities. */
export interface RecoveryStatus {
  /** Communities where my current recovery phrase is recorded. */
  registered: number
  /** Communities where it is not (yet): no phrase asked for, or one asked for before I joined. */
  missing: number
}

/** A new recovery phrase, shown once, and the backup sealed with it if asked for. */
export interface RecoveryPhrase {
  /** 24 words. Never stored on this device. */
  phrase: string
  /** Private conversations' keys and the support plan, sealed with the phrase (base64); null unless asked for. */
  backup: string | null
  registered: number
  notRegistered: { name: string; reason: NotShared }[]
}

/** What a restore brought back: communities through members online, and what the backup held. */
export interface RestoreResult extends LinkResult {
  /** Communities whose private conversations can be read again here (their keys were in the backup). */
  conversations: number
  plan: boolean
}

/** What linking this device brought: the communities it now holds, and those it could not. */
export interface LinkResult {
  communities: string[]
  notShared: { name: string; reason: NotShared }[]
}

/** One of this device's connections in a community (RPC network.connections, core/community/diagnostics.ts). */
export interface ConnectionInfo {
  /** The remote's network key in this community: not its member id. */
  remote: string
  /** A short id of the connection's handshake hash: the same on both ends. */
  session: string
  initiator: boolean
  /** The member the remote proved to be, once it is a proven current member. */
  member: string | null
  /** Bytes received and sent on it, keep-alives included. */
  bytesRead: number
  bytesWritten: number
}

export interface ConnectionsReport {
  /** This device's network key in this community. */
  self: string
  /** This device's member id. */
  me: string
  connections: ConnectionInfo[]
}
