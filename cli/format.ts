// Plain, calm text for people at a terminal. Scripts should use --json: these
// lines may change wording between versions.
import type {
  CommunitySummary,
  InviteInfo,
  Member,
  Post,
  SyncStatus,
  Thread,
  Topic
} from '../core/domain/types.js'

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

export function communityLine(c: CommunitySummary): string {
  const waiting = c.writable ? '' : '; waiting until you can post'
  return `${c.id}  ${c.name}  (you are ${c.myName}; ${plural(c.memberCount, 'member')}${waiting})`
}

export function memberLine(m: Member): string {
  const marks = [m.isMe ? 'you' : null, m.left ? 'left' : null].filter(Boolean)
  return marks.length > 0 ? `${m.name}  (${marks.join(', ')})` : m.name
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
        : 'open'
  const expires = new Date(i.expiresAt).toISOString().replace(/\.\d+Z$/, 'Z')
  return `${i.id}  ${state}, used ${i.uses} of ${i.maxUses}, expires ${expires}`
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

function postLines(p: Post, indent: string): string[] {
  const head = `${indent}${p.author} · ${new Date(p.createdAt).toLocaleString()} · ${p.id} · ${STATE_TEXT[p.state]}`
  const body = p.deleted ? ['(deleted)'] : p.text.split('\n')
  const note = p.note ? [`[${p.note}]`] : []
  return [head, ...[...note, ...body].map((l) => `${indent}  ${l}`)]
}

export function threadLines(t: Thread): string[] {
  const lines = postLines(t.root, '')
  for (const reply of t.replies) lines.push('', ...postLines(reply, '    '))
  return lines
}
