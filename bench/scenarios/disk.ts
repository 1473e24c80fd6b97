// What a member keeps on disk: the size of every file in its storage folder.
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import Corestore from 'corestore'

async function dirBytes(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size
  }
  return total
}

/**
 * A stopped member's folder as it is (`asLeft`), then once every Corestore in
 * it has been opened again and compacted (`compacted`). Until RocksDB flushes
 * it, most of what was written sits in the write-ahead log, overwrites and
 * all; opening flushes the log into sorted tables, so `compacted` is the data
 * the member holds.
 */
export async function diskBytes(dir: string): Promise<{ asLeft: number; compacted: number }> {
  const asLeft = await dirBytes(dir)
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name !== 'CORESTORE') continue
    const store = new Corestore(entry.parentPath)
    await store.ready()
    await store.storage.compact()
    await store.close()
  }
  return { asLeft, compacted: await dirBytes(dir) }
}
