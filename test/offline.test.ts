import { afterAll, beforeAll, expect, test } from 'vitest'
import { Lab, until, feedIds, community, sameView } from './support/peers.js'
import type { Peer } from './support/peers.js'

const lab = new Lab()
let peers: Peer[]
beforeAll(async () => {
  await lab.start()
  peers = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
})
afterAll(() => lab.stop())

async function writeMany(peer: Peer, communityId: string, label: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await peer.rpc.call('posts.create', { communityId, text: `${label} ${i}` })
}

test('offline: a member writes 50 posts while apart, the others 50 each, and all converge on the same 150 in the same order', async () => {
  const [ash, bo, away] = peers as [Peer, Peer, Peer]
  const id = await community(ash, [bo, away])

  await away.rpc.call('network.setOnline', { online: false })
  const [status] = await away.rpc.call('sync.status', { communityId: id })
  expect(status).toMatchObject({ online: false, peers: 0, writable: true })

  // Writing offline is local and immediate.
  await Promise.all([
    writeMany(away, id, 'away', 50),
    writeMany(ash, id, 'ash', 50),
    writeMany(bo, id, 'bo', 50)
  ])
  expect(await feedIds(away, id)).toHaveLength(50)
  const awayStates = (await away.rpc.call('posts.feed', { communityId: id, limit: 50 })).posts.map(
    (p) => p.state
  )
  expect(new Set(awayStates)).toEqual(new Set(['local']))

  const started = Date.now()
  await away.rpc.call('network.setOnline', { online: true })
  const converged = await until(
    peers,
    async () => {
      const feeds = await Promise.all(peers.map((p) => feedIds(p, id)))
      const same = feeds.every((f) => f.length === 150 && f.join() === feeds[0]!.join())
      return same ? feeds[0]! : false
    },
    60_000
  )
  console.log(`offline: 3 peers converged on 150 posts ${Date.now() - started} ms after reconnect`)

  expect(new Set(converged).size).toBe(150)
  const texts = (await away.rpc.call('posts.feed', { communityId: id, limit: 200 })).posts.map((p) => p.text)
  for (const label of ['away', 'ash', 'bo']) {
    const mine = texts.filter((t) => t.startsWith(label + ' '))
    expect(new Set(mine).size).toBe(50)
  }
  await sameView(peers, id)
  // Back online, the away member's posts reach the others.
  await until(peers, async () => {
    const states = (await away.rpc.call('posts.feed', { communityId: id, limit: 200 })).posts
      .filter((p) => p.mine)
      .map((p) => p.state)
    return states.every((s) => s !== 'local')
  })
})
