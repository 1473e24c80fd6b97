// Moderation: flags (shared with every member, never anonymous), the
// community log, and personal muting and hiding (this device only).
import { LIMITS } from '../../core/domain/limits.js'
import { parsePostId, requireReason } from '../change.js'
import { UsageError } from '../failure.js'
import { plural } from '../format.js'
import { logLine } from '../format-governance.js'
import { print, printJson } from '../output.js'
import { parseWholeNumber } from '../values.js'
import { requireAgreed, resolveCommunity, resolveMember, typedRef } from './resolve.js'
import type { ClientCommand } from './spec.js'

const LOCAL_ONLY = 'on this device only: nobody is told, and it is not in the community log'

export const flag: ClientCommand = {
  kind: 'client',
  name: 'flag',
  usage: 'flag COMMUNITY POST --reason TEXT',
  summary: 'flag a post that goes against the agreements; flags are not anonymous',
  details:
    'Every member sees who flagged a post and why. Once enough members flag it, it is collapsed for everyone\n(see the Flags setting in: mutual agreements COMMUNITY). unflag takes your flag back.',
  args: ['COMMUNITY', 'POST'],
  options: ['reason'],
  async run(input) {
    const { client } = input
    const postId = parsePostId('POST', input.arg('POST'))
    const reason = requireReason(input.flags, this.usage, LIMITS.flagReason)
    const communityId = await resolveCommunity(client, input.arg('COMMUNITY'))
    const state = await requireAgreed(client, communityId, typedRef(input.arg('COMMUNITY')))
    const before = await client.call('posts.get', { communityId, postId })
    if (before.flaggedByMe) {
      if (input.json) printJson({ ok: true })
      else print(`You had already flagged ${before.author}'s post ${postId}.`)
      return
    }
    const result = await client.call('flags.add', { communityId, postId, reason })
    if (input.json) {
      printJson(result)
      return
    }
    const after = await client.call('posts.get', { communityId, postId })
    const needed = state.settings.flagsToHide
    const effect = after.collapsed
      ? 'It is now collapsed for everyone.'
      : `${plural(after.flags.length, 'member has', 'members have')} flagged it; it is collapsed for everyone at ${needed}.`
    print(
      `You flagged ${after.author}'s post ${postId}. Every member can see who flagged it and why. ${effect}`
    )
  }
}

export const unflag: ClientCommand = {
  kind: 'client',
  name: 'unflag',
  usage: 'unflag COMMUNITY POST',
  summary: 'take back your flag on a post',
  args: ['COMMUNITY', 'POST'],
  options: [],
  async run(input) {
    const { client } = input
    const postId = parsePostId('POST', input.arg('POST'))
    const communityId = await resolveCommunity(client, input.arg('COMMUNITY'))
    await requireAgreed(client, communityId, typedRef(input.arg('COMMUNITY')))
    const before = await client.call('posts.get', { communityId, postId })
    if (!before.flaggedByMe) {
      if (input.json) printJson({ ok: true })
      else print(`You had not flagged ${before.author}'s post ${postId}.`)
      return
    }
    const result = await client.call('flags.remove', { communityId, postId })
    if (input.json) printJson(result)
    else print(`You took back your flag on ${before.author}'s post ${postId}.`)
  }
}

export const log: ClientCommand = {
  kind: 'client',
  name: 'log',
  usage: 'log COMMUNITY [--limit N] [--before N]',
  summary: 'show the community log: flags, proposals, decisions and removals, with who and why',
  details: 'Entries are numbered; --before N shows the entries older than #N.',
  args: ['COMMUNITY'],
  options: ['limit', 'before'],
  async run(input) {
    const { client } = input
    const { limit, before } = input.flags
    const pageSize = limit === undefined ? undefined : parseWholeNumber('--limit', limit, 1, LIMITS.pageMax)
    const olderThan =
      before === undefined ? undefined : parseWholeNumber('--before', before, 0, Number.MAX_SAFE_INTEGER)
    const communityId = await resolveCommunity(client, input.arg('COMMUNITY'))
    const page = await client.call('moderation.log', { communityId, limit: pageSize, before: olderThan })
    if (input.json) {
      printJson(page)
      return
    }
    if (page.entries.length === 0) {
      print(olderThan === undefined ? 'Nothing in the community log yet.' : 'No older entries.')
      return
    }
    const lines = page.entries.map(logLine)
    if (page.next !== null) {
      const more = pageSize === undefined ? '' : ` --limit ${pageSize}`
      lines.push(`Older entries: mutual log ${typedRef(input.arg('COMMUNITY'))} --before ${page.next}${more}`)
    }
    print(lines.join('\n'))
  }
}

function muteCommand(muted: boolean): ClientCommand {
  return {
    kind: 'client',
    name: muted ? 'mute' : 'unmute',
    usage: `${muted ? 'mute' : 'unmute'} COMMUNITY MEMBER`,
    summary: muted
      ? "collapse a member's posts on this device only; nobody is told"
      : "show a muted member's posts again on this device",
    args: ['COMMUNITY', 'MEMBER'],
    options: [],
    async run(input) {
      const { client } = input
      const communityId = await resolveCommunity(client, input.arg('COMMUNITY'))
      const member = await resolveMember(client, communityId, input.arg('MEMBER'), 'MEMBER')
      if (member.isMe) throw new UsageError('you cannot mute yourself')
      const result = await client.call('members.mute', { communityId, memberId: member.id, muted })
      if (input.json) printJson(result)
      else if (muted) print(`Muted ${member.name} ${LOCAL_ONLY}. Their posts show collapsed here.`)
      else print(`Unmuted ${member.name} on this device; their posts show as usual again.`)
    }
  }
}

export const mute = muteCommand(true)
export const unmute = muteCommand(false)

function hideCommand(hidden: boolean): ClientCommand {
  return {
    kind: 'client',
    name: hidden ? 'hide' : 'unhide',
    usage: `${hidden ? 'hide' : 'unhide'} COMMUNITY POST`,
    summary: hidden
      ? 'collapse one post on this device only; nobody is told'
      : 'show a post you hid on this device again',
    args: ['COMMUNITY', 'POST'],
    options: [],
    async run(input) {
      const postId = parsePostId('POST', input.arg('POST'))
      const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
      const result = await input.client.call('posts.hideForMe', { communityId, postId, hidden })
      if (input.json) printJson(result)
      else if (hidden) print(`Hid post ${postId} ${LOCAL_ONLY}.`)
      else print(`Post ${postId} shows as usual again on this device.`)
    }
  }
}

export const hide = hideCommand(true)
export const unhide = hideCommand(false)
