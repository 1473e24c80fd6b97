// Plain, calm text for people at a terminal. Scripts should use --json: these
// lines may change wording between versions.
import type { Availability, AvailabilityKind } from '../core/domain/reaching.js'
import type {
  CommunitySummary,
  InviteInfo,
  Member,
  Post,
  SyncStatus,
  Thread,
  Topic
} from '../core/domain/types.js'

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString()
}

export function communityLine(c: CommunitySummary): string {
  const waiting = c.writable ? '' : '; waiting until you can post'
  const again = c.refoundedAs ? `; started again as ${c.refoundedAs}, read only here` : ''
  return `${c.id}  ${c.name}  (you are ${c.myName}; ${plural(c.memberCount, 'member')}${waiting}${again})`
}

const AVAILABILITY_WORDS: Record<AvailabilityKind, { they: string; you: string }> = {
  open: { they: 'open to listen', you: 'You are open to listen' },
  talk: { they: 'would like to talk', you: 'You would like to talk' },
  resting: { they: 'resting, not available now', you: 'You are resting, not available now' }
}

function availabilityExtras(a: Availability): string {
  const extras = [
    a.note === null ? null : `"${a.note}"`,
    a.limit === null ? null : `up to ${plural(a.limit, 'conversation')} at once`
  ].filter(Boolean)
  return extras.length > 0 ? `: ${extras.join(', ')}` : ''
}

/** A member's availability: "open to listen: "evenings", up to 2 conversations at once". */
function availabilityWords(a: Availability): string {
  return `${AVAILABILITY_WORDS[a.kind].they}${availabilityExtras(a)}`
}

/** Mine, as a sentence: "You would like to talk: "after work"." */
export function availabilitySentence(a: Availability): string {
  return `${AVAILABILITY_WORDS[a.kind].you}${availabilityExtras(a)}.`
}

export function memberLine(m: Member): string {
  const here = !m.left && !m.isMe
  const marks = [
    m.isMe ? 'you' : null,
    m.removed ? 'removed by the community' : m.left ? 'left' : null,
    !m.left && !m.agreed ? 'has not agreed to the agreements yet' : null,
    m.muted ? 'muted on this device' : null,
    here && m.aroundNow ? (m.atLimit ? 'around now, at the limit they chose' : 'around now') : null,
    !m.left && m.availability ? availabilityWords(m.availability) : null
  ].filter(Boolean)
  // The marker tells apart members whose names look alike: "Ash (k3x9)".
  const named = `${m.name} (${m.marker})`
  const name = marks.length > 0 ? `${named}  (${marks.join(', ')})` : named
  return `${name}  ${m.id}`
}

export function topicLine(t: Topic): string {
  return `${t.name}  (${plural(t.postCount, 'post')})`
}

export function inviteLine(i: InviteInfo, now = Date.now()): string {
  const state = i.revoked
    ? 'revoked'
    : i.uses >= i.maxUses
      ? 'used up'
      : i.expiresAt <= now
        ? 'expired'
        : i.awaitingSecond
          ? 'waiting for a second member'
          : 'open'
  const expires = new Date(i.expiresAt).toISOString().replace(/\.\d+Z$/, 'Z')
  const by = i.mine ? 'you' : i.createdBy
  const seconded = i.secondedBy === null ? '' : `, seconded by ${i.secondedBy}`
  return `${i.id}  ${state}, made by ${by}${seconded}, used ${i.uses} of ${i.maxUses}, expires ${expires}`
}

export function statusLines(s: SyncStatus): string[] {
  const network = s.online ? `online, ${plural(s.peers, 'peer')} connected` : 'offline'
  const access = s.writable ? 'you can post' : 'waiting until you can post'
  const { local, replicated, confirmed } = s.posts
  const lines = [
    `${s.name}  (${s.communityId})`,
    `  ${network}; ${plural(s.knownMembers, 'member')} known; ${access}`,
    `  your posts: ${confirmed} confirmed, ${replicated} reached other members, ${local} only on this device`
  ]
  if (s.updateNeeded)
    lines.push('  This community has changes from a newer version of Mutual; update to see them.')
  return lines
}

const STATE_TEXT: Record<Post['state'], string> = {
  local: 'only on this device',
  replicated: 'reached other members',
  confirmed: 'confirmed'
}

function flagsText(p: Post): string {
  return p.flags.map((f) => `${f.by}: "${f.reason.replace(/\s*\n\s*/g, ' ')}"`).join('; ')
}

/**
 * Why a post is shown collapsed, if it is: flagged by enough members (for
 * everyone), or hidden or muted on this device. Deleted posts have no text to
 * collapse.
 */
function collapsedBecause(p: Post): string[] {
  if (p.deleted) return []
  const reasons: string[] = []
  if (p.collapsed) {
    const review = p.mine
      ? `; you can ask for a review: mutual propose COMMUNITY --review ${p.id} --reason TEXT`
      : ''
    reasons.push(`collapsed for everyone after flags: ${flagsText(p)}${review}`)
  }
  if (p.hiddenByMe) reasons.push('hidden on this device only')
  if (p.authorMuted) reasons.push(`${p.author} is muted on this device`)
  return reasons
}

type PresentedPost = Omit<Post, 'text'> & { text: string | null }

/**
 * For --json: collapsed posts keep everything but their words (the text, and
 * a resource's details), which are null unless asked for.
 */
export function presentPost(p: Post, showCollapsed: boolean): PresentedPost {
  return !showCollapsed && collapsedBecause(p).length > 0 ? { ...p, text: null, resource: null } : p
}

/** A resource's name, kind and how to reach it, in one line. */
function resourceLine(r: NonNullable<Post['resource']>): string {
  return `${r.name} (${r.kind})${r.contact === null ? '' : ` · ${r.contact}`}`
}

export function postLines(p: Post, indent: string, showCollapsed: boolean): string[] {
  const head = `${indent}${p.author} · ${formatTime(p.createdAt)} · ${p.id} · ${STATE_TEXT[p.state]}`
  const because = collapsedBecause(p)
  const notes: string[] = []
  if (because.length > 0) {
    const show = showCollapsed ? '' : '; show it with --show-collapsed'
    notes.push(`[${because.join('; ')}${show}]`)
  } else if (p.flags.length > 0 && !p.deleted) {
    notes.push(`[flagged by ${flagsText(p)}]`)
  }
  if (p.note) notes.push(`[${p.note}]`)
  if (p.mood) notes.push(`[feeling: ${p.mood}]`)
  const hidden = because.length > 0 && !showCollapsed
  const resource = p.resource && !p.deleted && !hidden ? [resourceLine(p.resource)] : []
  const body = p.deleted ? ['(deleted)'] : hidden ? [] : [...resource, ...p.text.split('\n')]
  return [head, ...[...notes, ...body].map((l) => `${indent}  ${l}`)]
}

export function threadLines(t: Thread, showCollapsed = false): string[] {
  const lines = postLines(t.root, '', showCollapsed)
  for (const reply of t.replies) lines.push('', ...postLines(reply, '    ', showCollapsed))
  return lines
}
