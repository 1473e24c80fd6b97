// Private conversations between two members, sealed so only they can read
// them, and "check on me": a private nudge to chosen members.
import { UsageError } from '../failure.js'
import { conversationLines, conversationSummaryLine, nameList } from '../format-reaching.js'
import { print, printJson } from '../output.js'
import {
  explainAgreementsFirst,
  memberRef,
  resolveCommunity,
  resolveMember,
  resolveOthers,
  typedRef
} from './resolve.js'
import type { ClientCommand } from './spec.js'

/** The community and the other member that a conversation command names. */
async function partner(input: Parameters<ClientCommand['run']>[0]) {
  const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
  const member = await resolveMember(input.client, communityId, input.arg('MEMBER'), 'MEMBER')
  if (member.isMe) throw new UsageError('a conversation is with someone else')
  return { communityId, member }
}

export const conversations: ClientCommand = {
  kind: 'client',
  name: 'conversations',
  usage: 'conversations COMMUNITY',
  summary: 'list your private conversations, most recent first, with what is unread',
  args: ['COMMUNITY'],
  options: [],
  async run(input) {
    const ref = typedRef(input.arg('COMMUNITY'))
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const list = await input.client.call('conversations.list', { communityId })
    if (input.json) printJson(list)
    else if (list.length === 0) {
      print(
        `No private conversations yet. One opens when someone answers a reach-out, or write: mutual say ${ref} MEMBER TEXT`
      )
    } else
      print(
        [...list.map(conversationSummaryLine), '', `Read one with: mutual conversation ${ref} MEMBER`].join(
          '\n'
        )
      )
  }
}

export const conversation: ClientCommand = {
  kind: 'client',
  name: 'conversation',
  usage: 'conversation COMMUNITY MEMBER',
  summary: 'show your private conversation with a member, and mark it read',
  args: ['COMMUNITY', 'MEMBER'],
  options: [],
  async run(input) {
    const { client } = input
    const { communityId, member } = await partner(input)
    const shown = await client.call('conversations.get', { communityId, memberId: member.id })
    if (input.json) printJson(shown)
    else
      print(
        conversationLines(shown, typedRef(input.arg('COMMUNITY')), memberRef(input.arg('MEMBER'))).join('\n')
      )
    if (shown.unread > 0) {
      await client.call('conversations.markRead', { communityId, memberId: member.id, seq: shown.lastSeq })
    }
  }
}

export const say: ClientCommand = {
  kind: 'client',
  name: 'say',
  usage: 'say COMMUNITY MEMBER TEXT',
  summary: 'write to a member privately; only the two of you can read it',
  args: ['COMMUNITY', 'MEMBER', 'TEXT'],
  options: [],
  async run(input) {
    const { client } = input
    const ref = typedRef(input.arg('COMMUNITY'))
    const { communityId, member } = await partner(input)
    const result = await client
      .call('conversations.send', { communityId, memberId: member.id, text: input.arg('TEXT') })
      .catch((err: unknown) => explainAgreementsFirst(err, ref))
    if (input.json) printJson(result)
    else print(`Sent to ${member.name}. Only the two of you can read it.`)
  }
}

export const closeConversation: ClientCommand = {
  kind: 'client',
  name: 'close-conversation',
  usage: 'close-conversation COMMUNITY MEMBER',
  summary: 'close your conversation with a member; writing again opens it',
  args: ['COMMUNITY', 'MEMBER'],
  options: [],
  async run(input) {
    const { client } = input
    const { communityId, member } = await partner(input)
    const result = await client.call('conversations.close', { communityId, memberId: member.id })
    if (input.json) printJson(result)
    else print(`Closed your conversation with ${member.name}. It stays here to read.`)
  }
}

export const checkOnMe: ClientCommand = {
  kind: 'client',
  name: 'check-on-me',
  usage: 'check-on-me COMMUNITY MEMBER... [--note TEXT]',
  summary: 'ask chosen members, privately, to check on you; nobody else is told',
  details:
    'Each member you name gets a private line asking them to check on you, with your --note if you give one.\n' +
    'Nothing is escalated to anyone else, and nothing appears in the community.',
  args: ['COMMUNITY', 'MEMBER'],
  repeatsLast: true,
  options: ['note'],
  async run(input) {
    const { client } = input
    const ref = typedRef(input.arg('COMMUNITY'))
    const communityId = await resolveCommunity(client, input.arg('COMMUNITY'))
    const chosen = await resolveOthers(client, communityId, input.repeated(), 'MEMBER')
    const result = await client
      .call('checkOnMe.send', { communityId, to: chosen.map((m) => m.id), note: input.flags.note })
      .catch((err: unknown) => explainAgreementsFirst(err, ref))
    if (input.json) printJson(result)
    else {
      print(
        `Asked ${nameList(chosen.map((m) => m.name))} to check on you, privately. ` +
          'Only they are told; nothing is escalated to anyone else.'
      )
    }
  }
}
