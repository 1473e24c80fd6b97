// Reaching out: saying whether you are available, showing that you are
// around, and asking to talk, to the community or to chosen members.
import { LIMITS } from '../../core/domain/limits.js'
import { AVAILABILITY_KINDS } from '../../core/domain/reaching.js'
import type { Availability } from '../../core/domain/reaching.js'
import type { RpcClient } from '../../core/rpc/client.js'
import { UsageError } from '../failure.js'
import { availabilitySentence, plural } from '../format.js'
import { PEOPLE_NOT_SERVICE, availabilityLines, nameList, reachOutLines } from '../format-reaching.js'
import { print, printJson } from '../output.js'
import { shellQuote } from '../quote.js'
import { parseChoice, parseReachId, parseWholeNumber } from '../values.js'
import { explainAgreementsFirst, resolveCommunity, resolveOthers, typedRef } from './resolve.js'
import type { ClientCommand } from './spec.js'
import { askCommunity } from './ask.js'

const STATUS_CHOICES = [...AVAILABILITY_KINDS, 'none'] as const

/** What `availability` was asked to set, checked before anything is sent. */
export function availabilityFrom(
  status: string,
  note: string | undefined,
  limit: string | undefined
): Availability | null {
  const kind = parseChoice('the status', status, STATUS_CHOICES)
  if (kind === 'none') {
    if (note !== undefined || limit !== undefined) {
      throw new UsageError('none clears your status, so it takes no --note or --limit')
    }
    return null
  }
  if (limit !== undefined && kind !== 'open') {
    throw new UsageError('--limit goes with open: how many conversations at once you are open to')
  }
  const trimmed = note?.trim() ?? ''
  return {
    kind,
    note: trimmed === '' ? null : trimmed,
    limit: limit === undefined ? null : parseWholeNumber('--limit', limit, 1, LIMITS.conversationLimit)
  }
}

export const availability: ClientCommand = {
  kind: 'client',
  name: 'availability',
  usage: 'availability COMMUNITY [open|talk|resting|none] [--note TEXT] [--limit N]',
  summary: 'show or say whether you are open to listen, would like to talk, or are resting',
  details:
    'open: open to listen; talk: you would like to talk; resting: not available now; none: say nothing.\n' +
    'Every member can see what you choose. --note adds a short line ("evenings only");\n' +
    `with open, --limit N says how many conversations at once you are open to (1-${LIMITS.conversationLimit}).\n` +
    'Without a status, shows yours, whether you show as around (see: mutual presence), and your open conversations.',
  args: ['COMMUNITY'],
  optionalArgs: ['STATUS'],
  options: ['note', 'limit'],
  async run(input) {
    const { client } = input
    const ref = typedRef(input.arg('COMMUNITY'))
    const status = input.optionalArg('STATUS')
    const { note, limit } = input.flags
    if (status === undefined && (note !== undefined || limit !== undefined)) {
      throw new UsageError(
        `--note and --limit go with a status, like: mutual availability ${ref} open --note TEXT`
      )
    }
    const wanted = status === undefined ? undefined : availabilityFrom(status, note, limit)
    const communityId = await resolveCommunity(client, input.arg('COMMUNITY'))
    if (wanted === undefined) {
      const state = await client.call('availability.get', { communityId })
      if (input.json) printJson(state)
      else print(availabilityLines(state, ref).join('\n'))
      return
    }
    const result = await client
      .call('availability.set', {
        communityId,
        kind: wanted?.kind ?? null,
        note: wanted?.note ?? undefined,
        limit: wanted?.limit ?? undefined
      })
      .catch((err: unknown) => explainAgreementsFirst(err, ref))
    if (input.json) printJson(result)
    else if (wanted === null) print('You no longer say whether you are available.')
    else print(`${availabilitySentence(wanted)} Every member can see this.`)
  }
}

export const presence: ClientCommand = {
  kind: 'client',
  name: 'presence',
  usage: 'presence COMMUNITY on|off',
  summary: 'let members connected to you see that you are around now, or stop',
  details:
    'Presence goes only to members connected to you right now, and is never stored or written to the community log.',
  args: ['COMMUNITY', 'ON_OR_OFF'],
  options: [],
  async run(input) {
    const visible = parseChoice('presence', input.arg('ON_OR_OFF'), ['on', 'off'] as const) === 'on'
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const result = await input.client.call('presence.set', { communityId, visible })
    if (input.json) printJson(result)
    else if (visible)
      print('Members connected to you can see you are around now. Nothing about it is stored.')
    else print('From now on, nobody sees whether you are around. Nothing about it is stored.')
  }
}

