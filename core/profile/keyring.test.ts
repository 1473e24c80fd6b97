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
