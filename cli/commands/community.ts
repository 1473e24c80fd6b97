// Communities on this device: create, join, list, leave, members, sync status.
import { randomUUID } from 'node:crypto'
import type { RpcClient } from '../../core/rpc/client.js'
import type { JoinStage } from '../../core/domain/types.js'
import { communityLine, memberLine, statusLines } from '../format.js'
import { exitWith, note, print, printJson } from '../output.js'
import { TEMPLATE_AGREEMENTS, TEMPLATE_CONFIDENTIALITY } from '../../core/domain/governance.js'
import { readTextFile } from '../change.js'
import { communityRef, resolveCommunity } from './resolve.js'
import { requireFlag } from './spec.js'
import type { ClientCommand } from './spec.js'
import { askCommunity } from './ask.js'

export const create: ClientCommand = {
  kind: 'client',
  name: 'create',
  usage: 'create NAME --as DISPLAYNAME [--agreements-file PATH] [--confidentiality-file PATH]',
  summary: 'start a new community; prints its id',
  details:
    'A community starts from agreements and a confidentiality section that every newcomer reads and accepts.\nWithout the files, it starts from the template (see it afterwards with: mutual agreements NAME).',
  args: ['NAME'],
  options: ['as', 'agreements-file', 'confidentiality-file'],
  async run(input) {
    const displayName = requireFlag(input, 'as', this.usage)
    const agreementsFile = input.flags['agreements-file']
    const confidentialityFile = input.flags['confidentiality-file']
    const agreements =
      agreementsFile === undefined && confidentialityFile === undefined
        ? undefined
        : {
            text:
              agreementsFile === undefined
                ? TEMPLATE_AGREEMENTS
                : readTextFile('--agreements-file', agreementsFile),
            confidentiality:
              confidentialityFile === undefined
                ? TEMPLATE_CONFIDENTIALITY
                : readTextFile('--confidentiality-file', confidentialityFile)
          }
    const result = await input.client.call('communities.create', {
      name: input.arg('NAME'),
      displayName,
      agreements
    })
    if (input.json) printJson(result)
    else print(result.id)
  }
}

export const communities: ClientCommand = {
  kind: 'client',
  name: 'communities',
  usage: 'communities',
  summary: 'list the communities on this device',
  args: [],
  options: [],
  async run(input) {
    const list = await input.client.call('communities.list', {})
    if (input.json) printJson(list)
    else if (list.length === 0)
      print('No communities yet. Start one with: mutual create NAME --as DISPLAYNAME')
    else for (const c of list) print(communityLine(c))
  }
}

const STAGE_TEXT: Record<JoinStage, string | null> = {
  'looking-for-member': 'Looking for a member who can let you in…',
  'no-member-online': 'No member is online right now. Still waiting for one to let you in…',
  'no-network':
    "Can't reach the network (no DHT node answered), so no member can be found. Check your connection or --bootstrap; still trying…",
  syncing: 'A member let you in. Copying the community to this device…',
  done: null
}
/** How long Ctrl-C waits for the daemon to confirm the join was cancelled. */
const CANCEL_WAIT_MS = 3000

export const join: ClientCommand = {
  kind: 'client',
  name: 'join',
  usage: 'join INVITE --as DISPLAYNAME',
  summary: 'join with an invite; waits until a member lets you in, then prints the community id',
  args: ['INVITE'],
  options: ['as'],
  async run(input) {
    const displayName = requireFlag(input, 'as', this.usage)
    const { client } = input
    const joinId = randomUUID()
    let lastStage: JoinStage | null = null
    const stopListening = client.onEvent((event) => {
      if (event.type !== 'join-progress' || event.progress.joinId !== joinId) return
      if (event.progress.stage === lastStage) return
      lastStage = event.progress.stage
      const text = STAGE_TEXT[lastStage]
      if (text) note(text)
    })
    // Joining can wait a long time for a member to come online; Ctrl-C should
    // withdraw the request in the daemon, not leave it pending there.
    const onInterrupt = (): void => void cancelJoin(client, joinId)
    process.once('SIGINT', onInterrupt)
    try {
      const result = await client.call('communities.join', {
        invite: input.arg('INVITE'),
        displayName,
        joinId
      })
      if (input.json) printJson(result)
      else print(result.id)
      const ref = await communityRef(client, result.id).catch(() => result.id)
      if (result.nameTaken)
        note(
          `You are in, but another member here is already called ${displayName}. Choose your name with: mutual profile ${ref} NAME`
        )
      note(
        `Before your first post, read the community agreements with: mutual agreements ${ref}\n` +
          `and, if you agree, say so with: mutual agree ${ref}`
      )
    } finally {
      process.off('SIGINT', onInterrupt)
      stopListening()
    }
  }
}

async function cancelJoin(client: RpcClient, joinId: string): Promise<void> {
  note('Cancelling the join…')
  const timeout = new Promise((resolve) => setTimeout(resolve, CANCEL_WAIT_MS).unref())
  await Promise.race([client.call('communities.cancelJoin', { joinId }).catch(() => undefined), timeout])
  note('mutual: join cancelled')
  await exitWith(1)
}

export const leave = askCommunity({
  name: 'leave',
  usage: 'leave COMMUNITY',
  summary: 'leave a community and remove it from this device',
  method: 'communities.leave',
  say: () => 'You have left the community.'
})

export const profile: ClientCommand = {
  kind: 'client',
  name: 'profile',
  usage: 'profile COMMUNITY NAME',
  summary: 'choose the name other members see; a name another member holds is refused',
  args: ['COMMUNITY', 'NAME'],
  options: [],
  async run(input) {
    const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
    const displayName = input.arg('NAME')
    const result = await input.client.call('profile.set', { communityId, displayName })
    if (input.json) printJson(result)
    else print(`Other members now see you as ${displayName.trim()}.`)
  }
}

export const members = askCommunity({
  name: 'members',
  usage: 'members COMMUNITY',
  summary: 'list the members of a community, who is around now, and who is open to listen',
  method: 'members.list',
  say: (list) => list.map((m) => memberLine(m))
})

export const status: ClientCommand = {
  kind: 'client',
  name: 'status',
  usage: 'status [COMMUNITY]',
  summary: 'show peers and sync state for each community',
  args: [],
  optionalArgs: ['COMMUNITY'],
  options: [],
  async run(input) {
    const named = input.optionalArg('COMMUNITY')
    const communityId = named === undefined ? undefined : await resolveCommunity(input.client, named)
    const list = await input.client.call('sync.status', communityId === undefined ? {} : { communityId })
    if (input.json) printJson(list)
    else if (list.length === 0) print('No communities yet.')
    else print(list.map((s) => statusLines(s).join('\n')).join('\n\n'))
  }
}
