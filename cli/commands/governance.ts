// Self-governance: read and accept the agreements, and propose, revise,
// withdraw and respond to changes the community decides by consent.
import { STANCES } from '../../core/domain/governance.js'
import { OP_VERSION } from '../../core/domain/ops.js'
import type { Change } from '../../core/domain/change.js'
import type { Settings } from '../../core/domain/governance.js'
import { LIMITS } from '../../core/domain/limits.js'
import type { GovernanceState } from '../../core/domain/types.js'
import type { RpcClient } from '../../core/rpc/client.js'
import {
  CHANGE_FLAGS,
  changeRequestFrom,
  cliSettingKey,
  parseProposalId,
  readTextFile,
  requireReason
} from '../change.js'
import type { ChangeRequest } from '../change.js'
import { UsageError } from '../failure.js'
import { agreedLines, agreementsLines, historyLines, proposalLines } from '../format-governance.js'
import { note, print, printJson } from '../output.js'
import { parseChoice } from '../values.js'
import {
  requireAgreed,
  resolveCommunity,
  resolveCommunitySummary,
  resolveMember,
  typedRef
} from './resolve.js'
import type { ClientCommand, CommandInput } from './spec.js'

const CHANGE_USAGE =
  '(--agreements-file PATH | --confidentiality-file PATH | --set KEY=VALUE ... | --remove MEMBER | --review POST | --upgrade | --refound)'

const CHANGE_DETAILS = `What to change (exactly one):
  --agreements-file PATH        new agreements text, read from a UTF-8 text file
  --confidentiality-file PATH   new confidentiality text, read from a UTF-8 text file
  --set KEY=VALUE               change settings; repeat --set for several:
      invite=anyone|second-member            whether each invite needs a second member to work
      flags-to-hide=N                        how many members' flags collapse a post (1-20)
      removal=majority|two-thirds|everyone   consents needed to remove a member
      consent=majority|two-thirds|everyone   consents needed for every other decision
      default-reply-mode=listen|share|ideas  the replies a new post asks for by default
      counting=agreed|admitted               who decisions are counted among
  --remove MEMBER               remove a member (their name, or id from: mutual members)
  --review POST                 ask the community to look again at your collapsed post
  --upgrade                     move the community to the newest op version this Mutual knows
  --refound                     start the community again under a new key, with everyone who is a member
                                now; those removed are not invited (the old community stays readable)

A change is adopted once enough members consent and nobody objects; proposing counts as consenting.
Every decision needs at least 2 consents, so nobody decides alone.`

export const agreements: ClientCommand = {
  kind: 'client',
  name: 'agreements',
  usage: 'agreements COMMUNITY [--history]',
  summary: 'show the agreements, confidentiality section and settings, and whether you agreed',
  details: '--history shows every version the community has agreed to, oldest first.',
  args: ['COMMUNITY'],
  options: ['history'],
  async run(input) {
    const { client } = input
    const community = await resolveCommunitySummary(client, input.arg('COMMUNITY'))
    if (input.flags.history) {
      const history = await client.call('agreements.history', { communityId: community.id })
      if (input.json) printJson(history)
      else print(historyLines(history).join('\n'))
      return
    }
    const state = await client.call('governance.get', { communityId: community.id })
    if (input.json) printJson(state)
    else print(agreementsLines(state, community.name, typedRef(input.arg('COMMUNITY'))).join('\n'))
  }
}

export const agree: ClientCommand = {
  kind: 'client',
  name: 'agree',
  usage: 'agree COMMUNITY',
  summary: 'say "I agree" to the current agreements (read them first with: mutual agreements)',
  args: ['COMMUNITY'],
  options: [],
  async run(input) {
    const { client } = input
    const community = await resolveCommunitySummary(client, input.arg('COMMUNITY'))
    const state = await client.call('governance.get', { communityId: community.id })
    const current = state.agreements
    const already = state.myAgreedVersion !== null && state.myAgreedVersion >= current.version
    if (!already) {
      await client.call('agreements.accept', { communityId: community.id, version: current.version })
    }
    if (input.json) printJson({ version: current.version, alreadyAgreed: already })
    else print(agreedLines(current, community.name, already).join('\n'))
  }
}

async function namesOf(client: RpcClient, communityId: string): Promise<(id: string) => string> {
  const members = await client.call('members.list', { communityId })
  const names = new Map(members.map((m) => [m.id, m.name]))
  return (id) => names.get(id) ?? 'someone who is not a member'
}