/** How many other members said they are open to listen, and how many of those are around now. */
async function listenersNow(client: RpcClient, communityId: string): Promise<string> {
  const members = await client.call('members.list', { communityId })
  const open = members.filter((m) => !m.isMe && !m.left && m.availability?.kind === 'open')
  if (open.length === 0) {
    return 'Nobody here has said they are open to listen right now; your reach-out stays up until you close it.'
  }
  const around = open.filter((m) => m.aroundNow && !m.atLimit).length
  const listeners = plural(open.length, 'member has', 'members have')
  return `${listeners} said they are open to listen (${around} around now) and ${open.length === 1 ? 'was' : 'were'} told.`
}

export const reachOut: ClientCommand = {
  kind: 'client',
  name: 'reach-out',
  usage: 'reach-out COMMUNITY [--context TEXT] [--to MEMBER ...]',
  summary: 'say you would like to talk, to the community or privately to chosen members (--to)',
  details:
    'Members open to listen are told; anyone can say "I\'m here", which opens a private conversation.\n' +
    '--context adds a short line about what is going on. --to MEMBER (repeat it for several) sends it\n' +
    'privately: only those members see it. ' +
    PEOPLE_NOT_SERVICE,
  args: ['COMMUNITY'],
  options: ['context', 'to'],
  async run(input) {
    const { client } = input
    const ref = typedRef(input.arg('COMMUNITY'))
    const context = input.flags.context
    const communityId = await resolveCommunity(client, input.arg('COMMUNITY'))
    const chosen = input.flags.to ? await resolveOthers(client, communityId, input.flags.to, '--to') : null
    const result = await client
      .call('reachouts.create', { communityId, context, to: chosen?.map((m) => m.id) })
      .catch((err: unknown) => explainAgreementsFirst(err, ref))
    if (input.json) {
      printJson(result)
      return
    }
    const lines =
      result.id === null
        ? [
            `You reached out privately to ${nameList((chosen ?? []).map((m) => m.name))}: only they can see it.`,
            `When someone answers, it shows in: mutual conversations ${ref}`
          ]
        : [
            `You reached out (${result.id}). ${await listenersNow(client, communityId)}`,
            `See who answers with: mutual reach-outs ${ref}; close it with: mutual close-reach-out ${ref} ${result.id}`
          ]
    print([...lines, PEOPLE_NOT_SERVICE].join('\n'))
  }
}

export const reachOuts = askCommunity({
  name: 'reach-outs',
  usage: 'reach-outs COMMUNITY',
  summary: 'list reach-outs, newest first, and whether someone has answered',
  method: 'reachouts.list',
  say: (list, input) => reachOutLines(list, typedRef(input.arg('COMMUNITY'))).join('\n')
})

async function nameOf(client: RpcClient, communityId: string, id: string): Promise<string> {
  const members = await client.call('members.list', { communityId })
  return members.find((m) => m.id === id)?.name ?? 'the member'
}

export const answer: ClientCommand = {
  kind: 'client',
  name: 'answer',
  usage: 'answer COMMUNITY REACH_OUT',
  summary: 'say "I\'m here" to a reach-out; opens a private conversation with its author',
  args: ['COMMUNITY', 'REACH_OUT'],
  options: [],
  async run(input) {
    const reachId = parseReachId(input.arg('REACH_OUT'))
    const ref = typedRef(input.arg('COMMUNITY'))
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const result = await input.client
      .call('reachouts.answer', { communityId, reachId })
      .catch((err: unknown) => explainAgreementsFirst(err, ref))
    if (input.json) {
      printJson(result)
      return
    }
    const name = await nameOf(input.client, communityId, result.memberId)
    print(
      `You said "I'm here" to ${name}. Only the two of you can read your conversation.\n` +
        `Write with: mutual say ${ref} ${shellQuote(name)} TEXT`
    )
  }
}

export const closeReachOut: ClientCommand = {
  kind: 'client',
  name: 'close-reach-out',
  usage: 'close-reach-out COMMUNITY REACH_OUT',
  summary: 'close your reach-out so nobody new answers it; conversations it opened stay',
  args: ['COMMUNITY', 'REACH_OUT'],
  options: [],
  async run(input) {
    const reachId = parseReachId(input.arg('REACH_OUT'))
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const result = await input.client.call('reachouts.close', { communityId, reachId })
    if (input.json) printJson(result)
    else print(`Closed your reach-out ${reachId}. Conversations it opened stay open.`)
  }
}
