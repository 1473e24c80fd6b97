// One member appending junk every peer must keep: apply caps what it keeps
// from one member (core/view/quota.ts) and peers clear refused blocks from
// disk once signed (core/community/sweeper.ts).
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import hcrypto from 'hypercore-crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { LIMITS } from '../core/domain/limits.js'
import type { MetaRecord } from '../core/view/records.js'
import type { RefusedRecord } from '../core/view/quota.js'
import { Lab, community, feedIds, hasPost, until, viewDump, postSeen } from './support/peers.js'
import type { Peer } from './support/peers.js'

const lab = new Lab()
let ash: Peer, bo: Peer, mal: Peer
beforeAll(async () => {
  await lab.start()
  ;[ash, bo, mal] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
})
afterAll(() => lab.stop())

const MB = 1024 * 1024

/** Appends raw blocks to a member's own writer, bypassing every check the RPC makes. */
async function appendRaw(peer: Peer, communityId: string, blocks: (string | object)[]): Promise<void> {
  const bytes = blocks.map((b) => Buffer.from(typeof b === 'string' ? b : JSON.stringify(b)))
  await peer.engine.get(communityId).base.append(bytes)
}

/** A private line of the largest size apply accepts, sealed for nobody in particular. */
function maxSealed(): object {
  return {
    v: 2,
    type: 'private/send',
    tag: hcrypto.randomBytes(16).toString('hex'),
    nonce: hcrypto.randomBytes(24).toString('hex'),
    sealed: hcrypto.randomBytes((LIMITS.sealed / 4) * 3).toString('base64')
  }
}

function post(text: string): { v: number; type: 'post/create'; id: string } & Record<string, unknown> {
  const id = hcrypto.randomBytes(8).toString('hex')
  return {
    v: 1,
    type: 'post/create',
    id,
    topic: 'general',
    replyTo: null,
    mode: 'share',
    note: null,
    text,
    at: 1
  }
}

/**
 * Bytes of the files under `dir`, as `du --apparent-size` counts them. RocksDB
 * preallocates its write-ahead log (about 70 MB allocated, nearly all empty),
 * so allocated blocks would measure the allocator rather than what is kept.
 */
async function du(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) total += await du(path)
    else
      total += await stat(path).then(
        (s) => s.size,
        () => 0 // a file compaction just removed
      )
  }
  return total
}

/**
 * What a peer keeps of the community on disk. RocksDB holds cleared blocks in
 * its write-ahead log and older tables until it compacts them, which it does in
 * its own time; compacting first measures what is kept, not when RocksDB last ran.
 */
async function diskOf(peer: Peer, id: string): Promise<number> {
  const community = peer.engine.get(id)
  await community.store.storage.compact()
  return du(community.dir)
}
/** The community folder's largest files, for a failure's message. */
async function largest(peer: Peer, id: string): Promise<string> {
  const dir = peer.engine.get(id).dir
  const sizes: [string, number][] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    sizes.push([
      path.slice(dir.length + 1),
      await stat(path).then(
        (s) => s.size,
        () => 0
      )
    ])
  }
  return sizes
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, size]) => `${name} ${(size / MB).toFixed(1)} MB`)
    .join(', ')
}
const writerOf = (peer: Peer, id: string): string => peer.engine.get(id).me

async function refusedOf(peer: Peer, id: string, writer: string): Promise<RefusedRecord> {
  const entry = await peer.engine.get(id).base.view.get(`refused/${writer}`)
  return entry ? (entry.value as RefusedRecord) : []
}

async function metaOf(peer: Peer, id: string): Promise<MetaRecord> {
  return (await peer.engine.get(id).base.view.get('meta'))!.value as MetaRecord
}

/** The block indexes of `writer`'s log that `peer` still holds, among `indexes`. */
async function held(peer: Peer, id: string, writer: string, indexes: number[]): Promise<number[]> {
  const core = peer.engine.get(id).store.get({ key: Buffer.from(writer, 'hex'), active: false })
  await core.ready()
  try {
    const out: number[] = []
    for (const i of indexes) if (await core.has(i)) out.push(i)
    return out
  } finally {
    await core.close()
  }
}