export const proposals: ClientCommand = {
  kind: 'client',
  name: 'proposals',
  usage: 'proposals COMMUNITY [PROPOSAL] [--all]',
  summary: 'list open proposals (--all: every one), or show one, with where the count stands',
  args: ['COMMUNITY'],
  optionalArgs: ['PROPOSAL'],
  options: ['all'],
  async run(input) {
    const { client } = input
    const wanted = input.optionalArg('PROPOSAL')
    if (wanted !== undefined && input.flags.all) {
      throw new UsageError('--all lists every proposal; leave it out to show one proposal')
    }
    const proposalId = wanted === undefined ? undefined : parseProposalId(wanted)
    const communityId = await resolveCommunity(client, input.arg('COMMUNITY'))
    const list =
      proposalId !== undefined
        ? [await client.call('proposals.get', { communityId, proposalId })]
        : await client.call(
            'proposals.list',
            input.flags.all ? { communityId } : { communityId, status: 'open' }
          )
    if (input.json) {
      printJson(proposalId !== undefined ? list[0] : list)
      return
    }
    if (list.length === 0) {
      const ref = typedRef(input.arg('COMMUNITY'))
      print(
        input.flags.all
          ? `No proposals yet. Propose a change with: mutual propose ${ref} --reason TEXT ...`
          : `No open proposals. See decided ones with: mutual proposals ${ref} --all`
      )
      return
    }
    const nameOf = await namesOf(client, communityId)
    print(list.map((p) => proposalLines(p, nameOf).join('\n')).join('\n\n'))
  }
}

/** Turns what was typed into the change to send: reads the file, finds the member. */
async function resolveChange(
  client: RpcClient,
  communityId: string,
  request: ChangeRequest,
  text: string | null,
  state: GovernanceState,
  ref: string
): Promise<Change> {
  switch (request.kind) {
    case 'agreements':
    case 'confidentiality': {
      const flag = `--${request.kind}-file`
      const words = text ?? ''
      const current = request.kind === 'agreements' ? state.agreements.text : state.agreements.confidentiality
      if (words === current.replace(/\r\n?/g, '\n').trimEnd()) {
        throw new UsageError(`${flag}: that is the ${request.kind} text the community has now`)
      }
      return { kind: request.kind, text: words }
    }
    case 'settings': {
      const keys = Object.keys(request.settings) as (keyof Settings)[]
      if (keys.every((key) => state.settings[key] === request.settings[key])) {
        const now = keys.map((key) => `${cliSettingKey(key)}=${String(state.settings[key])}`).join(', ')
        throw new UsageError(`--set: nothing would change; the community already has ${now}`)
      }
      return { kind: 'settings', settings: request.settings }
    }
    case 'removal': {
      const member = await resolveMember(client, communityId, request.member, '--remove')
      if (member.isMe) throw new UsageError(`--remove: to step away yourself, run: mutual leave ${ref}`)
      if (member.left) throw new UsageError(`--remove: ${member.name} is no longer a member`)
      return { kind: 'removal', member: member.id }
    }
    case 'review':
      return { kind: 'review', postId: request.postId }
    case 'refound':
      return { kind: 'refound' }
    case 'version':
      if (state.version >= OP_VERSION)
        throw new UsageError(
          `--upgrade: the community already runs at version ${state.version}, the newest this Mutual knows`
        )
      return { kind: 'version', version: OP_VERSION }
  }
}

/** The text a --agreements-file or --confidentiality-file names, read before anything is sent. */
function textOf(request: ChangeRequest): string | null {
  return request.kind === 'agreements' || request.kind === 'confidentiality'
    ? readTextFile(`--${request.kind}-file`, request.file)
    : null
}

async function countNote(
  client: RpcClient,
  communityId: string,
  proposalId: string,
  ref: string
): Promise<void> {
  const p = await client.call('proposals.get', { communityId, proposalId })
  note(
    `${p.consents} of ${p.required} consents so far (yours included); it is adopted once ${p.required} members consent and nobody objects. ` +
      `Others respond with: mutual respond ${ref} ${p.id} consent|concern|object`
  )
}

/** The change, reason and community a propose or revise command names, checked before anything is sent. */
async function changeFrom(
  input: CommandInput & { client: RpcClient },
  verb: 'propose' | 'revise',
  usage: string
) {
  const { client } = input
  const request = changeRequestFrom(input.flags, verb)
  const reason = requireReason(input.flags, usage)
  const text = textOf(request)
  const communityId = await resolveCommunity(client, input.arg('COMMUNITY'))
  const ref = typedRef(input.arg('COMMUNITY'))
  const state = await requireAgreed(client, communityId, ref)
  const change = await resolveChange(client, communityId, request, text, state, ref)
  return { client, communityId, ref, change, reason }
}

