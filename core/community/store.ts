// The Corestore under one community's folder. RocksDB's defaults give every
// store two 64 MB memtables; a daemon reading a whole community's history
// fills them (a peak of 442 MB reading 100,001 posts). Smaller memtables
// flush to disk sooner; a community's writes are small blocks, so they lose
// little by it. Measured with `npm run bench` (joinAtScale, daemonBulkSync).
import Corestore from 'corestore'
import HypercoreStorage from 'hypercore-storage'

const MEMTABLE_BYTES = 16 * 1024 * 1024

export function openStore(dir: string): Corestore {
  return new Corestore(new HypercoreStorage(dir, { writeBufferSize: MEMTABLE_BYTES }))
}
