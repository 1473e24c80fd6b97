// Black-box test of the `mutual` command: a loopback testnet and two daemons
// run as child processes, driven only through bin/mutual.js as a person or a
// script would. Every process is bound to 127.0.0.1; nothing reaches the
// public DHT (daemons always get --bootstrap, and MUTUAL_BOOTSTRAP is set too).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CliHarness, ROOT, STACK_LINE, buildCli, eventually, expectOneLineError } from './cli-harness.js'
import type { Running } from './cli-harness.js'

const COMMUNITY_ID = /^[a-z0-9]{52}$/
const POST_ID = /^[0-9a-f]{16}$/
const PROPOSAL_ID = /^[0-9a-f]{16}$/

// Test what `npm install` ships: the bundle, started through the bin script.
const cli = new CliHarness(path.join(ROOT, 'bin', 'mutual.js'))
const { scratch, everyStderr, start, mutual, ok, json, startDaemon } = cli

interface FeedPost {
  id: string
  author: string
  text: string
  topic: string
  replyTo: string | null
  reactions: Record<string, number>
  state: string
}

async function feed(storage: string, communityId: string): Promise<FeedPost[]> {
  return JSON.parse(await ok('feed', communityId, '--storage', storage)) as FeedPost[]
}

const founderDir = path.join(scratch, 'founder')
const joinerDir = path.join(scratch, 'joiner')
let testnet: Running
let founder: Running
let joiner: Running
let communityId = ''
let founderPost = ''
let joinerPost = ''

beforeAll(async () => {
  buildCli('dist/cli.js')
  testnet = start(['testnet'])
  cli.bootstrap = await testnet.waitForLine(/^127\.0\.0\.1:\d+$/)
  founder = startDaemon(founderDir)
  joiner = startDaemon(joinerDir)
  await Promise.all([founder.waitForLine(/ready/), joiner.waitForLine(/ready/)])
})

// Normally the shutdown test has stopped everything; this covers failures.
afterAll(() => cli.cleanUp())

