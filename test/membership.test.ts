import { afterAll, beforeAll, expect, test } from 'vitest'
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Lab, until, community, viewDump, postSeen } from './support/peers.js'
import type { Peer } from './support/peers.js'

const lab = new Lab()
beforeAll(() => lab.start())
afterAll(() => lab.stop())

const isIndexer = async (by: Peer, id: string, member: Peer) =>
  (await by.engine.get(id).reader().member(member.engine.get(id).me))?.indexer ?? false

test('indexers: the founder and the earliest members order the log, up to three; everyone after writes as a non-indexer', async () => {
  const peers = await Promise.all([lab.peer(), lab.peer(), lab.peer(), lab.peer(), lab.peer()])
  const [ash, ...others] = peers as [Peer, ...Peer[]]
  const id = await community(ash, others)
  await until(peers, async () => {
    const dumps = await Promise.all(peers.map((p) => viewDump(p, id)))
    return dumps.every((d) => d === dumps[0])
  })
  const flags = await Promise.all(peers.map((p) => isIndexer(ash, id, p)))
  expect(flags).toEqual([true, true, true, false, false])
  await until(peers, async () => peers.every((p, i) => p.engine.get(id).base.isIndexer === flags[i]))
})

test('leave: a member steps out, stops being a writer, loses the local copy, and the earliest remaining member refills the indexers', async () => {
  const peers = await Promise.all([lab.peer(), lab.peer(), lab.peer(), lab.peer()])
  const [ash, bo, cy, dee] = peers as [Peer, Peer, Peer, Peer]
  const id = await community(ash, [bo, cy, dee])
  expect(await isIndexer(ash, id, dee)).toBe(false)
  const boKey = bo.engine.get(id).me
  const folders = await readdir(join(bo.dir, 'communities'))
  expect(folders).toHaveLength(1)

  await bo.rpc.call('communities.leave', { communityId: id })

  expect(await bo.rpc.call('communities.list', {})).toEqual([])
  expect(existsSync(join(bo.dir, 'communities', folders[0]!))).toBe(false)
  await until([ash], async () => (await ash.engine.get(id).reader().member(boKey))?.left === true)
  const members = await ash.rpc.call('members.list', { communityId: id })
  expect(members.filter((m) => !m.left).map((m) => m.name)).toEqual(['Ash', 'Member 2', 'Member 3'])
  // Sync status counts who is here now, not everyone who ever was.
  expect((await ash.rpc.call('sync.status', { communityId: id }))[0]).toMatchObject({ knownMembers: 3 })
  await until([ash, dee], async () => (await isIndexer(ash, id, dee)) && dee.engine.get(id).base.isIndexer)
  // The community carries on without them.
  await postSeen(dee, [ash], id, 'We miss Bo.')
})
