import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { KEYRING_FILE, Keyring, wrongTryDelayMs } from './keyring.js'

const dirs: string[] = []
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true })
})
async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mutual-keyring-'))
  dirs.push(dir)
  return dir
}

test('keyring: a new profile gets a random key; a passphrase wraps the same key, and removing it unwraps it', async () => {
  const dir = await scratch()
  const ring = await Keyring.load(dir)
  const key = await ring.unlock(undefined)
  expect(key).toHaveLength(32)
  expect((await (await Keyring.load(dir)).unlock(undefined)).equals(key)).toBe(true)
  await ring.setPassphrase(key, 'correct horse battery')
  const file = await readFile(join(dir, KEYRING_FILE), 'utf8')
  expect(file).not.toContain(key.toString('hex'))
  const locked = await Keyring.load(dir)
  expect(locked.protection).toBe('passphrase')
  await expect(locked.unlock(undefined)).rejects.toMatchObject({ code: 'locked' })
  await expect(locked.unlock('correct horse battery!')).rejects.toMatchObject({ code: 'wrong-passphrase' })
  expect((await locked.unlock('correct horse battery')).equals(key)).toBe(true)
  await locked.removePassphrase(key)
  expect((await (await Keyring.load(dir)).unlock(undefined)).equals(key)).toBe(true)
})

test('keyring: a damaged or planted keyring is refused plainly, and one asking for hours of hashing is not run', async () => {
  const dir = await scratch()
  const ring = await Keyring.load(dir)
  await ring.setPassphrase(await ring.unlock(undefined), 'correct horse battery')
  const good = JSON.parse(await readFile(join(dir, KEYRING_FILE), 'utf8')) as { kdf: object }
  for (const planted of [
    'not json',
    JSON.stringify({ ...good, kdf: { ...good.kdf, memlimit: 64 * 1024 * 1024 * 1024 } }),
    JSON.stringify({ ...good, kdf: { ...good.kdf, opslimit: 1_000_000 } }),
    JSON.stringify({ format: 1, protection: 'none', key: 'ab' })
  ]) {
    await writeFile(join(dir, KEYRING_FILE), planted)
    await expect(Keyring.load(dir)).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('is damaged')
    })
  }
})

test('keyring: each wrong passphrase in a row waits longer before the next answer, up to half a minute', () => {
  expect([0, 1, 2, 3, 4, 5, 6, 7].map(wrongTryDelayMs)).toEqual([
    0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000
  ])
})

/** The OS keychain, faked (the outside world): it seals by a key only it holds. */
function fakeKeychain() {
  const pad = Buffer.alloc(32, 0x5a)
  const xor = (b: Buffer) => Buffer.from(b.map((x, i) => x ^ pad[i % pad.length]!))
  return { seal: async (s: Buffer) => xor(s), open: async (s: Buffer) => xor(s) }
}

test('keyring: with the OS keychain, a key kept as it is moves under it; elsewhere such a profile says where it opens', async () => {
  const dir = await scratch()
  const key = await (await Keyring.load(dir)).unlock(undefined)
  const keychain = fakeKeychain()
  const ring = await Keyring.load(dir, keychain)
  expect(ring.protection).toBe('keychain')
  expect(await readFile(join(dir, KEYRING_FILE), 'utf8')).not.toContain(key.toString('hex'))
  expect((await ring.unlock(undefined)).equals(key)).toBe(true)
  await expect((await Keyring.load(dir)).unlock(undefined)).rejects.toMatchObject({
    code: 'keychain-unavailable',
    message: expect.stringContaining("sealed by the Mutual app's keychain")
  })
  // A keychain that cannot open what it sealed never gets the only copy of the key.
  const broken = { seal: keychain.seal, open: async () => Buffer.alloc(32) }
  const other = await scratch()
  await expect(Keyring.load(other, broken)).rejects.toMatchObject({ code: 'keychain-unavailable' })
  // A passphrase takes over from the keychain, and removing it gives the key back to the keychain.
  await ring.setPassphrase(key, 'correct horse battery')
  expect((await Keyring.load(dir, keychain)).protection).toBe('passphrase')
  await ring.removePassphrase(key)
  expect((await Keyring.load(dir, keychain)).protection).toBe('keychain')
})
