// The lock on this device: a profile with a passphrase keeps nothing readable
// at rest. It starts from Ash's and Bo's profiles as Mutual 0.1.0 saved them
// (see migration.test.ts), whose community key, store seeds and plan key lay
// in the clear, so the spec also covers sealing what an older release left
// behind: Ash founded the community, and Bo joined it by invite.
import { execFile } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { Mutual } from '../core/mutual.js'
import { Lab, until } from './support/peers.js'
import type { Peer } from './support/peers.js'

const FIXTURE = fileURLToPath(new URL('./fixtures/profiles-0.1.0.tar.gz', import.meta.url))
const PASSPHRASE = 'a quiet harbour at dawn'

const lab = new Lab()
let ash: Peer, bo: Peer
let ashDir: string, boDir: string
let id: string, boId: string
/** Everything that must not be found in any file of the locked profiles, by what it is. */
const secrets = new Map<string, Buffer>()

/** Every file under `dir` that holds `needle`, as bytes. */
async function filesHolding(dir: string, needle: Buffer): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    if ((await readFile(path)).includes(needle)) found.push(path.slice(dir.length + 1))
  }
  return found
}

function keep(what: string, key: Buffer): void {
  secrets.set(what, key)
  secrets.set(`${what} (hex)`, Buffer.from(key.toString('hex')))
}

beforeAll(async () => {
  await lab.start()
  const root = await lab.dir()
  await promisify(execFile)('tar', ['-xzf', FIXTURE, '-C', root])
  ashDir = join(root, 'ash')
  boDir = join(root, 'bo')
  // What 0.1.0 kept in the clear, read before today's engine seals it.
  keep('the old support-plan key', await readFile(join(ashDir, 'support-plan.key')))
  ;[ash, bo] = await Promise.all([lab.peer({ storage: ashDir }), lab.peer({ storage: boDir })])
  // Opening reseals an older plan at once; its key file does not wait for someone to open the plan.
  expect(await readdir(ashDir)).not.toContain('support-plan.key')
  expect(await readdir(ashDir)).not.toContain('profile.json')
  id = (await ash.rpc.call('communities.list', {}))[0]!.id
  boId = bo.engine.get(id).me
  keep("the community's encryption key", ash.engine.get(id).base.encryptionKey!)
  for (const [name, peer] of [
    ['Ash', ash],
    ['Bo', bo]
  ] as const) {
    keep(`${name}'s store seed`, peer.engine.get(id).store.primaryKey!)
    const keyring = JSON.parse(await readFile(join(peer.dir, 'keyring.json'), 'utf8')) as { key: string }
    keep(`${name}'s profile key`, Buffer.from(keyring.key, 'hex'))
  }
}, 60_000)
afterAll(() => lab.stop())

test('lock: with a passphrase set, no file of the profile holds a post, a conversation line, the plan, the community name or any key', async () => {
  for (const peer of [ash, bo]) {
    expect(await peer.rpc.call('lock.status', {})).toEqual({
      protection: 'none',
      locked: false,
      lockAfterMinutes: 15
    })
    expect(await peer.rpc.call('lock.set', { passphrase: PASSPHRASE })).toMatchObject({
      protection: 'passphrase',
      locked: false
    })
  }
  // Written after locking, and written by 0.1.0 before it.
  await ash.rpc.call('posts.create', { communityId: id, text: 'Walked to the river and back today.' })
  await ash.rpc.call('conversations.send', {
    communityId: id,
    memberId: boId,
    text: 'The bridge at night helps.'
  })
  await ash.rpc.call('plan.save', {
    plan: {
      helps: 'Lemon tea and the radio low',
      doesNotHelp: 'Being rushed',
      contacts: 'Cousin Mara',
      notInvolve: 'The old landlord',
      fromSupporters: 'A text before noon'
    }
  })
  await lab.closePeer(ash)
  await lab.closePeer(bo)
  for (const text of [
    'Night owls',
    'Rough night. Anyone else up?',
    'thank you for coming',
    'A walk, tea, someone to sit with',
    'Walked to the river and back today.',
    'The bridge at night helps.',
    'Lemon tea and the radio low'
  ])
    secrets.set(JSON.stringify(text), Buffer.from(text))

  const found: Record<string, string[]> = {}
  for (const dir of [ashDir, boDir])
    for (const [what, needle] of secrets) {
      const files = await filesHolding(dir, needle)
      if (files.length > 0) found[what] = files
    }
  expect(found).toEqual({})
  // The check can fail: the same search finds what the profile holds in the clear.
  expect(await filesHolding(boDir, Buffer.from('"protection": "passphrase"'))).toEqual(['keyring.json'])
})

