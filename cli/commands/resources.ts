// Check-ins (a short post with a mood word) and the resources members gather
// for each other: warmlines, peer lines, groups, reading.
import { LIMITS } from '../../core/domain/limits.js'
import {
  CHECK_INS_TOPIC,
  MOOD_SUGGESTIONS,
  RESOURCES_TOPIC,
  RESOURCE_KINDS
} from '../../core/domain/reaching.js'
import type { Resource } from '../../core/domain/reaching.js'
import type { Flags } from '../args.js'
import { UsageError } from '../failure.js'
import { postLines, presentPost } from '../format.js'
import { print, printJson } from '../output.js'
import { parseChoice } from '../values.js'
import { explainAgreementsFirst, resolveCommunity, typedRef } from './resolve.js'
import type { ClientCommand } from './spec.js'

export const checkIn: ClientCommand = {
  kind: 'client',
  name: 'check-in',
  usage: 'check-in COMMUNITY TEXT [--mood WORD]',
  summary: `post in the ${CHECK_INS_TOPIC} topic, with one word for how you are; prints the post id`,
  details: `--mood is one word of your own, or one of: ${MOOD_SUGGESTIONS.join(', ')}.`,
  args: ['COMMUNITY', 'TEXT'],
  options: ['mood'],
  async run(input) {
    const mood = input.flags.mood?.trim()
    if (mood !== undefined && !/^\S+$/.test(mood)) {
      throw new UsageError(
        `--mood is one word, like ${MOOD_SUGGESTIONS.slice(0, 3).join(', ')} (got "${input.flags.mood ?? ''}")`
      )
    }
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const result = await input.client
      .call('posts.create', { communityId, topic: CHECK_INS_TOPIC, text: input.arg('TEXT'), mood })
      .catch((err: unknown) => explainAgreementsFirst(err, typedRef(input.arg('COMMUNITY'))))
    if (input.json) printJson(result)
    else print(result.id)
  }
}

/** The resource `add-resource` was asked to add, checked before anything is sent. */
export function resourceFrom(flags: Flags, usage: string): Resource {
  if (flags.kind === undefined) {
    throw new UsageError(`--kind is required: one of ${RESOURCE_KINDS.join(', ')} (usage: mutual ${usage})`)
  }
  const kind = parseChoice('--kind', flags.kind, RESOURCE_KINDS)
  const name = flags.name?.trim() ?? ''
  if (name === '')
    throw new UsageError(`--name is required: what the resource is called (usage: mutual ${usage})`)
  const contact = flags.contact?.trim() ?? ''
  return { kind, name, contact: contact === '' ? null : contact }
}

export const addResource: ClientCommand = {
  kind: 'client',
  name: 'add-resource',
  usage: `add-resource COMMUNITY TEXT --kind ${RESOURCE_KINDS.join('|')} --name NAME [--contact TEXT]`,
  summary: 'share a warmline, peer line, group or reading with the community; prints the post id',
  details:
    'TEXT says what it is and why it helped. --contact is how to reach it: a number, an address, a link, opening hours.\n' +
    'Like any post, members can flag a resource that goes against the agreements, and enough flags collapse it.',
  args: ['COMMUNITY', 'TEXT'],
  options: ['kind', 'name', 'contact'],
  async run(input) {
    const resource = resourceFrom(input.flags, this.usage)
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const result = await input.client
      .call('posts.create', { communityId, topic: RESOURCES_TOPIC, text: input.arg('TEXT'), resource })
      .catch((err: unknown) => explainAgreementsFirst(err, typedRef(input.arg('COMMUNITY'))))
    if (input.json) printJson(result)
    else print(result.id)
  }
}

export const resources: ClientCommand = {
  kind: 'client',
  name: 'resources',
  usage: 'resources COMMUNITY [--show-collapsed]',
  summary: 'list the resources members have shared, newest first',
  details:
    'A resource collapsed by flags, hidden on this device, or shared by someone muted on this device shows why\n' +
    'instead of its details; --show-collapsed shows them as well. With --json, such a resource has "text": null\n' +
    'and "resource": null unless --show-collapsed.',
  args: ['COMMUNITY'],
  options: ['show-collapsed'],
  async run(input) {
    const showCollapsed = input.flags['show-collapsed'] === true
    const ref = typedRef(input.arg('COMMUNITY'))
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const page = await input.client.call('posts.feed', {
      communityId,
      topic: RESOURCES_TOPIC,
      limit: LIMITS.pageMax
    })
    const list = page.posts.filter((p) => p.resource !== null && p.replyTo === null)
    if (input.json) {
      printJson(list.map((p) => presentPost(p, showCollapsed)))
      return
    }
    if (list.length === 0) {
      print(`No resources shared yet. Add one with: mutual add-resource ${ref} TEXT --kind KIND --name NAME`)
      return
    }
    const blocks = list.map((p) => postLines(p, '', showCollapsed).join('\n'))
    if (page.next !== null)
      blocks.push(`Only the newest ${LIMITS.pageMax} posts in ${RESOURCES_TOPIC} are shown.`)
    print(blocks.join('\n\n'))
  }
}
