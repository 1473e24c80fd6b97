// My devices, attacked the way a hostile member or an outsider with a link
// code would: raw appends of device ops, proofs made for someone else, a
// second device on the same code, and a channel hello without the secret.
import { afterAll, beforeAll, expect, test } from 'vitest'
import BlindPairing from 'blind-pairing'
import hcrypto from 'hypercore-crypto'
import type Hyperswarm from 'hyperswarm'
import { encodeOp } from '../core/domain/ops.js'
import type { Op } from '../core/domain/ops.js'
import { consentToLink } from '../core/community/my-devices.js'
import { decodeLinkCode } from '../core/linking/link-code.js'
import { openLinkChannel } from '../core/linking/channel.js'
import type { LinkMessage } from '../core/linking/channel.js'
import { createSwarm } from '../core/network.js'
import { Lab, community, until } from './support/peers.js'
import type { Peer } from './support/peers.js'

const lab = new Lab()
beforeAll(() => lab.start())
afterAll(() => lab.stop())

const raw = (peer: Peer, id: string, op: Op) => peer.engine.get(id).base.append(encodeOp(op))
const devicesOf = (peer: Peer, id: string, member: string) => peer.engine.get(id).reader().devices(member)
/** A writer key pair nobody else holds, as a new device would make. */
const freshSigner = () => hcrypto.keyPair()

test('devices: a member links only writers that signed to be theirs, at most five, and cannot touch anyone else’s', async () => {
  const [ash, cleo] = await Promise.all([lab.peer(), lab.peer()])
  const id = await community(ash, [cleo])
  const key = ash.engine.get(id).base.key
  const ashId = ash.engine.get(id).me
  const cleoId = cleo.engine.get(id).me

  // Proofs that do not hold: Ash's own key, a fresh writer that signed for Ash, a proof for the wrong writer.
  const forAsh = consentToLink(key, ashId, freshSigner())
  const other = consentToLink(key, cleoId, freshSigner())
  const attempts: Op[] = [
    { type: 'device/link', writerKey: ashId, device: 'aa'.repeat(16), name: 'not mine', proof: forAsh.proof },
    {
      type: 'device/link',
      writerKey: forAsh.writerKey,
      device: 'bb'.repeat(16),
      name: 'made for Ash',
      proof: forAsh.proof
    },
    {
      type: 'device/link',
      writerKey: forAsh.writerKey,
      device: 'cc'.repeat(16),
      name: 'wrong proof',
      proof: other.proof
    },
    // Naming or revoking someone else's device.
    { type: 'device/name', writerKey: ashId, device: 'dd'.repeat(16), name: 'renamed by Cleo' },
    { type: 'device/revoke', writerKey: ashId }
  ]
  for (const op of attempts) await raw(cleo, id, op)

  // Then writers that did sign for Cleo: four fit beside her first, the fifth does not.
  const signed = Array.from({ length: 5 }, () => consentToLink(key, cleoId, freshSigner()))
  for (const [n, writer] of signed.entries())
    await raw(cleo, id, {
      type: 'device/link',
      writerKey: writer.writerKey,
      device: n.toString(16).padStart(32, '0'),
      name: `device ${n}`,
      proof: writer.proof
    })
  const cleoDevices = await until([ash], async () => {
    const devices = await devicesOf(ash, id, cleoId)
    return devices.length === 5 ? devices : false
  })
  expect(cleoDevices.map((d) => d.writer)).toEqual([cleoId, ...signed.slice(0, 4).map((w) => w.writerKey)])
  // Nothing of Ash's changed, on either view.
  for (const peer of [ash, cleo]) {
    expect(await devicesOf(peer, id, ashId)).toEqual([
      { writer: ashId, device: null, name: null, revoked: false }
    ])
    expect(await peer.engine.get(id).reader().writer(forAsh.writerKey)).toBeNull()
  }
  // Cleo's own view agrees with Ash's, byte for byte where it matters.
  expect(await devicesOf(cleo, id, cleoId)).toEqual(cleoDevices)
  // A member cannot revoke their last device; leaving is the way out.
  for (const writer of signed.slice(0, 4))
    await raw(cleo, id, { type: 'device/revoke', writerKey: writer.writerKey })
  await raw(cleo, id, { type: 'device/revoke', writerKey: cleoId })
  const after = await until([ash], async () => {
    const devices = await devicesOf(ash, id, cleoId)
    return devices.filter((d) => d.revoked).length === 4 ? devices : false
  })
  expect(after[0]).toEqual({ writer: cleoId, device: null, name: null, revoked: false })
})

