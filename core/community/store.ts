// The Corestore under one community's folder. RocksDB's defaults give every
// store two 64 MB memtables, and a daemon reading a whole community's history
// fills them. Smaller memtables flush to disk sooner; a community's writes are
// small blocks, so they lose little by it. Measured with `npm run bench`
// (joinAtScale, daemonBulkSync): the peak reading 10,001 posts fell from 223
// to 195 MB. Reading 100,001 posts it stayed near 450 MB: that is elsewhere.
//
// Much of the rest was Hyperbee's caches of decoded tree nodes. Without a
// store-wide cache every Hyperbee (the view, Autobase's system view) keeps up
// to 65,536 decoded nodes of its own, and a view grows six blocks a post, so a
// daemon reading a long history fills them all. One bounded cache for the
// whole store caps that. Same-run A/B, daemon reading 30,001 posts while
// another run shared the machine: peak 291 -> 218 MB and 312 -> 219 MB, with
// no slower pages (feed page median 10.6 -> 5.4 ms, full history 77 -> 73 s).
//
// The store's seed, from which every key pair of this device in the community
// derives, is kept sealed under the profile key (see store-keys.ts).
import Corestore from 'corestore'
import HypercoreStorage from 'hypercore-storage'
import Rache from 'rache'
import { sealedSeeds } from './store-keys.js'

const MEMTABLE_BYTES = 16 * 1024 * 1024
/** Decoded Hyperbee nodes kept in memory per community, for all its views together. */
export const NODE_CACHE_ENTRIES = 4096

/** `seedPad` seals the seed at rest (store-keys.ts); the store itself only ever sees the plain seed. */
export function openStore(dir: string, seedPad: Buffer): Corestore {
  const storage = sealedSeeds(new HypercoreStorage(dir, { writeBufferSize: MEMTABLE_BYTES }), seedPad)
  return new Corestore(storage, { globalCache: new Rache({ maxSize: NODE_CACHE_ENTRIES }) })
}
