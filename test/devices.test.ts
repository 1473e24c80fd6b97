// One member on two devices: linking with a one-time code, counting the
// member once, and revoking a lost device. Real engines on a local testnet.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { Lab, community, hasPost, link, until, postSeen } from './support/peers.js'
import type { Peer } from './support/peers.js'

const lab = new Lab()
beforeAll(() => lab.start())
afterAll(() => lab.stop())

test('devices: a linked device writes as the same member, and reactions and consent count that member once', async () => {
  const [ash, cleo, laptop] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
  const id = await community(ash, [cleo])
  const linked = await link(ash, laptop, 'laptop')
  expect(linked.communities).toEqual([id])

  // The laptop writes as Ash: same id, same name, and still two members.
  const ashId = (await ash.rpc.call('members.list', { communityId: id })).find((m) => m.isMe)?.id
  const { id: postId } = await laptop.rpc.call('posts.create', {
    communityId: id,
    text: 'Written on my laptop'
  })
  await until([cleo], () => hasPost(cleo, id, postId))
  const post = await cleo.rpc.call('posts.get', { communityId: id, postId })
  expect(post.authorId).toBe(ashId)
  expect(post.author).toBe('Ash')
  const members = await cleo.rpc.call('members.list', { communityId: id })
  expect(
    members
      .filter((m) => !m.left)
      .map((m) => m.name)
      .sort()
  ).toEqual(['Ash', 'Member 1'])
  expect((await laptop.rpc.call('posts.get', { communityId: id, postId })).mine).toBe(true)

  // The same reaction from both of Ash's devices counts once.
  const { id: cleoPost } = await cleo.rpc.call('posts.create', { communityId: id, text: 'A hard week' })
  await until([ash, laptop], async () => (await hasPost(ash, id, cleoPost)) && hasPost(laptop, id, cleoPost))
  await ash.rpc.call('reactions.add', { communityId: id, postId: cleoPost, kind: 'me-too' })
  await laptop.rpc.call('reactions.add', { communityId: id, postId: cleoPost, kind: 'hear-you' })
  await until([laptop], async () => {
    const seen = await laptop.rpc.call('posts.get', { communityId: id, postId: cleoPost })
    return seen.reactions['me-too'] === 1 && seen.myReactions.includes('me-too')
  })
  await laptop.rpc.call('reactions.add', { communityId: id, postId: cleoPost, kind: 'me-too' })
  await until([cleo], async () => {
    const seen = await cleo.rpc.call('posts.get', { communityId: id, postId: cleoPost })
    return seen.reactions['hear-you'] === 1 && seen.reactions['me-too'] === 1
  })

  // A proposal counts Ash once, whichever device answers.
  const { id: proposalId } = await cleo.rpc.call('proposals.create', {
    communityId: id,
    change: { kind: 'settings', settings: { flagsToHide: 3 } },
    reason: 'Fewer flags should hide a post'
  })
  await until([ash, laptop], async () =>
    (await laptop.rpc.call('proposals.list', { communityId: id })).some((p) => p.id === proposalId)
  )
  await laptop.rpc.call('proposals.respond', {
    communityId: id,
    proposalId,
    stance: 'object',
    note: 'Not yet'
  })
  await until(
    [ash],
    async () => (await ash.rpc.call('proposals.get', { communityId: id, proposalId })).objections === 1
  )
  await ash.rpc.call('proposals.respond', { communityId: id, proposalId, stance: 'consent' })
  const settled = await until([cleo], async () => {
    const p = await cleo.rpc.call('proposals.get', { communityId: id, proposalId })
    return p.status === 'adopted' ? p : false
  })
  const fromAsh = settled.responses.filter((r) => r.memberId === ashId)
  expect(fromAsh.map((r) => r.stance)).toEqual(['consent'])
  expect(settled.responses).toHaveLength(2)

  // Both devices are listed on each, by the names they were given.
  const onAsh = await ash.rpc.call('devices.list', {})
  expect(onAsh.map((d) => [d.name, d.thisDevice, d.revoked])).toEqual([
    ['first device', true, false],
    ['laptop', false, false]
  ])
  const onLaptop = await laptop.rpc.call('devices.list', {})
  expect(onLaptop.map((d) => [d.name, d.thisDevice])).toEqual([
    ['laptop', true],
    ['first device', false]
  ])
  // Either device renames either; the new name reaches the other.
  const first = onLaptop.find((d) => !d.thisDevice)
  if (!first) throw new Error('the first device is not listed')
  await laptop.rpc.call('devices.rename', { id: first.id, name: 'desktop at home' })
  await until([ash], async () =>
    (await ash.rpc.call('devices.list', {})).some((d) => d.thisDevice && d.name === 'desktop at home')
  )
})

