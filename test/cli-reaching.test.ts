// Black-box test of reaching out from the command line: availability and
// presence, reach-outs, private conversations, check on me, the support plan,
// check-ins and resources. Two daemons on a loopback testnet, driven only
// through the `mutual` command; nothing reaches the public DHT.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CliHarness, STACK_LINE, buildCli, eventually, expectOneLineError } from './cli-harness.js'

const REACH_ID = /[0-9a-f]{16}/
const NOT_A_SERVICE = 'Mutual is people like you, not a crisis service'

// Its own bundle, so it can run beside test/cli.test.ts, which rebuilds dist/cli.js.
const cli = new CliHarness(buildCli('dist/test-cli-reaching/cli.js'))
const { scratch, mutual, ok, json } = cli
const ana = ['Owls', '--storage', path.join(scratch, 'ana')] as const
const ben = ['Owls', '--storage', path.join(scratch, 'ben')] as const
/** Runs a command as Ana or Ben in the community "Owls": as(ana, 'say', 'Ben', 'hi'). */
const as = (who: typeof ana, command: string, ...rest: string[]) =>
  ok(command, who[0], ...rest, ...who.slice(1))
const tryAs = (who: typeof ana, command: string, ...rest: string[]) =>
  mutual(command, who[0], ...rest, ...who.slice(1))
/** Waits until Ana's or Ben's output of a command satisfies `test`. */
const until = (who: typeof ana, command: string[], test: (out: string) => boolean) =>
  eventually(`${command.join(' ')} to change`, async () => {
    const out = await as(who, command[0] ?? '', ...command.slice(1))
    return test(out) ? out : undefined
  })

beforeAll(async () => {
  const testnet = cli.start(['testnet'])
  cli.bootstrap = await testnet.waitForLine(/^127\.0\.0\.1:\d+$/)
  const daemons = [ana, ben].map((who) => cli.startDaemon(who[2]))
  await Promise.all(daemons.map((d) => d.waitForLine(/ready/)))
  await ok('create', 'Owls', '--as', 'Ana', '--storage', ana[2])
  const { invite } = await json<{ invite: string }>('invite', ...ana)
  await ok('join', invite, '--as', 'Ben', '--storage', ben[2])
  await Promise.all([as(ana, 'agree'), as(ben, 'agree')])
})

afterAll(() => cli.cleanUp())

