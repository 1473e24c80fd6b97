// Members find every other member, not just the first ones they meet, and
// `peers` counts members proven on their connection, not raw connections.
// Real engines on a local testnet, all in this process.
import hcrypto from 'hypercore-crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createSwarm } from '../core/network.js'
import { Lab, agree, community, until } from './support/peers.js'
import type { Peer } from './support/peers.js'

/** Each peer's proven links in the community: the member ids it is linked to, and its `peers` figure. */
async function links(
  peer: Peer,
  communityId: string
): Promise<{ me: string; linked: Set<string>; peers: number }> {
  const report = await peer.rpc.call('network.connections', { communityId })
  const [status] = await peer.rpc.call('sync.status', { communityId })
  const linked = new Set(report.connections.map((c) => c.member).filter((m): m is string => m !== null))
  return { me: report.me, linked, peers: status?.peers ?? -1 }
}

/** Resolves once every peer is linked to every other and counts exactly them as its peers. */
function meshed(peers: Peer[], communityId: string, ms = 30_000) {
  return until(
    peers,
    async () => {
      const all = await Promise.all(peers.map((p) => links(p, communityId)))
      const complete = all.every(
        (a) => a.peers === peers.length - 1 && all.every((b) => b.me === a.me || a.linked.has(b.me))
      )
      return complete ? all : false
    },
    ms
  )
}

describe('mesh', () => {
  const lab = new Lab()
  let ash: Peer, bo: Peer, cy: Peer, di: Peer, ed: Peer
  let id: string

  beforeAll(async () => {
    await lab.start()
    ;[ash, bo, cy, di, ed] = await Promise.all([lab.peer(), lab.peer(), lab.peer(), lab.peer(), lab.peer()])
    id = await community(ash, [bo, cy, di])
  })
  afterAll(() => lab.stop())

  test('mesh: two members coming back at the same moment each find the other, not only the members already there', async () => {
    await meshed([ash, bo, cy, di], id)
    await Promise.all([bo, cy].map((p) => p.rpc.call('network.setOnline', { online: false })))
    await until(
      [ash, di],
      async () => (await links(ash, id)).peers === 1 && (await links(di, id)).peers === 1
    )
    // Each looks up the community while the other is still announcing, so the first look finds
    // Ash and Di but not each other; linked to some members, each keeps looking for the rest.
    await Promise.all([bo, cy].map((p) => p.rpc.call('network.setOnline', { online: true })))
    await meshed([ash, bo, cy, di], id, 20_000)
  })

  test('mesh: a newcomer joining late ends up linked to every member, and every member to it', async () => {
    const { invite } = await di.rpc.call('invites.create', { communityId: id })
    await ed.rpc.call('communities.join', { invite, displayName: 'Ed' })
    await agree(ed, id)
    const all = await meshed([ash, bo, cy, di, ed], id, 20_000)
    expect(all.map((a) => a.peers)).toEqual([4, 4, 4, 4, 4])
  })

  test('peers: a connection from someone who proves nothing is not counted as a peer', async () => {
    const keyPair = hcrypto.keyPair()
    const swarm = createSwarm(lab.bootstrap, keyPair)
    try {
      const stranger = keyPair.publicKey.toString('hex')
      swarm.join(ash.engine.get(id).base.discoveryKey, { client: true, server: false })
      // The stranger reaches Ash, who holds its connection open a moment without it proving anything.
      const seen = await until([ash], async () => {
        const report = await ash.rpc.call('network.connections', { communityId: id })
        const conn = report.connections.find((c) => c.remote === stranger)
        return conn ? conn : false
      })
      expect(seen.member).toBeNull()
      expect((await links(ash, id)).peers).toBe(4)
    } finally {
      await swarm.destroy()
    }
  })
})