describe('cli: behaviour', () => {
  it('creates a community, invites, and lets a second daemon join with the invite', async () => {
    communityId = await ok('create', 'Night owls', '--as', 'Ana', '--storage', founderDir)
    expect(communityId).toMatch(COMMUNITY_ID)

    const invite = JSON.parse(
      await ok('invite', communityId, '--expires', '1h', '--storage', founderDir)
    ) as {
      invite: string
    }
    expect(typeof invite.invite).toBe('string')

    const joined = await mutual('join', invite.invite, '--as', 'Ben', '--storage', joinerDir)
    expect(joined.code, joined.stderr).toBe(0)
    expect(joined.stdout.trim()).toBe(communityId)
    expect(joined.stderr).toContain('Looking for a member who can let you in…')
    expect(joined.stderr).toContain("read the community agreements with: mutual agreements 'Night owls'")
    expect(joined.stderr).toContain("say so with: mutual agree 'Night owls'")
  })

  it('shows a newcomer the agreements, and lets them post only once they agree', async () => {
    const [early, shown] = await Promise.all([
      mutual('post', 'Night owls', 'Hello?', '--storage', joinerDir),
      ok('agreements', 'Night owls', '--storage', joinerDir)
    ])
    expectOneLineError(
      early,
      2,
      /^mutual: please read the community agreements and say "I agree" first: read them with: mutual agreements 'Night owls', then run: mutual agree 'Night owls'$/
    )
    expect(shown).toMatch(/^Agreements of Night owls \(version 1, the founding text\)$/m)
    expect(shown).toContain('Speak from your own experience')
    expect(shown).toMatch(/^Confidentiality$/m)
    expect(shown).toContain('What is shared here stays here.')
    expect(shown).toContain("Any member's invite works at once.")
    expect(shown).toContain('A post is collapsed for everyone once 2 members flag it')
    // The newcomer counts in decisions once they have agreed.
    expect(shown).toContain('not possible with 1 agreed member now')
    expect(shown).toContain('You have not said "I agree" yet')

    const agreed = await ok('agree', 'Night owls', '--storage', joinerDir)
    expect(agreed).toMatch(/^You said "I agree" to version 1 of the agreements of Night owls:/)
    expect(agreed).toContain('What is shared here stays here.')
    const state = await json<{ myAgreedVersion: number | null }>(
      'agreements',
      'Night owls',
      '--storage',
      joinerDir
    )
    expect(state.myAgreedVersion).toBe(1)
    expect(await ok('agree', 'Night owls', '--storage', joinerDir)).toMatch(
      /^You had already agreed to version 1/
    )
  })

  it("shows each member's posts in the other member's feed", async () => {
    founderPost = await ok('post', communityId, 'Anyone else awake?', '--storage', founderDir)
    expect(founderPost).toMatch(POST_ID)
    joinerPost = await ok('post', 'Night owls', 'Yes, me too.', '--storage', joinerDir)
    expect(joinerPost).toMatch(POST_ID)

    const seenByJoiner = await eventually('the founder post in the joiner feed', async () =>
      (await feed(joinerDir, communityId)).find((p) => p.id === founderPost)
    )
    expect(seenByJoiner).toMatchObject({ author: 'Ana', text: 'Anyone else awake?', replyTo: null })
    expect(typeof seenByJoiner.topic).toBe('string')
    expect(seenByJoiner.reactions).toMatchObject({ 'me-too': 0, 'hear-you': 0, thanks: 0 })
    expect(['local', 'replicated', 'confirmed']).toContain(seenByJoiner.state)

    const seenByFounder = await eventually('the joiner post in the founder feed', async () =>
      (await feed(founderDir, communityId)).find((p) => p.id === joinerPost)
    )
    expect(seenByFounder).toMatchObject({ author: 'Ben', text: 'Yes, me too.' })
  })

  it('carries replies and reactions between members', async () => {
    const reply = await ok(
      'post',
      communityId,
      'Glad it is not just me.',
      '--reply-to',
      founderPost,
      '--mode',
      'listen',
      '--storage',
      joinerDir
    )
    await ok('react', communityId, founderPost, 'hear-you', '--storage', joinerDir)

    const thread = await eventually('the reply and reaction at the founder', async () => {
      const t = JSON.parse(
        await ok('thread', communityId, founderPost, '--json', '--storage', founderDir)
      ) as {
        root: FeedPost
        replies: FeedPost[]
      }
      const arrived = t.replies.some((r) => r.id === reply) && t.root.reactions['hear-you'] === 1
      return arrived ? t : undefined
    })
    expect(thread.replies.find((r) => r.id === reply)).toMatchObject({ replyTo: founderPost, author: 'Ben' })
  })

  it('lists communities, members and sync status as JSON', async () => {
    const communities = JSON.parse(await ok('communities', '--json', '--storage', joinerDir)) as {
      id: string
      writable: boolean
    }[]
    expect(communities).toEqual([
      expect.objectContaining({ id: communityId, name: 'Night owls', writable: true })
    ])

    const names = await eventually('both members at the founder', async () => {
      const list = JSON.parse(await ok('members', communityId, '--json', '--storage', founderDir)) as {
        name: string
      }[]
      const found = list.map((m) => m.name).sort()
      return found.length === 2 ? found : undefined
    })
    expect(names).toEqual(['Ana', 'Ben'])

    const status = JSON.parse(await ok('status', '--json', '--storage', founderDir)) as {
      communityId: string
    }[]
    expect(status).toEqual([expect.objectContaining({ communityId, online: true })])
    expect(await ok('status', '--storage', founderDir)).toContain('Night owls')
  })

  it('exits 2 with one clear line for bad usage and bad input', async () => {
    const [
      unknown,
      noText,
      noName,
      noInvite,
      unknownFlag,
      garbageInvite,
      zeroLimit,
      wordLimit,
      badExpiry,
      badMode
    ] = await Promise.all([
      mutual('frobnicate'),
      mutual('post', communityId, '--storage', founderDir),
      mutual('create', 'Somewhere', '--storage', founderDir),
      mutual('join', '--as', 'Cleo', '--storage', joinerDir),
      mutual('feed', communityId, '--colour', 'blue', '--storage', founderDir),
      mutual('join', 'this-is-not-an-invite', '--as', 'Cleo', '--storage', joinerDir),
      mutual('feed', communityId, '--limit', '0', '--storage', founderDir),
      mutual('feed', communityId, '--limit', 'ten', '--storage', founderDir),
      mutual('invite', communityId, '--expires', 'soon', '--storage', founderDir),
      mutual('post', communityId, 'hi', '--mode', 'shout', '--storage', founderDir)
    ])
    expectOneLineError(unknown, 2, /unknown command "frobnicate"/)
    expectOneLineError(noText, 2, /TEXT/)
    expectOneLineError(noName, 2, /--as/)
    expectOneLineError(noInvite, 2, /INVITE/)
    expectOneLineError(unknownFlag, 2, /--colour/)
    expectOneLineError(garbageInvite, 2, /invite/i)
    expectOneLineError(zeroLimit, 2, /--limit/)
    expectOneLineError(wordLimit, 2, /--limit/)
    expectOneLineError(badExpiry, 2, /--expires/)
    expectOneLineError(badMode, 2, /--mode/)
  })

  it('exits 2 when the daemon refuses the request as invalid', async () => {
    const [emptyPost, missingPost, unknownCommunity] = await Promise.all([
      mutual('post', communityId, '   ', '--storage', founderDir),
      mutual('thread', communityId, '0000000000000000', '--storage', founderDir),
      mutual('feed', 'No such place', '--storage', founderDir)
    ])
    expectOneLineError(emptyPost, 2, /empty/)
    expectOneLineError(missingPost, 2, /.+/)
    expectOneLineError(unknownCommunity, 2, /No such place/)
  })

  it('adopts proposals once both members consent, and both see the new agreements and settings', async () => {
    const textFile = path.join(scratch, 'agreements.txt')
    writeFileSync(textFile, 'We listen first.\r\nWe speak for ourselves.\r\n')
    const [agreementsProposal, settingsProposal] = await Promise.all([
      ok(
        'propose',
        'Night owls',
        '--agreements-file',
        textFile,
        '--reason',
        'Shorter is easier to keep',
        '--storage',
        founderDir
      ),
      ok(
        'propose',
        'Night owls',
        '--set',
        'flags-to-hide=1',
        '--set',
        'invite=second-member',
        '--reason',
        'We are a small group',
        '--storage',
        joinerDir
      )
    ])
    expect(agreementsProposal).toMatch(PROPOSAL_ID)
    expect(settingsProposal).toMatch(PROPOSAL_ID)

    // Each sees the other's proposal, open, with the proposer's consent counted.
    const [atJoiner] = await Promise.all([
      eventually('the founder proposal at the joiner', async () =>
        (await ok('proposals', 'Night owls', '--storage', joinerDir)).includes(agreementsProposal)
          ? ok('proposals', 'Night owls', agreementsProposal, '--storage', joinerDir)
          : undefined
      ),
      eventually(
        'the joiner proposal at the founder',
        async () =>
          (await json<{ id: string }[]>('proposals', 'Night owls', '--storage', founderDir)).some(
            (p) => p.id === settingsProposal
          ) || undefined
      )
    ])
    expect(atJoiner).toContain(`${agreementsProposal}  open; proposed by Ana`)
    expect(atJoiner).toContain('Changes: new agreements text')
    expect(atJoiner).toContain('Reason: Shorter is easier to keep')
    expect(atJoiner).toContain('Consents: 1 of 2 needed; objections: none')
    expect(atJoiner).toContain('You: you have not responded')
    expect(atJoiner).toContain('    We listen first.\n    We speak for ourselves.')

    const [joinerSaid, founderSaid] = await Promise.all([
      ok('respond', 'Night owls', agreementsProposal, 'consent', '--storage', joinerDir),
      ok(
        'respond',
        'Night owls',
        settingsProposal,
        'concern',
        '--note',
        'Fine while we are few',
        '--storage',
        founderDir
      )
    ])
    expect(joinerSaid).toBe(`You responded: consent. Proposal ${agreementsProposal} is adopted.`)
    expect(founderSaid).toBe(`You responded: concern. Proposal ${settingsProposal} is adopted.`)

    interface State {
      agreements: { version: number; text: string }
      myAgreedVersion: number | null
      settings: { flagsToHide: number; invite: string }
    }
    for (const dir of [founderDir, joinerDir]) {
      const state = await eventually(`both changes at ${path.basename(dir)}`, async () => {
        const s = await json<State>('agreements', 'Night owls', '--storage', dir)
        return s.agreements.version === 2 && s.settings.flagsToHide === 1 ? s : undefined
      })
      expect(state.agreements.text).toBe('We listen first.\nWe speak for ourselves.')
      expect(state.settings.invite).toBe('second-member')
    }
    const shown = await ok('agreements', 'Night owls', '--storage', joinerDir)
    expect(shown).toContain(`(version 2, adopted by proposal ${agreementsProposal})`)
    expect(shown).toContain('  We listen first.\n  We speak for ourselves.')
    expect(shown).toContain('Each invite works only after a second member seconds it.')
    expect(shown).toContain('You agreed to version 1. Version 2 is newer')
    const history = await json<{ version: number }[]>(
      'agreements',
      'Night owls',
      '--history',
      '--storage',
      founderDir
    )
    expect(history.map((a) => a.version)).toEqual([1, 2])
    const decided = await ok('proposals', 'Night owls', '--all', '--storage', founderDir)
    expect(decided).toContain(`${settingsProposal}  adopted; proposed by Ben`)
    expect(decided).toContain('Ana consents with a concern: "Fine while we are few"')
  })

  it('collapses a flagged post for everyone, and the log says who flagged it and why', async () => {
    const flagged = await ok(
      'flag',
      'Night owls',
      founderPost,
      '--reason',
      'Too much detail',
      '--storage',
      joinerDir
    )
    expect(flagged).toMatch(/^You flagged Ana's post [0-9a-f]{16}\. .*It is now collapsed for everyone\.$/)

    const log = await eventually('the flag in the founder log', async () => {
      const text = await ok('log', 'Night owls', '--storage', founderDir)
      return text.includes('Ben flagged') ? text : undefined
    })
    expect(log).toContain(`Ben flagged Ana's post ${founderPost}, because: Too much detail`)
    expect(log).toContain(`Ana's post ${founderPost} was collapsed for everyone after flags: Too much detail`)
    expect(log).toContain('The community adopted proposal')
    expect(log).toContain('Ben said "I agree" to the agreements')

    const [posts, shownAnyway, thread] = await Promise.all([
      feed(founderDir, communityId),
      json<FeedPost[]>('feed', communityId, '--show-collapsed', '--storage', founderDir),
      ok('thread', 'Night owls', founderPost, '--storage', founderDir)
    ])
    expect(posts.find((p) => p.id === founderPost)).toMatchObject({ text: null, collapsed: true })
    expect(shownAnyway.find((p) => p.id === founderPost)).toMatchObject({ text: 'Anyone else awake?' })
    expect(thread.split('\n')[1]).toMatch(/^  \[collapsed for everyone after flags: Ben: "Too much detail"; /)
    expect(thread).not.toContain('Anyone else awake?')
    expect(thread).toContain('Glad it is not just me.')
  })

  it('hides posts and mutes members on this device only', async () => {
    const hid = await ok('hide', 'Night owls', joinerPost, '--storage', founderDir)
    expect(hid).toContain('on this device only')
    expect(await ok('thread', 'Night owls', joinerPost, '--storage', founderDir)).toContain(
      '[hidden on this device only'
    )
    await ok('unhide', 'Night owls', joinerPost, '--storage', founderDir)

    expect(await ok('mute', 'Night owls', 'ben', '--storage', founderDir)).toMatch(
      /^Muted Ben on this device only/
    )
    const muted = (await feed(founderDir, communityId)).find((p) => p.id === joinerPost)
    expect(muted).toMatchObject({ text: null, authorMuted: true })
    // Whether Ben shows as around now depends on the connection, so only the start of the marks is fixed.
    expect(await ok('members', 'Night owls', '--storage', founderDir)).toMatch(
      /^Ben \([a-z0-9]{4}\)  \(muted on this device[,)]/m
    )
    await ok('unmute', 'Night owls', 'Ben', '--storage', founderDir)
    expect((await feed(founderDir, communityId)).find((p) => p.id === joinerPost)).toMatchObject({
      text: 'Yes, me too.'
    })
    // Nothing personal reaches the shared log.
    expect(await ok('log', 'Night owls', '--storage', founderDir)).not.toMatch(/mute|hidden|\bhid\b/i)
  })

  it('holds an invite until a second member seconds it, where the community asks for that', async () => {
    const made = await mutual('invite', 'Night owls', '--json', '--storage', founderDir)
    expect(made.code, made.stderr).toBe(0)
    const created = JSON.parse(made.stdout) as { id: string; awaitingSecond: boolean }
    expect(created.awaitingSecond).toBe(true)
    expect(made.stderr).toContain(`mutual second 'Night owls' ${created.id}`)
    expect(await ok('invites', 'Night owls', '--storage', founderDir)).toContain(
      `${created.id}  waiting for a second member, made by you`
    )
    expectOneLineError(
      await mutual('second', 'Night owls', created.id, '--storage', founderDir),
      2,
      /another member needs to second your invite/
    )

    await eventually('the invite at the joiner', async () =>
      (await json<{ id: string }[]>('invites', 'Night owls', '--storage', joinerDir)).some(
        (i) => i.id === created.id
      )
        ? true
        : undefined
    )
    expect(await ok('second', 'Night owls', created.id, '--storage', joinerDir)).toBe(
      "You seconded Ana's invite; it can be used now."
    )
    const line = await eventually('the second at the founder', async () =>
      (await ok('invites', 'Night owls', '--storage', founderDir))
        .split('\n')
        .find((l) => l.startsWith(created.id) && l.includes('seconded by Ben'))
    )
    expect(line).toContain(`${created.id}  open, made by you, seconded by Ben`)
  })

  it('proposes a removal by name, revises it and withdraws it', async () => {
    const id = await ok(
      'propose',
      'Night owls',
      '--remove',
      'ben',
      '--reason',
      'Testing the flow',
      '--storage',
      founderDir
    )
    expect(await ok('proposals', 'Night owls', '--storage', founderDir)).toContain(
      `${id}  open; proposed by Ana (you)\n  Changes: remove Ben from the community\n  Reason: Testing the flow`
    )
    await ok(
      'revise',
      'Night owls',
      id,
      '--remove',
      'Ben',
      '--reason',
      'Testing it again',
      '--storage',
      founderDir
    )
    const revised = await json<{ revision: number; reason: string }>(
      'proposals',
      'Night owls',
      id,
      '--storage',
      founderDir
    )
    expect(revised).toMatchObject({ revision: 2, reason: 'Testing it again' })
    expect(await ok('withdraw-proposal', 'Night owls', id, '--storage', founderDir)).toBe(
      `Withdrew proposal ${id}.`
    )
    expect(await ok('proposals', 'Night owls', '--storage', founderDir)).toMatch(/^No open proposals\./)
    expect(await ok('log', 'Night owls', '--limit', '1', '--storage', founderDir)).toMatch(
      new RegExp(
        `^#\\d+  Ana withdrew proposal ${id} \\(remove Ben from the community\\)\\nOlder entries: mutual log 'Night owls' --before \\d+ --limit 1$`
      )
    )
  })

  it('exits 2 with one clear line for bad proposals, responses and flags', async () => {
    const folder = path.join(scratch, 'a-folder')
    mkdirSync(folder, { recursive: true })
    const latin1 = path.join(scratch, 'latin1.txt')
    writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9]))
    const at = ['Night owls', '--storage', founderDir]
    const [
      unknownKey,
      badValue,
      noReason,
      missingFile,
      notUtf8,
      aFolder,
      twoChanges,
      noChange,
      noNote,
      badStance,
      unknownMember,
      flagNoReason,
      unchanged
    ] = await Promise.all([
      mutual('propose', ...at, '--set', 'colour=blue', '--reason', 'x'),
      mutual('propose', ...at, '--set', 'removal=most', '--reason', 'x'),
      mutual('propose', ...at, '--set', 'consent=everyone'),
      mutual('propose', ...at, '--agreements-file', path.join(scratch, 'no-such-file.txt'), '--reason', 'x'),
      mutual('propose', ...at, '--confidentiality-file', latin1, '--reason', 'x'),
      mutual('propose', ...at, '--agreements-file', folder, '--reason', 'x'),
      mutual('propose', ...at, '--set', 'consent=everyone', '--remove', 'Ben', '--reason', 'x'),
      mutual('propose', ...at, '--reason', 'x'),
      mutual('respond', 'Night owls', '0123456789abcdef', 'object', '--storage', founderDir),
      mutual('respond', 'Night owls', '0123456789abcdef', 'maybe', '--storage', founderDir),
      mutual('propose', ...at, '--remove', 'Zed', '--reason', 'x'),
      mutual('flag', 'Night owls', joinerPost, '--storage', founderDir),
      mutual('propose', ...at, '--set', 'flags-to-hide=1', '--reason', 'x')
    ])
    expectOneLineError(
      unknownKey,
      2,
      /^mutual: unknown setting "colour" for --set; the settings are invite, flags-to-hide, /
    )
    expectOneLineError(
      badValue,
      2,
      /^mutual: --set removal must be one of majority, two-thirds, everyone \(got "most"\)$/
    )
    expectOneLineError(noReason, 2, /^mutual: --reason is required/)
    expectOneLineError(missingFile, 2, /^mutual: --agreements-file: there is no file .*no-such-file\.txt$/)
    expectOneLineError(notUtf8, 2, /^mutual: --confidentiality-file: .*latin1\.txt is not UTF-8 text$/)
    expectOneLineError(aFolder, 2, /^mutual: --agreements-file: .*a-folder is a folder, not a text file$/)
    expectOneLineError(
      twoChanges,
      2,
      /^mutual: propose changes one thing at a time: .*\(got --set and --remove\)$/
    )
    expectOneLineError(noChange, 2, /^mutual: propose needs what to change/)
    expectOneLineError(noNote, 2, /^mutual: --note is required with object: say why you object$/)
    expectOneLineError(
      badStance,
      2,
      /^mutual: the response must be one of consent, concern, object \(got "maybe"\)$/
    )
    expectOneLineError(unknownMember, 2, /^mutual: --remove: nobody called "Zed" in this community/)
    expectOneLineError(flagNoReason, 2, /^mutual: --reason is required/)
    expectOneLineError(
      unchanged,
      2,
      /^mutual: --set: nothing would change; the community already has flags-to-hide=1$/
    )
  })

  it('exits 1 and says how to start a daemon when none is running', async () => {
    const empty = path.join(scratch, 'nobody-home')
    expectOneLineError(
      await mutual('communities', '--storage', empty),
      1,
      /^mutual: no Mutual daemon is running for .*nobody-home; start one with: mutual daemon --storage /
    )
  })

  it('loads nothing of the engine for a command that asks the daemon, so scripts calling it stay quick', () => {
    // The engine and the network stack come in only with `daemon` and `testnet`, through import().
    const packages = new Set<string>()
    const read = (file: string): void => {
      const code = readFileSync(path.join(ROOT, 'dist', file), 'utf8')
      for (const [, name] of code.matchAll(/^import\s(?:[^;]*?from\s*)?"([^"]+)"/gm)) {
        if (name!.startsWith('./')) read(path.join(path.dirname(file), name!))
        else if (!name!.startsWith('node:')) packages.add(name!)
      }
    }
    read('cli.js')
    // zod checks what the daemon answers; nothing else of node_modules is loaded.
    expect([...packages]).toEqual(['zod'])
    expect(readFileSync(path.join(ROOT, 'dist', 'cli.js'), 'utf8')).toMatch(
      /await import\("\.\/cli-chunks\/daemon-\w+\.js"\)/
    )
  })

  it('refuses a second daemon on the same storage folder at once, and the first keeps serving', async () => {
    const second = await startDaemon(founderDir).exited
    expectOneLineError(second, 1, /already running/)
    expect(await ok('communities', '--storage', founderDir)).toContain('Night owls')
  })

  it('says at start when the network cannot be reached, rather than only "ready"', async () => {
    const dir = path.join(scratch, 'unreachable')
    const daemon = start(['daemon', '--storage', dir, '--bootstrap', '127.0.0.1:1'])
    await daemon.waitForLine(/ready/)
    await eventually('the unreachable warning', async () =>
      /can't reach the network at 127\.0\.0\.1:1/.test(daemon.stderr()) ? true : undefined
    )
    daemon.child.kill('SIGTERM')
    expect((await daemon.exited).code).toBe(0)
  })

  it.skipIf(process.platform === 'win32')(
    'starts over the socket left behind by a daemon that was killed',
    async () => {
      const dir = path.join(scratch, 'crashed')
      const first = startDaemon(dir, '--offline')
      await first.waitForLine(/ready/)
      first.child.kill('SIGKILL')
      await first.exited
      expect(existsSync(path.join(dir, 'mutual.sock'))).toBe(true)
      expectOneLineError(await mutual('communities', '--storage', dir), 1, /no Mutual daemon is running/)

      const second = startDaemon(dir, '--offline')
      await second.waitForLine(/ready/)
      expect(await ok('communities', '--json', '--storage', dir)).toBe('[]')
      second.child.kill('SIGTERM')
      expect((await second.exited).code).toBe(0)
    }
  )

  it.skipIf(process.platform === 'win32')(
    'listens in a private temp folder when the storage path is too long for a unix socket',
    async () => {
      const longDir = path.join(scratch, 'a'.repeat(60), 'b'.repeat(60))
      const daemon = startDaemon(longDir, '--offline')
      const ready = await daemon.waitForLine(/ready/)
      const socketPath = readFileSync(path.join(longDir, 'control-socket'), 'utf8').trim()
      expect(ready).toContain(socketPath)
      expect(socketPath.length).toBeLessThanOrEqual(100)
      expect(await ok('communities', '--json', '--storage', longDir)).toBe('[]')

      daemon.child.kill('SIGTERM')
      expect((await daemon.exited).code).toBe(0)
      expect(existsSync(socketPath)).toBe(false)
      expect(existsSync(path.join(longDir, 'control-socket'))).toBe(false)
    }
  )

  it('stops daemons and the testnet cleanly on SIGTERM with exit status 0', async () => {
    founder.child.kill('SIGTERM')
    joiner.child.kill('SIGTERM')
    const [a, b] = await Promise.all([founder.exited, joiner.exited])
    expect(a.code, a.stderr).toBe(0)
    expect(b.code, b.stderr).toBe(0)
    if (process.platform !== 'win32') {
      expect(existsSync(path.join(founderDir, 'mutual.sock'))).toBe(false)
      expect(existsSync(path.join(joinerDir, 'mutual.sock'))).toBe(false)
    }
    testnet.child.kill('SIGTERM')
    expect((await testnet.exited).code).toBe(0)
  })

  it('never prints a stack trace', () => {
    const withStacks = everyStderr.filter((e) => STACK_LINE.test(e.text())).map((e) => e.args.join(' '))
    expect(withStacks).toEqual([])
  })
})
