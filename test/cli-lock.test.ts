// Black-box test of the lock and wipe from the command line: one daemon on a
// loopback testnet, driven only through the `mutual` command, as a person or a
// script would. Passphrases go in on a file descriptor, never as arguments.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CliHarness, STACK_LINE, buildCli, expectOneLineError } from './cli-harness.js'
import type { Outcome, Running } from './cli-harness.js'

// Its own bundle, so it can run beside test/cli.test.ts, which rebuilds dist/cli.js.
const cli = new CliHarness(buildCli('dist/test-cli-lock/cli.js'))
const { scratch, ok, mutual } = cli
const storage = path.join(scratch, 'ash')
const PASSPHRASE = 'the kettle is always on'

/** Starts `mutual ARGS` with `lines` on its standard input, for --passphrase-fd 0. */
function withInput(args: string[], lines: string[]): Running {
  const running = cli.start(args)
  running.child.stdin.end(lines.map((l) => `${l}\n`).join(''))
  return running
}
const daemonWith = (lines: string[]): Running =>
  withInput(['daemon', '--storage', storage, '--offline', '--passphrase-fd', '0'], lines)
const finished = (r: Running): Promise<Outcome> => r.exited

let daemon: Running

beforeAll(async () => {
  const testnet = cli.start(['testnet'])
  cli.bootstrap = await testnet.waitForLine(/^127\.0\.0\.1:\d+$/)
  daemon = cli.startDaemon(storage, '--offline')
  await daemon.waitForLine(/ready/)
  await ok('create', 'Night owls', '--as', 'Ash', '--storage', storage)
})
afterAll(() => cli.cleanUp())

describe('cli: lock and wipe', () => {
  it('sets a passphrase from a file descriptor, and says plainly how the profile is protected', async () => {
    expect(await ok('lock', '--storage', storage)).toMatch(
      /^This profile has no passphrase: anyone who can open/
    )
    const set = await finished(
      withInput(['lock', '--set', '--passphrase-fd', '0', '--storage', storage], [PASSPHRASE])
    )
    expect(set.code, set.stderr).toBe(0)
    expect(set.stdout).toMatch(/^Passphrase set\. Mutual asks for it each time it starts on this device\.\n/)
    expect(await ok('lock', '--json', '--storage', storage)).toBe('{\n  "protection": "passphrase"\n}')
    // Changing it needs the current one first.
    const wrong = await finished(
      withInput(
        ['lock', '--set', '--passphrase-fd', '0', '--storage', storage],
        ['not the one', 'another one here']
      )
    )
    expectOneLineError(wrong, 1, /^mutual: that is not the current passphrase$/)
    daemon.child.kill('SIGTERM')
    expect((await daemon.exited).code).toBe(0)
  })

  it('a locked profile: the daemon will not start without the passphrase, refuses a wrong one in one line, and serves with the right one', async () => {
    const noTerminal = await finished(cli.startDaemon(storage, '--offline'))
    expectOneLineError(
      noTerminal,
      2,
      /^mutual: a passphrase is needed and there is no terminal to ask; give it with --passphrase-fd N$/
    )
    const wrong = await finished(daemonWith(['the kettle is never on']))
    expectOneLineError(wrong, 1, /^mutual: that passphrase does not open this profile$/)
    expect(wrong.stderr).not.toMatch(STACK_LINE)

    daemon = daemonWith([PASSPHRASE])
    await daemon.waitForLine(/ready/)
    expect(await ok('communities', '--storage', storage)).toContain('Night owls')
  })

  it('wipes only with --yes, says what it cannot reach, and leaves the profile folder empty', async () => {
    expectOneLineError(await mutual('wipe', '--storage', storage), 2, /run it again with --yes/)
    const wiped = await ok('wipe', '--yes', '--storage', storage)
    expect(wiped).toContain("this device's profile is gone")
    expect(wiped).toContain('What other members already hold stays with them')
    const stopped = await daemon.exited
    expect(stopped.code, stopped.stderr).toBe(0)
    expect(stopped.stderr).toContain("this device's profile was wiped; stopping")
    expect(readdirSync(storage)).toEqual([])
  })
})
