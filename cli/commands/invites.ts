// Invites: create one to share, list this community's, revoke one.
import { LIMITS } from '../../core/domain/limits.js'
import { inviteLine } from '../format.js'
import { print, printJson } from '../output.js'
import { formatDuration, parseDuration, parseWholeNumber } from '../values.js'
import { UsageError } from '../failure.js'
import { note } from '../output.js'
import { requireAgreed, resolveCommunity, typedRef } from './resolve.js'
import type { ClientCommand } from './spec.js'

const MIN_LIFETIME_MS = 60_000

export const invite: ClientCommand = {
  kind: 'client',
  name: 'invite',
  usage: 'invite COMMUNITY [--expires 1h|7d|30m|...] [--uses N]',
  summary: 'create an invite (default: one use, 7 days); prints { "invite": "..." }',
  args: ['COMMUNITY'],
  options: ['expires', 'uses'],
  async run(input) {
    const { expires, uses } = input.flags
    const expiresInMs = expires === undefined ? undefined : parseDuration('--expires', expires)
    if (
      expiresInMs !== undefined &&
      (expiresInMs < MIN_LIFETIME_MS || expiresInMs > LIMITS.inviteMaxLifetimeMs)
    ) {
      throw new UsageError(
        `--expires must be between 1m and ${formatDuration(LIMITS.inviteMaxLifetimeMs)} (got "${expires}")`
      )
    }
    const maxUses = uses === undefined ? undefined : parseWholeNumber('--uses', uses, 1, LIMITS.inviteMaxUses)
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const ref = typedRef(input.arg('COMMUNITY'))
    await requireAgreed(input.client, communityId, ref)
    const created = await input.client.call('invites.create', { communityId, expiresInMs, maxUses })
    // Always JSON: the invite is meant to be copied whole, and scripts read it.
    // --json adds the id (for revoke), expiry and number of uses.
    printJson(input.json ? created : { invite: created.invite })
    if (created.awaitingSecond) {
      note(
        `This community asks a second member to second each invite: it works once another member runs: mutual second ${ref} ${created.id}`
      )
    }
  }
}

export const invites: ClientCommand = {
  kind: 'client',
  name: 'invites',
  usage: 'invites COMMUNITY',
  summary: 'list the invites of a community, with their ids for revoke and second',
  args: ['COMMUNITY'],
  options: [],
  async run(input) {
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const list = await input.client.call('invites.list', { communityId })
    if (input.json) printJson(list)
    else if (list.length === 0) print('No invites.')
    else for (const i of list) print(inviteLine(i))
  }
}

export const revoke: ClientCommand = {
  kind: 'client',
  name: 'revoke',
  usage: 'revoke COMMUNITY INVITE_ID',
  summary: 'stop an invite from being used',
  args: ['COMMUNITY', 'INVITE_ID'],
  options: [],
  async run(input) {
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const result = await input.client.call('invites.revoke', {
      communityId,
      inviteId: input.arg('INVITE_ID')
    })
    if (input.json) printJson(result)
    else print('Invite revoked.')
  }
}

export const second: ClientCommand = {
  kind: 'client',
  name: 'second',
  usage: 'second COMMUNITY INVITE_ID',
  summary: "second another member's invite, where the community asks for that",
  args: ['COMMUNITY', 'INVITE_ID'],
  options: [],
  async run(input) {
    const { client } = input
    const inviteId = input.arg('INVITE_ID').trim().toLowerCase()
    const communityId = await resolveCommunity(client, input.arg('COMMUNITY'))
    await requireAgreed(client, communityId, typedRef(input.arg('COMMUNITY')))
    const found = (await client.call('invites.list', { communityId })).find((i) => i.id === inviteId)
    if (found && !found.awaitingSecond) {
      if (input.json) printJson({ ok: true })
      else if (found.secondedBy !== null) print(`That invite was already seconded by ${found.secondedBy}.`)
      else print('That invite does not need a second member.')
      return
    }
    const result = await client.call('invites.second', { communityId, inviteId })
    if (input.json) printJson(result)
    else print(`You seconded ${found ? `${found.createdBy}'s` : 'the'} invite; it can be used now.`)
  }
}