describe('cli: reaching out', () => {
  it('availability: a status with a note and a limit is shown back, and other members see it', async () => {
    expect(await as(ana, 'availability')).toMatch(/^You have not said whether you are available\./)
    expect(await as(ana, 'availability', 'open', '--note', 'evenings', '--limit', '2')).toBe(
      'You are open to listen: "evenings", up to 2 conversations at once. Every member can see this.'
    )
    const mine = await as(ana, 'availability')
    expect(mine).toContain('You are open to listen: "evenings", up to 2 conversations at once.')
    expect(mine).toContain('Presence is on')
    expect(mine).toContain('You have 0 open conversations; you are open to 2 at once.')
    const line = await until(ben, ['members'], (out) => out.includes('open to listen'))
    expect(line).toMatch(
      /^Ana \([a-z0-9]{4}\) {2}\(.*open to listen: "evenings", up to 2 conversations at once\) {2}[0-9a-f]{64}$/m
    )
    expect(await as(ben, 'availability', 'resting', '--note', 'back Monday')).toBe(
      'You are resting, not available now: "back Monday". Every member can see this.'
    )
    expect(await as(ben, 'availability', 'none')).toBe('You no longer say whether you are available.')
  })

  it('availability: refuses a limit without open, flags without a status, and unknown words, in one line', async () => {
    const [limitWithTalk, noteAlone, unknown, noneWithNote, bigLimit, badPresence] = await Promise.all([
      tryAs(ana, 'availability', 'talk', '--limit', '2'),
      tryAs(ana, 'availability', '--note', 'x'),
      tryAs(ana, 'availability', 'maybe'),
      tryAs(ana, 'availability', 'none', '--note', 'x'),
      tryAs(ana, 'availability', 'open', '--limit', '99'),
      tryAs(ana, 'presence', 'sometimes')
    ])
    expectOneLineError(limitWithTalk, 2, /^mutual: --limit goes with open/)
    expectOneLineError(
      noteAlone,
      2,
      /^mutual: --note and --limit go with a status, like: mutual availability Owls open/
    )
    expectOneLineError(
      unknown,
      2,
      /^mutual: the status must be one of open, talk, resting, none \(got "maybe"\)$/
    )
    expectOneLineError(noneWithNote, 2, /^mutual: none clears your status/)
    expectOneLineError(bigLimit, 2, /^mutual: --limit must be a whole number from 1 to 20/)
    expectOneLineError(badPresence, 2, /^mutual: presence must be one of on, off/)
  })

  it('presence: off stops members seeing me around, on shows me again, and neither touches the log', async () => {
    await until(ana, ['members'], (out) => /^Ben \([a-z0-9]{4}\) {2}\(around now\)/m.test(out))
    expect(await as(ben, 'presence', 'off')).toMatch(/^From now on, nobody sees whether you are around\./)
    await until(ana, ['members'], (out) => /^Ben \([a-z0-9]{4}\) {2}[0-9a-f]{64}$/m.test(out))
    expect(await as(ben, 'presence', 'on')).toMatch(/^Members connected to you can see you are around now\./)
    await until(ana, ['members'], (out) => /^Ben \([a-z0-9]{4}\) {2}\(around now\)/m.test(out))
    expect(await as(ana, 'log')).not.toMatch(/presence|around/i)
  })

  it('reach-out: the author hears honestly that nobody answered yet; "I\'m here" opens a conversation both read', async () => {
    const reached = await as(ben, 'reach-out', '--context', 'rough night')
    const reachId = REACH_ID.exec(reached)?.[0] ?? ''
    expect(reached).toMatch(/^You reached out \([0-9a-f]{16}\)\. 1 member has said they are open to listen/)
    expect(reached).toContain(`close it with: mutual close-reach-out Owls ${reachId}`)
    expect(reached).toContain(NOT_A_SERVICE)

    const waiting = await as(ben, 'reach-outs')
    expect(waiting).toContain(`${reachId}  You would like to talk: "rough night"`)
    expect(waiting).toContain('no one has answered yet')
    expect(waiting).toContain('No one has answered your reach-out yet.')
    expect(waiting).toContain('mutual resources Owls')
    expect(waiting).toContain(NOT_A_SERVICE)

    const seen = await until(ana, ['reach-outs'], (out) => out.includes(reachId))
    expect(seen).toContain(`${reachId}  Ben would like to talk: "rough night"`)
    expect(seen).toContain(`say "I'm here" with: mutual answer Owls ${reachId}`)
    expect(seen).not.toContain('No one has answered your reach-out')
    expect(await as(ana, 'answer', reachId)).toBe(
      `You said "I'm here" to Ben. Only the two of you can read your conversation.\nWrite with: mutual say Owls Ben TEXT`
    )
    expect(await as(ana, 'say', 'ben', 'I am with you.\nTake your time.')).toBe(
      'Sent to Ben. Only the two of you can read it.'
    )

    const answered = await until(ben, ['reach-outs'], (out) => out.includes('Ana said "I\'m here"'))
    expect(answered).not.toContain('No one has answered your reach-out yet.')
    const listed = await until(ben, ['conversations'], (out) => out.includes('Ana  (2 unread)'))
    expect(listed).toContain('I am with you. Take your time.')
    const shown = await as(ben, 'conversation', 'Ana')
    expect(shown).toMatch(/^Private conversation with Ana: only the two of you can read it\./)
    expect(shown).toMatch(
      / · Ana said "I'm here" to your reach-out\n.* · Ana: I am with you\.\n {4}Take your time\./
    )
    expect(shown).toContain('Write with: mutual say Owls Ana TEXT')
    // Reading it marks it read.
    expect(await as(ben, 'conversations')).toMatch(/^Ana · /)

    expect(await as(ben, 'close-reach-out', reachId)).toBe(
      `Closed your reach-out ${reachId}. Conversations it opened stay open.`
    )
    const [notMine, badId, ownAnswer] = await Promise.all([
      tryAs(ana, 'close-reach-out', reachId),
      tryAs(ana, 'answer', 'tomorrow'),
      tryAs(ben, 'answer', reachId)
    ])
    expectOneLineError(notMine, 2, /^mutual: only its author can close a reach-out$/)
    expectOneLineError(badId, 2, /^mutual: a reach-out id is 16 hex characters \(got "tomorrow"\)$/)
    expectOneLineError(ownAnswer, 2, /^mutual: this is your own reach-out$/)
  })

  it('reach-out --to: goes privately to the chosen member and stays out of the community list', async () => {
    const sent = await as(ben, 'reach-out', '--to', 'ana', '--context', 'just to you')
    expect(sent).toMatch(/^You reached out privately to Ana: only they can see it\./)
    expect(sent).toContain(NOT_A_SERVICE)
    await until(ana, ['conversation', 'Ben'], (out) =>
      out.includes('Ben reached out to you privately: "just to you"')
    )
    expect(await as(ana, 'reach-outs')).not.toContain('just to you')
  })

  it('check-on-me: asks the chosen members privately and says nothing is escalated', async () => {
    expect(await as(ben, 'check-on-me', 'Ana', '--note', 'tomorrow morning?')).toBe(
      'Asked Ana to check on you, privately. Only they are told; nothing is escalated to anyone else.'
    )
    await until(ana, ['conversation', 'Ben'], (out) =>
      out.includes('Ben asked you to check on them: "tomorrow morning?"')
    )
    const [nobody, myself, stranger] = await Promise.all([
      tryAs(ben, 'check-on-me'),
      tryAs(ben, 'check-on-me', 'Ana', 'Ben'),
      tryAs(ben, 'check-on-me', 'Zed')
    ])
    expectOneLineError(
      nobody,
      2,
      /^mutual: check-on-me needs MEMBER \(usage: mutual check-on-me COMMUNITY MEMBER\.\.\./
    )
    expectOneLineError(myself, 2, /^mutual: MEMBER: choose other members, not yourself$/)
    expectOneLineError(stranger, 2, /^mutual: MEMBER: nobody called "Zed" in this community/)
  })

  it('plan: written in parts, shared with one member, updated there on edit, and revoked', async () => {
    const anaPlan = (...rest: string[]) => ok(...rest, '--storage', ana[2])
    expect(await anaPlan('plan')).toMatch(/^You have not written a support plan yet\./)
    const [early, empty] = await Promise.all([
      tryAs(ana, 'share-plan', 'Ben'),
      mutual('edit-plan', '--storage', ana[2])
    ])
    expectOneLineError(early, 2, /^mutual: write your plan before sharing it$/)
    expectOneLineError(empty, 2, /^mutual: edit-plan needs at least one of --helps, --does-not-help, /)

    const saved = await anaPlan(
      'edit-plan',
      '--helps',
      'A walk, quiet company',
      '--not-involve',
      'My manager'
    )
    expect(saved).toContain('Saved version 1 of your support plan:')
    expect(saved).toContain('What helps\n  A walk, quiet company')
    expect(saved).toContain('Who to contact\n  (nothing written)')
    expect(saved).toContain('It is only on this device until you share it')
    expect(await as(ana, 'share-plan', 'Ben')).toMatch(/^Shared your support plan with Ben, privately\./)
    await until(ben, ['plans'], (out) => out.includes("Ana's support plan (version 1"))

    expect(await anaPlan('edit-plan', '--contacts', 'My sister')).toContain(
      'Sent to the 1 member you shared it with.'
    )
    const second = await until(ben, ['plans'], (out) => out.includes('(version 2'))
    expect(second).toContain('What helps\n  A walk, quiet company')
    expect(second).toContain('Who to contact\n  My sister')
    expect(await anaPlan('plan')).toContain('Shared with Ben; each edit reaches them too.')

    expect(await as(ana, 'revoke-plan', 'Ben')).toBe(
      'Stopped sharing your support plan with Ben. Future edits stop reaching them; what they already saw stays with them.'
    )
    await until(ben, ['plans'], (out) => out.startsWith('Nobody in this community has shared'))
    expectOneLineError(
      await tryAs(ana, 'revoke-plan', 'Ben'),
      2,
      /^mutual: your plan is not shared with that member$/
    )
  })

  it('check-in and resources: a mood word goes with a check-in; resources list like posts and collapse the same way', async () => {
    const checkIn = await as(ben, 'check-in', 'Arriving slowly today.', '--mood', 'tired')
    expect(checkIn).toMatch(/^[0-9a-f]{16}$/)
    expect(await as(ben, 'thread', checkIn)).toContain('  [feeling: tired]\n  Arriving slowly today.')
    const resourceId = await as(
      ben,
      'add-resource',
      'Peer-run, answers evenings.',
      '--kind',
      'warmline',
      '--name',
      'Evening warmline',
      '--contact',
      '0800 000 000'
    )
    const [twoWords, noKind, badKind, noName] = await Promise.all([
      tryAs(ben, 'check-in', 'x', '--mood', 'very tired'),
      tryAs(ben, 'add-resource', 'x', '--name', 'y'),
      tryAs(ben, 'add-resource', 'x', '--kind', 'hotline', '--name', 'y'),
      tryAs(ben, 'add-resource', 'x', '--kind', 'group')
    ])
    expectOneLineError(twoWords, 2, /^mutual: --mood is one word/)
    expectOneLineError(
      noKind,
      2,
      /^mutual: --kind is required: one of warmline, peer-line, group, reading, other/
    )
    expectOneLineError(badKind, 2, /^mutual: --kind must be one of warmline, /)
    expectOneLineError(noName, 2, /^mutual: --name is required/)

    const listed = await until(ana, ['resources'], (out) => out.includes(resourceId))
    expect(listed).toContain(`Ben · `)
    expect(listed).toContain('  Evening warmline (warmline) · 0800 000 000\n  Peer-run, answers evenings.')
    expect(listed).not.toContain('Arriving slowly')

    await as(ana, 'hide', resourceId)
    const hidden = await as(ana, 'resources')
    expect(hidden).toContain('[hidden on this device only; show it with --show-collapsed]')
    expect(hidden).not.toContain('0800 000 000')
    expect(await as(ana, 'resources', '--show-collapsed')).toContain('0800 000 000')
    const [asJson] = await json<{ id: string; text: string | null; resource: unknown }[]>('resources', ...ana)
    expect(asJson).toMatchObject({ id: resourceId, text: null, resource: null })
  })

  it('conversations: closing one tells the other member, and writing again opens it', async () => {
    expect(await as(ana, 'close-conversation', 'Ben')).toBe(
      'Closed your conversation with Ben. It stays here to read.'
    )
    await until(ben, ['conversations'], (out) => /^Ana {2}\(.*closed by Ana\)/m.test(out))
    expect(await as(ben, 'conversation', 'Ana')).toContain(
      'Ana closed this conversation. Writing again opens it'
    )
    await as(ben, 'say', 'Ana', 'still here')
    expect(await as(ben, 'conversations')).not.toContain('closed by')
  })

  it('never prints a stack trace', () => {
    const withStacks = cli.everyStderr.filter((e) => STACK_LINE.test(e.text())).map((e) => e.args.join(' '))
    expect(withStacks).toEqual([])
  })
})