test('lock: a locked profile does not open without its passphrase, refuses a wrong one plainly, and opens whole with it', async () => {
  const attempt = async (passphrase: string | undefined) => {
    const engine = new Mutual({ storage: ashDir, bootstrap: lab.bootstrap, passphrase, offline: true })
    try {
      await engine.ready()
      return 'opened'
    } catch (err) {
      return { code: (err as { code?: string }).code, message: (err as Error).message }
    } finally {
      await engine.close()
    }
  }
  expect(await attempt(undefined)).toEqual({
    code: 'locked',
    message: 'this profile is locked; its passphrase is needed to open it'
  })
  expect(await attempt('a quiet harbour at dusk')).toEqual({
    code: 'wrong-passphrase',
    message: 'that passphrase does not open this profile'
  })

  const again = await lab.peer({ storage: ashDir, passphrase: PASSPHRASE, offline: true })
  const feed = await again.rpc.call('posts.feed', { communityId: id, topic: 'general', limit: 50 })
  expect(feed.posts.map((p) => p.text)).toEqual(
    expect.arrayContaining(['Walked to the river and back today.', 'Rough night. Anyone else up?'])
  )
  const conversation = await again.rpc.call('conversations.get', { communityId: id, memberId: boId })
  expect(conversation.entries.map((e) => (e.kind === 'message' ? e.text : e.kind))).toEqual(
    expect.arrayContaining(['thank you for coming', 'The bridge at night helps.'])
  )
  expect((await again.rpc.call('plan.get', {})).plan.helps).toBe('Lemon tea and the radio low')
  expect((await again.rpc.call('communities.list', {}))[0]).toMatchObject({
    name: 'Night owls',
    writable: true
  })

  // Changing or removing the passphrase needs the current one.
  await expect(
    again.rpc.call('lock.set', { passphrase: 'someone else at the keyboard' })
  ).rejects.toMatchObject({
    code: 'wrong-passphrase'
  })
  await expect(again.rpc.call('lock.remove', { current: 'not it at all' })).rejects.toMatchObject({
    code: 'wrong-passphrase'
  })
  await expect(
    again.rpc.call('lock.set', { passphrase: 'short', current: PASSPHRASE })
  ).rejects.toMatchObject({
    code: 'bad-request',
    message: expect.stringContaining('at least 8 characters')
  })
  expect(await again.rpc.call('lock.status', {})).toMatchObject({ protection: 'passphrase' })
  await lab.closePeer(again)
})

test('lock: while the app is locked the engine answers only the lock, and a private line arrives as a notice with no name or words', async () => {
  const [ashAgain, boAgain] = await Promise.all([
    lab.peer({ storage: ashDir, passphrase: PASSPHRASE }),
    lab.peer({ storage: boDir, passphrase: PASSPHRASE })
  ])
  expect(await ashAgain.rpc.call('lock.lockNow', {})).toMatchObject({ locked: true })
  await expect(ashAgain.rpc.call('communities.list', {})).rejects.toMatchObject({ code: 'locked' })
  await expect(ashAgain.rpc.call('plan.get', {})).rejects.toMatchObject({ code: 'locked' })
  await expect(ashAgain.rpc.call('profile.wipe', { confirm: 'wipe this device' })).rejects.toMatchObject({
    code: 'locked'
  })
  const ashId = ashAgain.engine.get(id).me
  await boAgain.rpc.call('conversations.send', { communityId: id, memberId: ashId, text: 'Are you awake?' })
  await until([ashAgain], async () => ashAgain.events.some((e) => e.type === 'notice-while-locked'))
  expect(ashAgain.events.filter((e) => e.type === 'notice')).toEqual([])
  expect(JSON.stringify(ashAgain.events)).not.toMatch(/Bo|Night owls|awake/)

  await expect(ashAgain.rpc.call('lock.unlock', { passphrase: 'not the passphrase' })).rejects.toMatchObject({
    code: 'wrong-passphrase'
  })
  expect(await ashAgain.rpc.call('lock.unlock', { passphrase: PASSPHRASE })).toMatchObject({ locked: false })
  const conversation = await ashAgain.rpc.call('conversations.get', { communityId: id, memberId: boId })
  expect(conversation.entries.map((e) => (e.kind === 'message' ? e.text : e.kind))).toContain(
    'Are you awake?'
  )
  await lab.closePeer(ashAgain)
  await lab.closePeer(boAgain)
})
