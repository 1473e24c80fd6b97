// One name per current member (op version 3), tried the way an attacker would:
// ops appended straight to their own writer, past every check the RPC makes.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { Lab, agree, community, hasPost, until, sameView } from './support/peers.js'
import type { Peer } from './support/peers.js'

const lab = new Lab()
beforeAll(() => lab.start())
afterAll(() => lab.stop())

/** Appends a name change to a member's own writer, bypassing every check the RPC makes. */
async function rename(peer: Peer, communityId: string, displayName: string, color: string | null = null) {
  const op = { v: 1, type: 'profile/set', displayName, color }
  await peer.engine.get(communityId).base.append(Buffer.from(JSON.stringify(op)))
}

/** Posts through `peer` and waits until every peer has applied it, and so everything `peer` wrote before. */
async function settle(peers: Peer[], communityId: string, by: Peer, text: string): Promise<string> {
  const { id } = await by.rpc.call('posts.create', { communityId, text })
  await until(peers, async () =>
    (await Promise.all(peers.map((p) => hasPost(p, communityId, id)))).every(Boolean)
  )
  return id
}

async function names(peer: Peer, communityId: string) {
  const members = await peer.rpc.call('members.list', { communityId })
  return members.map((m) => ({ name: m.name, color: m.color, marker: m.marker, left: m.left }))
}

test("names: a look-alike of a current member's name is refused on every peer", async () => {
  const [ash, bo, mal] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
  const peers = [ash, bo, mal]
  const id = await community(ash, [bo, mal])
  const early = await settle(peers, id, mal, 'Hello, I am new here.')
  const before = await names(ash, id)
  expect(before.map((m) => m.name)).toEqual(['Ash', 'Member 1', 'Member 2'])

  for (const lookAlike of [
    'Ash',
    'ASH',
    'ash',
    '\u0410sh', // Cyrillic capital A
    '\u0410\u0455\u04bb', // Cyrillic А, ѕ, һ
    'A\u200bsh', // zero-width space
    '\ufeffAsh\u200d', // byte order mark, zero-width joiner
    'A\u0301sh', // combining accent
    'Ash ',
    '\uff21\uff53\uff48', // full-width
    'Member 1' // not only the founder's name
  ]) {
    await rename(mal, id, lookAlike, '#aa0000')
  }
  const late = await settle(peers, id, mal, 'Still me.')

  for (const peer of peers) {
    // The whole op is refused: name and colour stay as they were.
    expect(await names(peer, id)).toEqual(before)
    for (const postId of [early, late]) {
      const post = await peer.rpc.call('posts.get', { communityId: id, postId })
      expect(post).toMatchObject({ author: 'Member 2', authorMarker: before[2]!.marker })
    }
  }
  expect(new Set(before.map((m) => m.marker)).size).toBe(3)
  await sameView(peers, id)
})

test('names: a fresh name is accepted, a look-alike of it is then refused, and the old name is free again', async () => {
  const [ash, bo, mal] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
  const peers = [ash, bo, mal]
  const id = await community(ash, [bo, mal])

  await rename(mal, id, 'Robin', '#3a7bd5')
  await settle(peers, id, mal, 'Call me Robin.')
  await rename(bo, id, 'R\u043eBIN') // Cyrillic о
  await settle(peers, id, bo, 'Trying a name.')
  for (const peer of peers) {
    expect((await names(peer, id)).map((m) => [m.name, m.color])).toEqual([
      ['Ash', null],
      ['Member 1', null],
      ['Robin', '#3a7bd5']
    ])
  }

  // Robin let go of "Member 2" by taking a new name.
  await rename(bo, id, 'member 2')
  await settle(peers, id, bo, 'Trying another.')
  for (const peer of peers)
    expect((await names(peer, id)).map((m) => m.name)).toEqual(['Ash', 'member 2', 'Robin'])
  await sameView(peers, id)
})

