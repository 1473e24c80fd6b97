import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Hyperbee from 'hyperbee'
import { expect, test } from 'vitest'
import { randomKey } from '../profile/sealed.js'
import { NODE_CACHE_ENTRIES, openStore } from './store.js'

test('store: a long history read through Hyperbee keeps a bounded number of decoded nodes in memory', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mutual-store-'))
  const store = openStore(dir, randomKey())
  const bee = new Hyperbee(store.get({ name: 'view' }), { keyEncoding: 'utf-8', valueEncoding: 'json' })
  try {
    await bee.ready()
    // More entries than the cache holds, each its own block, as a view's posts are.
    const entries = NODE_CACHE_ENTRIES * 1.5
    const batch = bee.batch()
    for (let i = 0; i < entries; i++)
      await batch.put(`post/${String(i).padStart(6, '0')}`, { text: 'x'.repeat(200) })
    await batch.flush()
    let read = 0
    for await (const entry of bee.createReadStream()) if (entry.value) read++
    expect(read).toBe(entries)
    const cache = store.globalCache
    expect(cache).not.toBeNull()
    // Hyperbee used the store's cache (it is not empty) and it stayed within its bound.
    expect(cache!.globalSize).toBeGreaterThan(0)
    expect(cache!.globalSize).toBeLessThanOrEqual(NODE_CACHE_ENTRIES)
  } finally {
    await bee.close()
    await store.close()
    await rm(dir, { recursive: true, force: true })
  }
})