test('devices: a link code links one device, only with a yes, and never to someone without the secret', async () => {
  const [ash, cleo, laptop, stranger] = await Promise.all([lab.peer(), lab.peer(), lab.peer(), lab.peer()])
  await community(ash, [cleo])

  // A code in the wrong place is named for what it is.
  const first = await ash.rpc.call('devices.offerLink', {})
  await expect(
    cleo.rpc.call('communities.join', { invite: first.code, displayName: 'x' })
  ).rejects.toMatchObject({
    code: 'link-code-not-invite',
    message: expect.stringContaining('linking one of your devices')
  })

  // Someone who learned the code connects and says hello without the secret: the channel closes, nothing is sent.
  const heard: LinkMessage[] = []
  const swarm: Hyperswarm = createSwarm(lab.bootstrap, hcrypto.keyPair())
  const closed = new Promise<void>((resolve) => {
    swarm.on('connection', (conn) => {
      openLinkChannel(conn, {
        opened: (channel) => channel.send({ t: 'hello', secret: hcrypto.randomBytes(32).toString('hex') }),
        receive: async (message) => {
          heard.push(message)
        }
      })
      conn.on('error', () => undefined)
      conn.once('close', () => resolve())
    })
  })
  swarm.join(decodeLinkCode(first.code, Date.now()).discoveryKey, { server: false, client: true })
  await closed
  await swarm.destroy()
  expect(heard).toEqual([])

  // The person says no: the device is told, and holds nothing.
  const declined = laptop.rpc.call('devices.link', { code: first.code, name: 'laptop' })
  await until([ash], async () =>
    ash.events.some((e) => e.type === 'link-request' && e.offerId === first.offerId)
  )
  await ash.rpc.call('devices.answerLink', { offerId: first.offerId, accept: false })
  await expect(declined).rejects.toMatchObject({ code: 'not-allowed' })
  expect(await laptop.rpc.call('communities.list', {})).toEqual([])

  // One device per code: a second asking while the first waits is turned away, and never asked about.
  const second = await ash.rpc.call('devices.offerLink', {})
  const waiting = laptop.rpc.call('devices.link', { code: second.code, name: 'laptop' })
  await until([ash], async () =>
    ash.events.some((e) => e.type === 'link-request' && e.offerId === second.offerId)
  )
  await expect(
    stranger.rpc.call('devices.link', { code: second.code, name: 'not yours' })
  ).rejects.toMatchObject({
    code: 'not-allowed'
  })
  expect(ash.events.filter((e) => e.type === 'link-request' && e.offerId === second.offerId)).toHaveLength(1)
  await ash.rpc.call('devices.answerLink', { offerId: second.offerId, accept: true })
  expect((await waiting).communities).toHaveLength(1)
  expect(await stranger.rpc.call('communities.list', {})).toEqual([])
})

test('devices: a pairing request with junk in it is turned away without asking the person', async () => {
  const ash = await lab.peer()
  await community(ash, [])
  const { offerId, code } = await ash.rpc.call('devices.offerLink', {})
  const swarm = createSwarm(lab.bootstrap, hcrypto.keyPair())
  const pairing = new BlindPairing(swarm, { poll: 5000 })
  const refused = new Promise<void>((resolve) => {
    const candidate = pairing.addCandidate({
      invite: decodeLinkCode(code, Date.now()).bytes,
      userData: Buffer.from(JSON.stringify({ name: 'x', device: 'not an id', extra: true })),
      onadd: async () => undefined
    })
    candidate.request.on('rejected', () => resolve())
  })
  await refused
  await pairing.close()
  await swarm.destroy()
  expect(ash.events.some((e) => e.type === 'link-request' && e.offerId === offerId)).toBe(false)
})

test('devices: someone who learned the code and copied the asking device’s request gets the reply, but nothing more; the real device links', async () => {
  const [ash, cleo, laptop] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
  const id = await community(ash, [cleo])
  const ashId = ash.engine.get(id).me
  const { offerId, code } = await ash.rpc.call('devices.offerLink', {})
  const decoded = decodeLinkCode(code, Date.now())
  const invitePublicKey = hcrypto.keyPair(BlindPairing.decodeInvite(decoded.bytes).seed).publicKey

  // The eavesdropper sits on the code's topic as if it were the first device, to read the request.
  const spySwarm = createSwarm(lab.bootstrap, hcrypto.keyPair())
  const spy = new BlindPairing(spySwarm, { poll: 1000 })
  let copied: Buffer | null = null
  const read = new Promise<Buffer>((resolve) => {
    const member = spy.addMember({
      discoveryKey: decoded.discoveryKey,
      onadd: async (request) => {
        copied ??= Buffer.from(request.open(invitePublicKey))
        resolve(copied)
      }
    })
    void member.ready().then(() => member.flushed())
  })
  const linking = laptop.rpc.call('devices.link', { code, name: 'laptop' })
  const userData = await read

  // Asking again with the very same request brings the same reply, once the person says yes to "laptop".
  const thiefSwarm = createSwarm(lab.bootstrap, hcrypto.keyPair())
  const thief = new BlindPairing(thiefSwarm, { poll: 1000 })
  const reply = new Promise<Buffer | null>((resolve) =>
    thief.addCandidate({ invite: decoded.bytes, userData, onadd: async (r) => resolve(r.data) })
  )
  await until([ash], async () => ash.events.some((e) => e.type === 'link-request' && e.offerId === offerId))
  await ash.rpc.call('devices.answerLink', { offerId, accept: true })
  const data = await reply
  if (!data) throw new Error('no reply data')
  const offerKey = data.subarray(0, 32)

  // With the secret in hand, the thief says hello: the first device hangs up, sending nothing.
  const heard: LinkMessage[] = []
  const hungUp = new Promise<void>((resolve) => {
    const hook = (conn: Hyperswarm.SwarmConnection) => {
      if (!conn.remotePublicKey.equals(offerKey)) return
      conn.on('error', () => undefined)
      conn.once('close', () => resolve())
      openLinkChannel(conn, {
        opened: (channel) => channel.send({ t: 'hello', secret: data.subarray(32).toString('hex') }),
        receive: async (message) => {
          heard.push(message)
        }
      })
    }
    for (const conn of thiefSwarm.connections) hook(conn)
    thiefSwarm.on('connection', hook)
  })
  thiefSwarm.joinPeer(offerKey)
  await hungUp
  expect(heard).toEqual([])
  expect((await linking).communities).toEqual([id])
  const devices = await ash.engine.get(id).reader().devices(ashId)
  expect(devices.map((d) => d.name)).toEqual(['first device', 'laptop'])
  await Promise.all([spy.close(), thief.close()])
  await Promise.all([spySwarm.destroy(), thiefSwarm.destroy()])
})