test('names: a name freed by a member who left can be taken', async () => {
  const [ash, bo, mal] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
  const peers = [ash, bo]
  const id = await community(ash, [bo, mal])
  // Bo holds Mal's name before asking for it: else Bo's ask may come first in the agreed order.
  await until(
    [...peers, mal],
    async () => (await names(bo, id)).map((m) => m.name).join() === 'Ash,Member 1,Member 2' || false
  )

  await rename(bo, id, 'MEMBER 2')
  await settle([...peers, mal], id, bo, 'Not yet.')
  expect((await names(ash, id)).map((m) => m.name)).toEqual(['Ash', 'Member 1', 'Member 2'])

  await mal.rpc.call('communities.leave', { communityId: id })
  await until(peers, async () => (await Promise.all(peers.map((p) => names(p, id)))).every((l) => l[2]?.left))
  await rename(bo, id, 'MEMBER 2')
  await settle(peers, id, bo, 'Now it is free.')
  for (const peer of peers)
    expect((await names(peer, id)).map((m) => m.name)).toEqual(['Ash', 'MEMBER 2', 'Member 2'])
  await sameView(peers, id)
})

test('names: two members taking the same name at once: the first in the agreed order keeps it, on every peer', async () => {
  const [ash, bo, mal] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
  const peers = [ash, bo, mal]
  const id = await community(ash, [bo, mal])

  await Promise.all([rename(bo, id, 'Sam'), rename(mal, id, 'SAM')])
  await Promise.all([settle(peers, id, bo, 'Bo is done.'), settle(peers, id, mal, 'Mal is done.')])
  await sameView(peers, id)
  const list = (await names(ash, id)).map((m) => m.name)
  expect(list.filter((n) => n === 'Sam' || n === 'SAM')).toHaveLength(1)
  expect(list.filter((n) => n === 'Member 1' || n === 'Member 2')).toHaveLength(1)
})

test("names: the RPC refuses a taken name with code 'name-taken'", async () => {
  const [ash, bo] = await Promise.all([lab.peer(), lab.peer()])
  const id = await community(ash, [bo])
  for (const displayName of ['ASH', '\u0410sh', 'A\u200bsh']) {
    await expect(bo.rpc.call('profile.set', { communityId: id, displayName })).rejects.toMatchObject({
      code: 'name-taken',
      message: 'another member here is already called Ash; please choose a different name'
    })
  }
  await expect(bo.rpc.call('profile.set', { communityId: id, displayName: '\u200b' })).rejects.toMatchObject({
    code: 'bad-request'
  })
  // Your own name, in another case, is still yours.
  await expect(bo.rpc.call('profile.set', { communityId: id, displayName: 'MEMBER 1' })).resolves.toBeTruthy()
  await until([bo], async () => (await names(bo, id))[1]?.name === 'MEMBER 1')
})

test('names: a community founded before op version 3 keeps allowing the same name twice, told apart by markers', async () => {
  const ash = await lab.peer({ foundAtVersion: 2 })
  const bo = await lab.peer()
  const peers = [ash, bo]
  const { id } = await ash.rpc.call('communities.create', { name: 'Old owls', displayName: 'Ash' })
  const { invite } = await ash.rpc.call('invites.create', { communityId: id })
  await bo.rpc.call('communities.join', { invite, displayName: 'Bo' })
  await agree(bo, id)

  // Its rules stay the old ones until the community adopts version 3 by consent.
  await expect(bo.rpc.call('profile.set', { communityId: id, displayName: 'Ash' })).resolves.toBeTruthy()
  await rename(bo, id, '\u0410sh')
  await settle(peers, id, bo, 'Two of us now.')
  for (const peer of peers) {
    const list = await names(peer, id)
    expect(list.map((m) => m.name)).toEqual(['Ash', '\u0410sh'])
    expect(list[0]!.marker).toMatch(/^[ybndrfg8ejkmcpqxot1uwisza345h769]{4}$/)
    expect(list[0]!.marker).not.toBe(list[1]!.marker)
  }
  await sameView(peers, id)
})
