// Reading and writing: post, feed, thread, topics, react.
import { LIMITS } from '../../core/domain/limits.js'
import { REACTION_KINDS, REPLY_MODES } from '../../core/domain/types.js'
import { threadLines, topicLine } from '../format.js'
import { print, printJson } from '../output.js'
import { parseChoice, parseWholeNumber } from '../values.js'
import { resolveCommunity } from './resolve.js'
import type { ClientCommand } from './spec.js'

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
    const result = await input.client.call('posts.create', {
      communityId,
      text: input.arg('TEXT'),
      topic,
      replyTo,
      mode: replyMode,
      note
    })
    if (input.json) printJson(result)
    else print(result.id)
  }
}

export const feed: ClientCommand = {
  kind: 'client',
  name: 'feed',
  usage: 'feed COMMUNITY [--topic T] [--limit N]',
  summary: 'print the newest posts as a JSON array',
  args: ['COMMUNITY'],
  options: ['topic', 'limit'],
  async run(input) {
    const { topic, limit } = input.flags
    const pageSize = limit === undefined ? undefined : parseWholeNumber('--limit', limit, 1, LIMITS.pageMax)
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const page = await input.client.call('posts.feed', { communityId, topic, limit: pageSize })
    // Always JSON: a feed is data for scripts; `thread` is the reading view.
    printJson(page.posts)
  }
}

export const thread: ClientCommand = {
  kind: 'client',
  name: 'thread',
  usage: 'thread COMMUNITY POST',
  summary: 'show a post with its replies',
  args: ['COMMUNITY', 'POST'],
  options: [],
  async run(input) {
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const result = await input.client.call('posts.thread', { communityId, postId: input.arg('POST') })
    if (input.json) printJson(result)
    else print(threadLines(result).join('\n'))
  }
}

export const topics: ClientCommand = {
  kind: 'client',
  name: 'topics',
  usage: 'topics COMMUNITY',
  summary: 'list the topics of a community',
  args: ['COMMUNITY'],
  options: [],
  async run(input) {
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const list = await input.client.call('topics.list', { communityId })
    if (input.json) printJson(list)
    else for (const t of list) print(topicLine(t))
  }
}

export const addTopic: ClientCommand = {
  kind: 'client',
  name: 'add-topic',
  usage: 'add-topic COMMUNITY NAME',
  summary: 'add a topic that posts can use with --topic',
  args: ['COMMUNITY', 'NAME'],
  options: [],
  async run(input) {
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
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
    const method = input.flags.undo ? 'reactions.remove' : 'reactions.add'
    const result = await input.client.call(method, { communityId, postId: input.arg('POST'), kind })
    if (input.json) printJson(result)
    else print(input.flags.undo ? `Took back "${kind}".` : `Reacted "${kind}".`)
  }
}