async function identicalViews(peers: Peer[], id: string): Promise<string> {
  return until(peers, async () => {
    const dumps = await Promise.all(peers.map((p) => viewDump(p, id)))
    return dumps.every((d) => d === dumps[0]) ? dumps[0]! : false
  })
}

test('flood: 1,000 maximum-size private lines from one member cost each honest peer under 10 MB, and peers clear the refused blocks once signed', async () => {
  const id = await community(ash, [bo, mal])
  const honest = [ash, bo]
  const { id: start } = await ash.rpc.call('posts.create', { communityId: id, text: 'Before.' })
  await until([ash, bo, mal], async () =>
    (await Promise.all([bo, mal].map((p) => hasPost(p, id, start)))).every(Boolean)
  )
  const before = await Promise.all(honest.map((p) => diskOf(p, id)))

  const malKey = writerOf(mal, id)
  const first = mal.engine.get(id).base.local.length
  for (let i = 0; i < 10; i++) await appendRaw(mal, id, Array.from({ length: 100 }, maxSealed))
  const { id: marker } = await mal.rpc.call('posts.create', { communityId: id, text: 'Still here.' })
  await until(
    honest,
    async () => (await Promise.all(honest.map((p) => hasPost(p, id, marker)))).every(Boolean),
    60_000
  )

  // Every peer kept the same few lines and refused the rest.
  const metas = await Promise.all([ash, bo, mal].map((p) => metaOf(p, id)))
  expect(new Set(metas.map((m) => m.sealed)).size).toBe(1)
  expect(metas[0]!.sealed).toBeLessThan(100)
  const refused = (await refusedOf(ash, id, malKey)).flatMap(([s, e]) =>
    Array.from({ length: e - s }, (_, k) => s + k)
  )
  const flood = refused.filter((i) => i >= first && i < first + 1000)
  expect(flood.length).toBeGreaterThan(900)

  // Once the community has moved on past the margin, honest peers hold none of those blocks.
  // Ash writes on a few posts at a time whenever everything so far is signed, as a live community would.
  let moving = 0
  await until(
    honest,
    async () => {
      const still = await Promise.all(honest.map((p) => held(p, id, malKey, flood)))
      if (still.every((s) => s.length === 0) && honest.every((p) => p.engine.get(id).sweeper.settled))
        return true
      const view = ash.engine.get(id).base.view.core
      if (view.signedLength < view.length) return false
      for (let k = 0; k < 4; k++)
        await ash.rpc.call('posts.create', { communityId: id, text: `Moving on ${++moving}.` })
      return false
    },
    60_000
  )
  // The flooder's own device keeps its own log.
  expect(await held(mal, id, malKey, flood.slice(0, 10))).toHaveLength(10)

  // RocksDB deletes what a compaction made obsolete (blob files collected, a write-ahead log no longer
  // needed) in the background: look until it has, within a bound, rather than once while it may be midway.
  let after: number[] = []
  let growth: number[] = []
  await until(
    honest,
    async () => {
      after = await Promise.all(honest.map((p) => diskOf(p, id)))
      growth = after.map((a, i) => a - before[i]!)
      return growth.every((g) => g < 10 * MB)
    },
    30_000
  ).catch(() => undefined)
  console.log(
    `flood: ${honest
      .map(
        (_, i) =>
          `peer ${i + 1} ${(before[i]! / MB).toFixed(1)} -> ${(after[i]! / MB).toFixed(1)} MB (+${(growth[i]! / MB).toFixed(1)} MB)`
      )
      .join(
        ', '
      )}; ${metas[0]!.sealed} lines kept, ${flood.length} refused and cleared, ${moving} posts to move on`
  )
  // RocksDB decides when freed space goes back; if it has not, say which files hold it.
  for (const [i, g] of growth.entries())
    if (g >= 10 * MB) console.log(`flood: peer ${i + 1} still holds ${await largest(honest[i]!, id)}`)
  for (const g of growth) expect(g).toBeLessThan(10 * MB)
})

