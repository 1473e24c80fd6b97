// My devices: listing, linking another device as the same member, revoking
// a lost one, and the recovery phrase that brings me back on a new device.
import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { createInterface } from 'node:readline/promises'
import type { DeviceInfo, LinkResult, LinkStage } from '../../core/domain/types.js'
import type { RpcClient } from '../../core/rpc/client.js'
import { CliError, UsageError } from '../failure.js'
import { note, print, printJson } from '../output.js'
import { passphraseSource } from '../passphrase.js'
import { requireFlag } from './spec.js'
import type { ClientCommand } from './spec.js'

const LINK_TEXT: Record<LinkStage, string> = {
  looking: 'Looking for your other device…',
  'waiting-for-confirm': 'Found it. Say yes on your other device to link this one…',
  copying: 'Linked. Copying your communities to this device…'
}
const RESTORE_TEXT: Record<LinkStage, string> = {
  looking: 'Looking for a member of your communities who is online…',
  'waiting-for-confirm': 'Found a member…',
  copying: 'A member answered. Copying your communities to this device…'
}

function describe(d: DeviceInfo): string {
  const name = d.name ?? 'a device never named'
  const where = d.revoked
    ? 'revoked'
    : `${d.communities} ${d.communities === 1 ? 'community' : 'communities'}`
  return `${d.thisDevice ? '*' : ' '} ${name}  (${where})  ${d.id}`
}

export const devices: ClientCommand = {
  kind: 'client',
  name: 'devices',
  usage: 'devices',
  summary: 'list your devices: this one (*), those linked to it, and revoked ones',
  details:
    'Members of your communities see how many devices you write from and their names.\n' +
    'Rename one with: mutual rename-device ID NAME. Revoke a lost one with: mutual revoke-device ID',
  args: [],
  options: [],
  async run(input) {
    const list = await input.client.call('devices.list', {})
    if (input.json) return printJson(list)
    for (const d of list) print(describe(d))
  }
}

export const renameDevice: ClientCommand = {
  kind: 'client',
  name: 'rename-device',
  usage: 'rename-device ID NAME',
  summary: 'rename one of your devices (members of your communities see the name)',
  args: ['ID', 'NAME'],
  options: [],
  async run(input) {
    await input.client.call('devices.rename', { id: input.arg('ID'), name: input.arg('NAME') })
    if (input.json) return printJson({ ok: true })
    print('Renamed.')
  }
}

export const revokeDevice: ClientCommand = {
  kind: 'client',
  name: 'revoke-device',
  usage: 'revoke-device ID',
  summary: 'stop a lost device writing as you, in every community; its peers stop syncing with it',
  details:
    'Revoking cannot erase what that device already holds: someone who has it can still read\n' +
    'what was on it up to now. Nothing new reaches it. If it is also unlocked, wipe it if you can.',
  args: ['ID'],
  options: [],
  async run(input) {
    await input.client.call('devices.revoke', { id: input.arg('ID') })
    if (input.json) return printJson({ ok: true })
    print(
      'Revoked: that device can no longer write as you, and your communities stop syncing with it.\n' +
        'What it already held stays on it.'
    )
  }
}

/** Asks a yes-or-no question at the terminal; no terminal means no. */
async function askYes(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim())
  } finally {
    rl.close()
  }
}

export const linkDevice: ClientCommand = {
  kind: 'client',
  name: 'link-device',
  usage: 'link-device [--yes]',
  summary: 'show a one-time code to link another device of yours, then confirm it when it asks',
  details:
    'On the other device run: mutual link --code CODE --as NAME (or use "Link to my other device" in the app).\n' +
    'The code works once, for ten minutes. --yes links whichever device asks first without asking you:\n' +
    'use it only where nobody else can see the code.',
  args: [],
  options: ['yes'],
  async run(input) {
    const { client } = input
    const offer = await client.call('devices.offerLink', {})
    let onEvent: ((linked: number | null, message: string | null) => void) | null = null
    const ended = new Promise<{ linked: number | null; message: string | null }>((resolve) => {
      onEvent = (linked, message) => resolve({ linked, message })
    })
    const stop = client.onEvent((event) => {
      if (event.type === 'link-ended' && event.offerId === offer.offerId)
        onEvent?.(event.linked, event.message)
      if (event.type !== 'link-request' || event.offerId !== offer.offerId) return
      void (async () => {
        const accept =
          input.flags.yes === true ||
          (await askYes(`A device called “${event.deviceName}” asks to be linked as you. Is it yours?`))
        await client.call('devices.answerLink', { offerId: offer.offerId, accept }).catch(() => undefined)
      })()
    })
    const onInterrupt = (): void => void client.call('devices.cancelOffer', { offerId: offer.offerId })
    process.once('SIGINT', onInterrupt)
    try {
      if (input.json) printJson({ code: offer.code, expiresAt: offer.expiresAt })
      else {
        print(offer.code)
        note(
          `On your other device: mutual link --code ${offer.code} --as NAME\nWaiting for it to ask (ten minutes)…`
        )
      }
      const result = await ended
      if (result.linked === null) throw new CliError(result.message ?? 'linking did not finish')
      if (!input.json)
        print(`Linked: the other device now writes as you in ${result.linked} of your communities.`)
    } finally {
      process.off('SIGINT', onInterrupt)
      stop()
    }
  }
}

