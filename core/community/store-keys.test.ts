import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Corestore from 'corestore'
import HypercoreStorage from 'hypercore-storage'
import { afterEach, expect, test } from 'vitest'
import { randomKey } from '../profile/sealed.js'
import { sealOldStore } from './store-keys.js'
import { openStore } from './store.js'

const dirs: string[] = []
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true })
})

/** A store as releases before the lock made it: its seed in the clear. */
async function oldStore(): Promise<{ dir: string; seed: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'mutual-seed-'))
  dirs.push(dir)
  const store = new Corestore(new HypercoreStorage(dir))
  await store.ready()
  const seed = Buffer.from(store.primaryKey!)
  await store.close()
  return { dir, seed }
}

async function storedSeed(dir: string): Promise<Buffer | null> {
  const storage = new HypercoreStorage(dir)
  try {
    return await storage.getSeed()
  } finally {
    await storage.close()
  }
}

async function seedThrough(dir: string, pad: Buffer): Promise<Buffer> {
  const store = openStore(dir, pad)
  try {
    await store.ready()
    return Buffer.from(store.primaryKey!)
  } finally {
    await store.close()
  }
}

test('store keys: an old store keeps its seed once sealed, and only ciphertext of it lies in the store', async () => {
  const { dir, seed } = await oldStore()
  const pad = randomKey()
  let check: string | null = null
  await sealOldStore(dir, pad, { check, saveCheck: async (c) => void (check = c) })
  expect((await storedSeed(dir))?.equals(seed)).toBe(false)
  expect((await seedThrough(dir, pad)).equals(seed)).toBe(true)
  // Run again, as after a crash before the profile recorded it done: nothing changes.
  await sealOldStore(dir, pad, { check, saveCheck: async () => expect.fail('check saved twice') })
  expect((await seedThrough(dir, pad)).equals(seed)).toBe(true)
})

test('store keys: sealing stopped after the check was saved picks up where it stopped', async () => {
  const { dir, seed } = await oldStore()
  const pad = randomKey()
  let check: string | null = null
  const crash = sealOldStore(dir, pad, {
    check,
    saveCheck: async (c) => {
      check = c
      throw new Error('power cut')
    }
  })
  await expect(crash).rejects.toThrow('power cut')
  expect((await storedSeed(dir))?.equals(seed)).toBe(true)
  await sealOldStore(dir, pad, { check, saveCheck: async () => expect.fail('check saved twice') })
  expect((await seedThrough(dir, pad)).equals(seed)).toBe(true)
})

test("store keys: a store sealed under another profile's key is refused, not resealed", async () => {
  const { dir } = await oldStore()
  let check: string | null = null
  await sealOldStore(dir, randomKey(), { check, saveCheck: async (c) => void (check = c) })
  const before = await storedSeed(dir)
  await expect(sealOldStore(dir, randomKey(), { check, saveCheck: async () => undefined })).rejects.toThrow(
    "does not open with this profile's key"
  )
  expect((await storedSeed(dir))?.equals(before!)).toBe(true)
})
