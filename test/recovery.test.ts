// The recovery phrase: a member who lost every device comes back on a new
// one through any member online; conversations and the plan come back only
// from the backup. Then the attacks: keys that are not the member's, an old
// phrase, a hello that proves nothing. Real engines on a local testnet.
import { afterAll, beforeAll, expect, test } from 'vitest'
import hcrypto from 'hypercore-crypto'
import type Hyperswarm from 'hyperswarm'
import { encodeOp } from '../core/domain/ops.js'
import { readPhrase, recoveryTopic, registerSignable, restoreSignable } from '../core/domain/recovery.js'
import { consentToLink } from '../core/community/my-devices.js'
import { openChannel } from '../core/linking/channel.js'
import { RECOVER_PROTOCOL, recoverHelloSignable } from '../core/linking/recover-channel.js'
import type { RecoverMessage } from '../core/linking/recover-channel.js'
import { createSwarm } from '../core/network.js'
import { Lab, community, hasPost, until } from './support/peers.js'
import type { Peer } from './support/peers.js'
import { PLAN } from './support/plan.js'

const lab = new Lab()
beforeAll(() => lab.start())
afterAll(() => lab.stop())

async function talk(from: Peer, to: Peer, id: string, text: string): Promise<void> {
  const toId = to.engine.get(id).me
  await until([from], async () =>
    from.rpc.call('conversations.send', { communityId: id, memberId: toId, text }).then(
      () => true,
      () => false
    )
  )
}

test('recovery: the phrase brings a member back on a fresh device, in every community, with the backup’s conversations and plan', async () => {
  const [ash, cleo] = await Promise.all([lab.peer(), lab.peer()])
  const circle = await community(ash, [cleo], 'Night owls')
  const other = await community(ash, [cleo], 'Early birds')
  const ashId = ash.engine.get(circle).me
  await ash.rpc.call('plan.save', { plan: PLAN })
  await talk(ash, cleo, circle, 'Thank you for last night')

  const { phrase, backup, registered } = await ash.rpc.call('devices.recoveryPhrase', { backup: true })
  expect(phrase.split(' ')).toHaveLength(24)
  expect(registered).toBe(2)
  expect(backup).not.toBeNull()
  expect(await ash.rpc.call('devices.recoveryStatus', {})).toEqual({ registered: 2, missing: 0 })
  // The phrase reaches Cleo's view before Ash's laptop is lost.
  const key = readPhrase(phrase).keyPair.publicKey.toString('hex')
  await until([cleo], async () => (await cleo.engine.get(circle).reader().recoveryMember(key)) === ashId)
  await until([cleo], async () => (await cleo.engine.get(other).reader().recoveryMember(key)) !== null)
  await lab.closePeer(ash)

  // A wrong word is named, not guessed at.
  const fresh = await lab.peer()
  const words = phrase.split(' ')
  await expect(
    fresh.rpc.call('devices.restore', {
      phrase: [...words.slice(0, 23), 'zebraz'].join(' '),
      name: 'new laptop'
    })
  ).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('word 24') })

  const restored = await fresh.rpc.call('devices.restore', {
    phrase,
    name: 'new laptop',
    backup: backup ?? ''
  })
  expect(restored.communities.sort()).toEqual([circle, other].sort())
  expect(restored).toMatchObject({ conversations: 2, plan: true })
  // Ash again: the same member, with their history, conversation and plan.
  const { id: postId } = await fresh.rpc.call('posts.create', {
    communityId: circle,
    text: 'Back, on a new laptop'
  })
  await until([cleo], () => hasPost(cleo, circle, postId))
  expect((await cleo.rpc.call('posts.get', { communityId: circle, postId })).authorId).toBe(ashId)
  const cleoId = cleo.engine.get(circle).me
  const conversation = await until([fresh], async () => {
    const c = await fresh.rpc
      .call('conversations.get', { communityId: circle, memberId: cleoId })
      .catch(() => null)
    return c && c.entries.length > 0 ? c : false
  })
  expect(conversation.entries).toMatchObject([
    { kind: 'message', text: 'Thank you for last night', fromMe: true }
  ])
  expect((await fresh.rpc.call('plan.get', {})).plan).toMatchObject(PLAN)

  // Without the backup, membership comes back but conversations do not, and the device says so.
  const bare = await lab.peer()
  const again = await bare.rpc.call('devices.restore', { phrase, name: 'library computer' })
  expect(again).toMatchObject({ conversations: 0, plan: false })
  expect(again.communities.sort()).toEqual([circle, other].sort())
  await expect(
    bare.rpc.call('conversations.send', { communityId: circle, memberId: cleoId, text: 'hello?' })
  ).rejects.toMatchObject({ code: 'not-allowed', message: expect.stringContaining('backup file') })
  // The lost laptop is revoked from the new one; the devices left are Ash's two new ones.
  const lost = (await fresh.rpc.call('devices.list', {})).find((d) => d.name === 'first device')
  if (!lost) throw new Error('the lost device is not listed')
  await fresh.rpc.call('devices.revoke', { id: lost.id })
  await until(
    [fresh],
    async () => (await fresh.rpc.call('devices.list', {})).find((d) => d.id === lost.id)?.revoked === true
  )
})

