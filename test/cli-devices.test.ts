// Black-box test of my devices from the command line: three daemons on a
// loopback testnet, driven only through the `mutual` command. One links
// another with a code, gets a recovery phrase, and a third comes back from it.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CliHarness, buildCli, expectOneLineError } from './cli-harness.js'
import type { Running } from './cli-harness.js'
import type { DeviceInfo } from '../core/domain/types.js'

// Its own bundle, so it can run beside the other CLI specs, which rebuild theirs.
const cli = new CliHarness(buildCli('dist/test-cli-devices/cli.js'))
const { scratch, ok, json, mutual } = cli
const ash = path.join(scratch, 'ash')
const laptop = path.join(scratch, 'laptop')
const fresh = path.join(scratch, 'fresh')

beforeAll(async () => {
  const testnet = cli.start(['testnet'])
  cli.bootstrap = await testnet.waitForLine(/^127\.0\.0\.1:\d+$/)
  const daemons: Running[] = [ash, laptop, fresh].map((s) => cli.startDaemon(s))
  await Promise.all(daemons.map((d) => d.waitForLine(/ready/)))
  await ok('create', 'Night owls', '--as', 'Ash', '--storage', ash)
})
afterAll(() => cli.cleanUp())

describe('cli: my devices', () => {
  it('links a second device with a one-time code, lists both, and names a wrong code for what it is', async () => {
    const offer = cli.start(['link-device', '--yes', '--storage', ash])
    const code = await offer.waitForLine(/^[a-z0-9]{40,}$/)
    const linked = await ok('link', '--code', code, '--as', 'laptop', '--storage', laptop)
    expect(linked).toMatch(/^Linked\. This device writes as you in 1 community:\n {2}[a-z0-9]{52}$/)
    const ended = await offer.exited
    expect(ended.code, ended.stderr).toBe(0)
    expect(ended.stdout).toMatch(/Linked: the other device now writes as you in 1 of your communities\./)

    const list = await json<DeviceInfo[]>('devices', '--storage', laptop)
    expect(list.map((d) => [d.name, d.thisDevice])).toEqual([
      ['laptop', true],
      ['first device', false]
    ])
    // A used code, and a community invite where a code goes, get one clear line each.
    expectOneLineError(
      await mutual('link', '--code', 'not-a-code', '--as', 'x', '--storage', fresh),
      1,
      /^mutual: that link code isn't complete or has a typo/
    )
  })

  it('gives a recovery phrase once, and a fresh device comes back with it and the backup, then revokes the laptop', async () => {
    const backup = path.join(scratch, 'backup.txt')
    const phrase = await ok('recovery-phrase', '--backup', backup, '--storage', ash)
    expect(phrase.split(' ')).toHaveLength(24)
    const phraseFile = path.join(scratch, 'phrase.txt')
    writeFileSync(phraseFile, `${phrase}\n`)
    const restored = cli.start([
      'restore',
      '--as',
      'new laptop',
      '--phrase-fd',
      '0',
      '--backup',
      backup,
      '--storage',
      fresh
    ])
    restored.child.stdin.end(`${phrase}\n`)
    const outcome = await restored.exited
    expect(outcome.code, outcome.stderr).toBe(0)
    expect(outcome.stdout).toMatch(/^Restored\. You are back in 1 community:/)

    const lost = (await json<DeviceInfo[]>('devices', '--storage', fresh)).find((d) => d.name === 'laptop')
    if (!lost) throw new Error('the laptop is not listed on the restored device')
    expect(await ok('revoke-device', lost.id, '--storage', fresh)).toMatch(
      /^Revoked: that device can no longer write as you/
    )
  })
})