export const propose: ClientCommand = {
  kind: 'client',
  name: 'propose',
  usage: `propose COMMUNITY --reason TEXT ${CHANGE_USAGE}`,
  summary: 'propose a change for the community to decide by consent; prints the proposal id',
  details: CHANGE_DETAILS,
  args: ['COMMUNITY'],
  options: ['reason', ...CHANGE_FLAGS],
  async run(input) {
    const { client, communityId, ref, change, reason } = await changeFrom(input, 'propose', this.usage)
    const result = await client.call('proposals.create', { communityId, change, reason })
    if (input.json) printJson(result)
    else print(result.id)
    await countNote(client, communityId, result.id, ref)
  }
}

export const revise: ClientCommand = {
  kind: 'client',
  name: 'revise',
  usage: `revise COMMUNITY PROPOSAL --reason TEXT ${CHANGE_USAGE}`,
  summary: 'revise your own open proposal; everyone responds afresh to the new words',
  details: `${CHANGE_DETAILS}\n\nA revision replaces the whole change, and changes the same kind of thing as the proposal.`,
  args: ['COMMUNITY', 'PROPOSAL'],
  options: ['reason', 'agreements-file', 'confidentiality-file', 'set', 'remove', 'review'],
  async run(input) {
    const proposalId = parseProposalId(input.arg('PROPOSAL'))
    const { client, communityId, ref, change, reason } = await changeFrom(input, 'revise', this.usage)
    const result = await client.call('proposals.revise', { communityId, proposalId, change, reason })
    if (input.json) printJson(result)
    else print(result.id)
    note('Revised: earlier responses were to the old words, so everyone responds again.')
    await countNote(client, communityId, result.id, ref)
  }
}

export const withdrawProposal: ClientCommand = {
  kind: 'client',
  name: 'withdraw-proposal',
  usage: 'withdraw-proposal COMMUNITY PROPOSAL',
  summary: 'withdraw your own open proposal',
  args: ['COMMUNITY', 'PROPOSAL'],
  options: [],
  async run(input) {
    const proposalId = parseProposalId(input.arg('PROPOSAL'))
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const result = await input.client.call('proposals.withdraw', { communityId, proposalId })
    if (input.json) printJson(result)
    else print(`Withdrew proposal ${proposalId}.`)
  }
}

export const respond: ClientCommand = {
  kind: 'client',
  name: 'respond',
  usage:
    'respond COMMUNITY PROPOSAL consent|concern|object [--note TEXT]  |  respond COMMUNITY PROPOSAL --withdraw',
  summary: 'consent, consent with a concern, or object to a proposal',
  details:
    'A concern is consent with a note the others should hear; an objection blocks the proposal and needs a reason.\nBoth need --note.',
  args: ['COMMUNITY', 'PROPOSAL'],
  optionalArgs: ['RESPONSE'],
  options: ['note', 'withdraw'],
  async run(input) {
    const { client } = input
    const proposalId = parseProposalId(input.arg('PROPOSAL'))
    const given = input.optionalArg('RESPONSE')
    const withdraw = input.flags.withdraw === true
    if (withdraw && given !== undefined) {
      throw new UsageError('give either a response (consent, concern or object) or --withdraw, not both')
    }
    if (!withdraw && given === undefined) {
      throw new UsageError(
        `respond needs consent, concern or object, or --withdraw (usage: mutual ${this.usage})`
      )
    }
    if (withdraw && input.flags.note !== undefined)
      throw new UsageError('--note goes with a response, not with --withdraw')
    const stance = given === undefined ? null : parseChoice('the response', given, STANCES)
    const text = input.flags.note?.trim() ?? ''
    if (stance !== null && stance !== 'consent' && text === '') {
      throw new UsageError(
        stance === 'object'
          ? '--note is required with object: say why you object'
          : '--note is required with concern: say what the others should hear'
      )
    }
    if (text.length > LIMITS.reason) {
      throw new UsageError(`--note is at most ${LIMITS.reason} characters (got ${text.length})`)
    }
    const communityId = await resolveCommunity(client, input.arg('COMMUNITY'))
    const ref = typedRef(input.arg('COMMUNITY'))
    await requireAgreed(client, communityId, ref)
    if (stance === null) await client.call('proposals.withdrawResponse', { communityId, proposalId })
    else {
      await client.call('proposals.respond', {
        communityId,
        proposalId,
        stance,
        ...(text === '' ? {} : { note: text })
      })
    }
    const p = await client.call('proposals.get', { communityId, proposalId })
    if (input.json) {
      printJson(p)
      return
    }
    const done = stance === null ? 'You took back your response.' : `You responded: ${stance}.`
    const where =
      p.status === 'adopted'
        ? `Proposal ${p.id} is adopted.`
        : `Proposal ${p.id} is ${p.status}: ${p.consents} of ${p.required} consents, ${p.objections === 0 ? 'no objections' : `${p.objections} objecting`}.`
    print(`${done} ${where}`)
  }
}