test('recovery: only the key a member recorded adds a device, an older phrase stops working, and a hello must prove the key', async () => {
  const [ash, cleo] = await Promise.all([lab.peer(), lab.peer()])
  const id = await community(ash, [cleo])
  const c = ash.engine.get(id)
  const dk = c.base.discoveryKey
  const ashId = c.me
  const { phrase: first } = await ash.rpc.call('devices.recoveryPhrase', { backup: false })
  const old = readPhrase(first)
  const { phrase: second } = await ash.rpc.call('devices.recoveryPhrase', { backup: false })
  const current = readPhrase(second)
  await until(
    [cleo],
    async () =>
      (await cleo.engine.get(id).reader().recoveryKeyOf(ashId)) === current.keyPair.publicKey.toString('hex')
  )

  // Cleo, hostile, appends restores for Ash: with the old key, with her own key, and with a key for the wrong writer.
  const recoverWith = (secretKey: Buffer, signedWriter?: string) => {
    const writer = consentToLink(c.base.key, ashId, hcrypto.keyPair())
    const target = Buffer.from(signedWriter ?? writer.writerKey, 'hex')
    const recoveryProof = hcrypto.sign(restoreSignable(dk, Buffer.from(ashId, 'hex'), target), secretKey)
    return {
      type: 'device/recover' as const,
      member: ashId,
      writerKey: writer.writerKey,
      device: hcrypto.randomBytes(16).toString('hex'),
      name: 'not Ash',
      proof: writer.proof,
      recoveryProof: recoveryProof.toString('hex')
    }
  }
  const cleoKey = hcrypto.keyPair()
  const cleoBase = cleo.engine.get(id).base
  await cleoBase.append(
    encodeOp({
      type: 'member/recovery',
      key: current.keyPair.publicKey.toString('hex'),
      proof: hcrypto
        .sign(registerSignable(dk, Buffer.from(cleo.engine.get(id).me, 'hex')), cleoKey.secretKey)
        .toString('hex')
    })
  )
  await cleoBase.append(encodeOp(recoverWith(old.keyPair.secretKey)))
  await cleoBase.append(encodeOp(recoverWith(cleoKey.secretKey)))
  await cleoBase.append(
    encodeOp(recoverWith(current.keyPair.secretKey, hcrypto.randomBytes(32).toString('hex')))
  )
  // Then one that holds: so the view can be seen to take these ops at all.
  const honest = recoverWith(current.keyPair.secretKey)
  await cleoBase.append(encodeOp(honest))
  const devices = await until([ash], async () => {
    const list = await c.reader().devices(ashId)
    return list.length > 1 ? list : false
  })
  expect(devices.map((d) => d.writer)).toEqual([ashId, honest.writerKey])
  expect(await c.reader().recoveryMember(current.keyPair.publicKey.toString('hex'))).toBe(ashId)
  expect(await c.reader().recoveryMember(old.keyPair.publicKey.toString('hex'))).toBeNull()

  // On the topic, a hello signed by another key than the one it names: the member hangs up, sending nothing.
  const heard: RecoverMessage[] = []
  const swarm: Hyperswarm = createSwarm(lab.bootstrap, hcrypto.keyPair())
  const closed = new Promise<void>((resolve) => {
    swarm.on('connection', (conn) => {
      conn.on('error', () => undefined)
      conn.once('close', () => resolve())
      openChannel(conn, RECOVER_PROTOCOL, {
        opened: (channel) => {
          const proof = hcrypto.sign(
            recoverHelloSignable(conn.handshakeHash ?? Buffer.alloc(32), conn.isInitiator),
            cleoKey.secretKey
          )
          channel.send({
            t: 'hello',
            key: current.keyPair.publicKey.toString('hex'),
            proof: proof.toString('hex')
          })
        },
        receive: async (message) => {
          heard.push(message)
        }
      })
    })
  })
  swarm.join(recoveryTopic(current.keyPair.publicKey), { server: false, client: true })
  await closed
  await swarm.destroy()
  expect(heard).toEqual([])
})