test('flood: ops hiding fields under "__proto__", plain or escaped, are refused', async () => {
  const id = await community(ash, [mal])
  const ashKey = writerOf(ash, id)
  const plain = post('hidden author')
  const escaped = post('hidden author, escaped')
  const nested = post('hidden in a resource')
  const hide = (op: object, key: string) =>
    JSON.stringify(op).replace(/}$/, `,"${key}":{"author":"${ashKey}","junk":"${'z'.repeat(2000)}"}}`)
  await appendRaw(mal, id, [
    hide(plain, '__proto__'),
    hide(escaped, '\\u005f_proto__'),
    JSON.stringify({
      ...nested,
      topic: 'resources',
      resource: { kind: 'other', name: 'x', contact: null }
    }).replace(/"contact":null}/, `"contact":null,"__proto__":{"junk":1}}`)
  ])
  await postSeen(mal, [ash], id, 'After.')
  for (const peer of [ash, mal]) {
    for (const op of [plain, escaped, nested]) expect(await hasPost(peer, id, op.id)).toBe(false)
  }
  await identicalViews([ash, mal], id)
})

test("flood: posts over a member's budget and an op over the size cap are refused identically on every peer", async () => {
  const id = await community(ash, [bo, mal])
  const peers = [ash, bo, mal]
  const malKey = writerOf(mal, id)
  // A valid post padded out past the size cap: its fields are fine, its bytes are not.
  const padded = post('Padded.')
  const oversized = JSON.stringify(padded).replace('{', `{${' '.repeat(LIMITS.opBytes)}`)
  const big = Array.from({ length: 50 }, () => post('水'.repeat(LIMITS.postText)))
  await appendRaw(mal, id, [oversized])
  for (let i = 0; i < big.length; i += 10) await appendRaw(mal, id, big.slice(i, i + 10))
  // Private lines have a budget of their own: a short one read on every peer shows the posts were read too.
  await appendRaw(mal, id, [{ ...maxSealed(), sealed: 'AAAA' }])
  await until(
    peers,
    async () => (await Promise.all(peers.map((p) => metaOf(p, id)))).every((m) => m.sealed === 1),
    60_000
  )
  await identicalViews(peers, id)
  expect((await refusedOf(ash, id, malKey)).length).toBeGreaterThan(0)

  for (const peer of peers) {
    expect(await hasPost(peer, id, padded.id)).toBe(false)
    const feed = new Set(await feedIds(peer, id))
    const kept = big.filter((p) => feed.has(p.id)).length
    expect(kept).toBeGreaterThan(10)
    expect(kept).toBeLessThan(big.length)
    // The first posts are kept and the rest refused, the same on every peer.
    expect(big.slice(0, kept).every((p) => feed.has(p.id))).toBe(true)
  }
})

test('flood: a community founded before op version 3 keeps the old rules', async () => {
  const old = await lab.peer({ foundAtVersion: 2 })
  const [legacy, current] = await Promise.all([
    community(old, [mal], 'Old owls'),
    community(ash, [bo, mal], 'New owls')
  ])
  const runs = [
    { id: legacy, other: old },
    { id: current, other: ash }
  ]
  const padded = runs.map(() => post('Padded.'))
  const markers = await Promise.all(
    runs.map(async ({ id }, i) => {
      await appendRaw(mal, id, [JSON.stringify(padded[i]).replace('{', `{${' '.repeat(LIMITS.opBytes)}`)])
      await appendRaw(mal, id, Array.from({ length: 12 }, maxSealed))
      return (await mal.rpc.call('posts.create', { communityId: id, text: 'Marker.' })).id
    })
  )
  await until([old, ash, mal], async () => {
    const seen = await Promise.all(runs.map(({ id, other }, i) => hasPost(other, id, markers[i]!)))
    return seen.every(Boolean)
  })
  const [oldMeta, newMeta] = await Promise.all(runs.map(({ id, other }) => metaOf(other, id)))
  expect(oldMeta!.version).toBeUndefined()
  expect(oldMeta!.sealed).toBe(12)
  expect(await hasPost(old, legacy, padded[0]!.id)).toBe(true)
  expect((await old.engine.get(legacy).base.view.get(`quota/${writerOf(mal, legacy)}`)) ?? null).toBeNull()
  expect(newMeta!.sealed).toBeLessThan(12)
  expect(await hasPost(ash, current, padded[1]!.id)).toBe(false)
})
