// The Corestore under one community's folder. RocksDB's defaults give every
// store two 64 MB memtables, and a daemon reading a whole community's history
// fills them. Smaller memtables flush to disk sooner; a community's writes are
// small blocks, so they lose little by it. Measured with `npm run bench`
// (joinAtScale, daemonBulkSync): the peak reading 10,001 posts fell from 223
// to 195 MB. Reading 100,001 posts it stayed near 450 MB: that is elsewhere.
import Corestore from 'corestore'
import HypercoreStorage from 'hypercore-storage'

const MEMTABLE_BYTES = 16 * 1024 * 1024

export function openStore(dir: string): Corestore {
  return new Corestore(new HypercoreStorage(dir, { writeBufferSize: MEMTABLE_BYTES }))
}