function reportLink(result: LinkResult, what: string): void {
  print(
    `${what} ${result.communities.length} ${result.communities.length === 1 ? 'community' : 'communities'}:`
  )
  for (const id of result.communities) print(`  ${id}`)
  for (const n of result.notShared)
    note(
      n.reason === 'older-version'
        ? `Not shared: ${n.name} has not moved to the version of Mutual that links devices; anyone there can propose it.`
        : `Not shared: ${n.name}, where your other device cannot write right now.`
    )
}

/** Follows a link or restore's progress on stderr; returns a stop function. */
function followProgress(client: RpcClient, linkId: string, text: Record<LinkStage, string>): () => void {
  let last: LinkStage | null = null
  return client.onEvent((event) => {
    if (event.type !== 'link-progress' || event.linkId !== linkId || event.stage === last) return
    last = event.stage
    note(text[event.stage])
  })
}

const newLinkId = () => randomBytes(8).toString('hex')

export const link: ClientCommand = {
  kind: 'client',
  name: 'link',
  usage: 'link --code CODE --as DEVICENAME',
  summary: 'link this device to your other one, as the same member, with the code it shows',
  details:
    'Get the code on your other device with: mutual link-device (or This device → Link a device in the app).',
  args: [],
  options: ['code', 'as'],
  async run(input) {
    const name = requireFlag(input, 'as', this.usage)
    const code = input.flags.code
    if (!code) throw new UsageError(`--code is required (usage: mutual ${this.usage})`)
    const linkId = newLinkId()
    const stop = followProgress(input.client, linkId, LINK_TEXT)
    const onInterrupt = (): void => void input.client.call('devices.cancelLink', { linkId })
    process.once('SIGINT', onInterrupt)
    try {
      const result = await input.client.call('devices.link', { code, name, linkId })
      if (input.json) return printJson(result)
      reportLink(result, 'Linked. This device writes as you in')
    } finally {
      process.off('SIGINT', onInterrupt)
      stop()
    }
  }
}

export const recoveryPhrase: ClientCommand = {
  kind: 'client',
  name: 'recovery-phrase',
  usage: 'recovery-phrase [--backup FILE]',
  summary: 'get a new 24-word recovery phrase (shown once); it replaces any earlier one',
  details:
    'The phrase brings back your membership and identity on a new device, and the history through any\n' +
    'member online. Your private conversations and support plan come back only from the backup file:\n' +
    '--backup FILE writes them there, sealed with the phrase. Keep the phrase somewhere safe and offline.',
  args: [],
  options: ['backup'],
  async run(input) {
    const file = input.flags.backup
    const result = await input.client.call('devices.recoveryPhrase', { backup: file !== undefined })
    if (file !== undefined && result.backup !== null)
      await writeFile(file, `${result.backup}\n`, { mode: 0o600 })
    if (input.json)
      return printJson({ phrase: result.phrase, registered: result.registered, backup: file ?? null })
    print(result.phrase)
    note(
      `Write these 24 words down and keep them somewhere safe. Mutual will not show them again.\n` +
        `They are recorded in ${result.registered} of your communities.` +
        (file !== undefined ? `\nYour conversations and plan are sealed with them in ${file}.` : '')
    )
    for (const n of result.notRegistered)
      note(
        n.reason === 'older-version'
          ? `Not in ${n.name}: it has not moved to the version of Mutual that holds recovery phrases.`
          : `Not in ${n.name}: you cannot write there right now.`
      )
  }
}

export const restore: ClientCommand = {
  kind: 'client',
  name: 'restore',
  usage: 'restore --as DEVICENAME [--backup FILE] [--phrase-fd N]',
  summary: 'bring your membership back on this device with your recovery phrase',
  details:
    'The phrase is typed at the terminal (not echoed) or read from a file descriptor. A member of each\n' +
    'community must be online. Private conversations and the support plan come back only with --backup.',
  args: [],
  options: ['as', 'backup', 'phrase-fd'],
  async run(input) {
    const name = requireFlag(input, 'as', this.usage)
    const phrase = await passphraseSource(input.flags['phrase-fd']).next('Recovery phrase (24 words): ')
    const file = input.flags.backup
    const backup =
      file === undefined
        ? undefined
        : await readFile(file, 'utf8').catch(() => {
            throw new CliError(`could not read the backup file ${file}`)
          })
    const linkId = newLinkId()
    const stop = followProgress(input.client, linkId, RESTORE_TEXT)
    const onInterrupt = (): void => void input.client.call('devices.cancelLink', { linkId })
    process.once('SIGINT', onInterrupt)
    try {
      const result = await input.client.call('devices.restore', {
        phrase,
        name,
        linkId,
        ...(backup === undefined ? {} : { backup })
      })
      if (input.json) return printJson(result)
      reportLink(result, 'Restored. You are back in')
      if (backup === undefined)
        note('Your private conversations and support plan were not restored: that needs the backup file.')
      else
        note(
          `From the backup: your private conversations in ${result.conversations} ${result.conversations === 1 ? 'community' : 'communities'}` +
            (result.plan ? ', and your support plan.' : '.')
        )
    } finally {
      process.off('SIGINT', onInterrupt)
      stop()
    }
  }
}
