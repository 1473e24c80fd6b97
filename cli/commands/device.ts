// This device's own protection: the passphrase lock and wiping the profile.
import type { Protection } from '../../core/domain/passphrase.js'
import { CliError, UsageError } from '../failure.js'
import { print, printJson } from '../output.js'
import { passphraseSource } from '../passphrase.js'
import type { ClientCommand } from './spec.js'

const PROTECTION: Record<Protection, string> = {
  passphrase:
    "This profile has a passphrase: without it, nothing in this profile's folder can be read, not even the names of your communities.",
  keychain:
    "This profile is sealed by the Mutual app's keychain: other user accounts cannot read it, but anyone using yours can. Set a passphrase with: mutual lock --set",
  none: 'This profile has no passphrase: anyone who can open its folder can read it. Set one with: mutual lock --set'
}

export const lock: ClientCommand = {
  kind: 'client',
  name: 'lock',
  usage: 'lock [--set | --remove] [--passphrase-fd N]',
  summary: "say how this device's profile is protected, or set, change or remove its passphrase",
  details:
    'Passphrases are typed at the terminal and never echoed. A script can give them on a file descriptor,\n' +
    'one a line: the current passphrase first when there is one, then the new one.\n' +
    'There is no way back into a profile whose passphrase is forgotten.',
  args: [],
  options: ['set-passphrase', 'remove-passphrase', 'passphrase-fd'],
  async run(input) {
    const set = input.flags['set-passphrase'] === true
    const remove = input.flags['remove-passphrase'] === true
    if (set && remove)
      throw new UsageError(`lock takes --set or --remove, not both (usage: mutual ${this.usage})`)
    const { client } = input
    let { protection } = await client.call('lock.status', {})
    if (set || remove) {
      const source = passphraseSource(input.flags['passphrase-fd'])
      const current = protection === 'passphrase' ? await source.next('Current passphrase: ') : undefined
      if (remove) {
        if (current === undefined) throw new CliError('this profile has no passphrase to remove')
        ;({ protection } = await client.call('lock.remove', { current }))
      } else {
        const passphrase = await source.next('New passphrase: ')
        if (source.interactive && (await source.next('The same again: ')) !== passphrase)
          throw new CliError('the two passphrases differ; nothing was changed')
        ;({ protection } = await client.call('lock.set', { passphrase, current }))
      }
    }
    if (input.json) return printJson({ protection })
    if (set) print('Passphrase set. Mutual asks for it each time it starts on this device.')
    else if (remove) print('Passphrase removed.')
    print(PROTECTION[protection])
  }
}

export const wipe: ClientCommand = {
  kind: 'client',
  name: 'wipe',
  usage: 'wipe --yes',
  summary: "remove this device's whole profile: every community, conversation and the support plan",
  details:
    'The daemon stops afterwards. Wiping cannot reach what other members already hold: posts and\n' +
    'messages you sent stay on their devices, as anything shared does.',
  args: [],
  options: ['yes'],
  async run(input) {
    if (input.flags.yes !== true)
      throw new UsageError(
        "wipe removes this device's whole profile and cannot be undone; run it again with --yes to go ahead"
      )
    await input.client.call('profile.wipe', { confirm: 'wipe this device' })
    if (input.json) return printJson({ wiped: true })
    print(
      "Wiped: this device's profile is gone, with every community, conversation and your support plan on it.\n" +
        'What other members already hold stays with them: the posts and messages you shared, and anything they kept.'
    )
  }
}
