// Reading and writing: post, feed, thread, topics, react.
import { LIMITS } from '../../core/domain/limits.js'
import { REACTION_KINDS, REPLY_MODES } from '../../core/domain/types.js'
import { presentPost, threadLines, topicLine } from '../format.js'
import { print, printJson } from '../output.js'
import { parseChoice, parseWholeNumber } from '../values.js'
import { explainAgreementsFirst, requireAgreed, resolveCommunity, typedRef } from './resolve.js'
import type { ClientCommand } from './spec.js'
import { askCommunity } from './ask.js'

export const post: ClientCommand = {
  kind: 'client',
  name: 'post',
  usage: 'post COMMUNITY TEXT [--topic T] [--reply-to POST] [--mode listen|share|ideas] [--note TEXT]',
  summary: 'write a post or a reply; prints the post id',
  args: ['COMMUNITY', 'TEXT'],
  options: ['topic', 'reply-to', 'mode', 'note'],
  async run(input) {
    const { topic, mode, note } = input.flags
    const replyTo = input.flags['reply-to']
    const replyMode = mode === undefined ? undefined : parseChoice('--mode', mode, REPLY_MODES)
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const result = await input.client
      .call('posts.create', { communityId, text: input.arg('TEXT'), topic, replyTo, mode: replyMode, note })
      .catch((err: unknown) => explainAgreementsFirst(err, typedRef(input.arg('COMMUNITY'))))
    if (input.json) printJson(result)
    else print(result.id)
  }
}

export const feed: ClientCommand = {
  kind: 'client',
  name: 'feed',
  usage: 'feed COMMUNITY [--topic T] [--limit N] [--show-collapsed]',
  summary: 'print the newest posts as a JSON array',
  details:
    'A post collapsed by flags, hidden on this device, or by someone muted on this device has "text": null\n(and "resource": null for a resource); its flags and the collapsed, hiddenByMe and authorMuted fields say why. --show-collapsed includes its text.',
  args: ['COMMUNITY'],
  options: ['topic', 'limit', 'show-collapsed'],
  async run(input) {
    const { topic, limit } = input.flags
    const showCollapsed = input.flags['show-collapsed'] === true
    const pageSize = limit === undefined ? undefined : parseWholeNumber('--limit', limit, 1, LIMITS.pageMax)
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const page = await input.client.call('posts.feed', { communityId, topic, limit: pageSize })
    // Always JSON: a feed is data for scripts; `thread` is the reading view.
    printJson(page.posts.map((p) => presentPost(p, showCollapsed)))
  }
}

export const thread: ClientCommand = {
  kind: 'client',
  name: 'thread',
  usage: 'thread COMMUNITY POST [--show-collapsed]',
  summary: 'show a post with its replies',
  details:
    'A post collapsed by flags, hidden on this device, or by someone muted on this device shows why instead of\nits text; --show-collapsed shows the text as well. With --json, such a post has "text": null unless --show-collapsed.',
  args: ['COMMUNITY', 'POST'],
  options: ['show-collapsed'],
  async run(input) {
    const showCollapsed = input.flags['show-collapsed'] === true
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const result = await input.client.call('posts.thread', { communityId, postId: input.arg('POST') })
    if (input.json) {
      printJson({
        root: presentPost(result.root, showCollapsed),
        replies: result.replies.map((r) => presentPost(r, showCollapsed))
      })
    } else print(threadLines(result, showCollapsed).join('\n'))
  }
}

export const topics = askCommunity({
  name: 'topics',
  usage: 'topics COMMUNITY',
  summary: 'list the topics of a community',
  method: 'topics.list',
  say: (list) => list.map((t) => topicLine(t))
})

export const addTopic: ClientCommand = {
  kind: 'client',
  name: 'add-topic',
  usage: 'add-topic COMMUNITY NAME',
  summary: 'add a topic that posts can use with --topic',
  args: ['COMMUNITY', 'NAME'],
  options: [],
  async run(input) {
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    await requireAgreed(input.client, communityId, typedRef(input.arg('COMMUNITY')))
    const result = await input.client.call('topics.create', { communityId, name: input.arg('NAME') })
    if (input.json) printJson(result)
    else print(`Added the topic "${result.name}".`)
  }
}

export const react: ClientCommand = {
  kind: 'client',
  name: 'react',
  usage: `react COMMUNITY POST ${REACTION_KINDS.join('|')} [--undo]`,
  summary: 'add a reaction to a post, or take it back with --undo',
  args: ['COMMUNITY', 'POST', 'KIND'],
  options: ['undo'],
  async run(input) {
    const kind = parseChoice('the reaction', input.arg('KIND'), REACTION_KINDS)
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    await requireAgreed(input.client, communityId, typedRef(input.arg('COMMUNITY')))
    const method = input.flags.undo ? 'reactions.remove' : 'reactions.add'
    const result = await input.client.call(method, { communityId, postId: input.arg('POST'), kind })
    if (input.json) printJson(result)
    else print(input.flags.undo ? `Took back "${kind}".` : `Reacted "${kind}".`)
  }
}