test('devices: a revoked device is refused by its peers, cannot write, and is told why', async () => {
  const [ash, cleo, laptop] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
  const id = await community(ash, [cleo])
  await link(ash, laptop, 'laptop')
  await until(
    [laptop],
    async () => (await laptop.rpc.call('sync.status', { communityId: id }))[0]?.peers === 2
  )

  const lost = (await ash.rpc.call('devices.list', {})).find((d) => d.name === 'laptop')
  if (!lost) throw new Error('the laptop is not listed')
  await ash.rpc.call('devices.revoke', { id: lost.id })

  const told = await until([laptop], async () => {
    const [status] = await laptop.rpc.call('sync.status', { communityId: id })
    return status?.revoked && status.peers === 0 ? status : false
  })
  expect(told.writable).toBe(false)
  await expect(
    laptop.rpc.call('posts.create', { communityId: id, text: 'Still here?' })
  ).rejects.toMatchObject({
    code: 'device-revoked'
  })
  // Ash's first device and Cleo go on as before; the list shows the laptop revoked.
  await postSeen(ash, [cleo], id, 'Lost my laptop')
  const listed = await ash.rpc.call('devices.list', {})
  expect(listed.find((d) => d.id === lost.id)?.revoked).toBe(true)
})

test('devices: a linked device stays the same member after a restart, and a member removed by consent is removed on every device', async () => {
  const [ash, cleo, dee, deeLaptop] = await Promise.all([lab.peer(), lab.peer(), lab.peer(), lab.peer()])
  const id = await community(ash, [cleo, dee])
  const deeId = dee.engine.get(id).me
  await link(dee, deeLaptop, 'laptop')

  // Restarted, the laptop still writes as Dee.
  await lab.closePeer(deeLaptop)
  const again = await lab.peer({ storage: deeLaptop.dir })
  const { id: postId } = await until([again], async () =>
    again.rpc
      .call('posts.create', { communityId: id, text: 'Back after a restart' })
      .catch(() => false as const)
  )
  await until([cleo], () => hasPost(cleo, id, postId))
  expect((await cleo.rpc.call('posts.get', { communityId: id, postId })).authorId).toBe(deeId)

  // The others remove Dee: both of Dee's devices stop writing, and peers stop syncing with either.
  const { id: proposalId } = await ash.rpc.call('proposals.create', {
    communityId: id,
    change: { kind: 'removal', member: deeId },
    reason: 'Repeated messages that scared people, after we asked to stop.'
  })
  await until([cleo], async () =>
    (await cleo.rpc.call('proposals.list', { communityId: id })).some((p) => p.id === proposalId)
  )
  await cleo.rpc.call('proposals.respond', { communityId: id, proposalId, stance: 'consent' })
  for (const device of [dee, again]) {
    await until(
      [device],
      async () => (await device.rpc.call('sync.status', { communityId: id }))[0]?.peers === 0
    )
    await expect(
      device.rpc.call('posts.create', { communityId: id, text: 'Still here' })
    ).rejects.toMatchObject({
      code: 'not-allowed'
    })
  }
  const members = await ash.rpc.call('members.list', { communityId: id })
  expect(members.find((m) => m.id === deeId)?.removed).toBe(true)
})

test('devices: revoking the device that signs the order hands that place to another of the member’s devices, and a revoked device’s recovery phrase goes with it', async () => {
  const [ash, bo, cy, laptop] = await Promise.all([lab.peer(), lab.peer(), lab.peer(), lab.peer()])
  const id = await community(ash, [bo, cy])
  const ashId = ash.engine.get(id).me
  const indexersOn = (peer: Peer) =>
    peer.engine
      .get(id)
      .base.system?.indexers.map((i) => i.key.toString('hex'))
      .sort() ?? []
  const before = await until([ash], async () => (indexersOn(ash).length === 3 ? indexersOn(ash) : false))
  expect(before).toContain(ashId)
  await link(ash, laptop, 'laptop')
  const laptopWriter = laptop.engine.get(id).writerKey

  // Ash moves to the laptop for good and revokes the first device from it: the laptop takes its place.
  const first = (await laptop.rpc.call('devices.list', {})).find((d) => !d.thisDevice)
  if (!first) throw new Error('the first device is not listed')
  await laptop.rpc.call('devices.revoke', { id: first.id })
  const after = await until([laptop, bo], async () => {
    const keys = indexersOn(bo)
    return keys.length === 3 && keys.includes(laptopWriter) ? keys : false
  })
  expect(after).not.toContain(ashId)
  // Bo and Cy with the laptop sign the order: the laptop's post is confirmed.
  await laptop.rpc.call('posts.create', { communityId: id, text: 'On the laptop now' })
  await until(
    [laptop],
    async () => (await laptop.rpc.call('sync.status', { communityId: id }))[0]?.posts.confirmed === 1
  )

  // A phrase recorded from a device that is then revoked stops naming Ash: whoever holds that device cannot come back with it.
  const phone = await lab.peer()
  await link(laptop, phone, 'phone')
  await phone.rpc.call('devices.recoveryPhrase', { backup: false })
  await until([laptop], async () => (await laptop.engine.get(id).reader().recoveryKeyOf(ashId)) !== null)
  const lost = (await laptop.rpc.call('devices.list', {})).find((d) => d.name === 'phone')
  if (!lost) throw new Error('the phone is not listed')
  await laptop.rpc.call('devices.revoke', { id: lost.id })
  await until([laptop], async () => (await laptop.engine.get(id).reader().recoveryKeyOf(ashId)) === null)
})
