// Boundaries written the way an attacker works: hand-built pairing requests,
// replays, a second swarm identity holding copied keys, raw appends of newer
// op versions. Every spec runs real engines over a local testnet.
import { cp, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { CandidateRequest, MemberRequest } from 'blind-pairing-core'
import Corestore from 'corestore'
import hcrypto from 'hypercore-crypto'
import type Hyperswarm from 'hyperswarm'
import Protomux from 'protomux'
import c from 'compact-encoding'
import z32 from 'z32'
import { admissionRequest } from '../core/domain/admission.js'
import { OP_VERSION } from '../core/domain/ops.js'
import { signAsWriter, writerKeyFor } from '../core/domain/writer-key.js'
import { createBase, localWriterKeyPair } from '../core/community/base.js'
import { decodeInviteKey } from '../core/community/invite-key.js'
import { MemberLinks, helloSignable } from '../core/community/member-links.js'
import type { Refusal } from '../core/community/member-links.js'
import { createSwarm } from '../core/network.js'
import { openStore } from '../core/community/store.js'
import { storeKeys } from '../core/community/store-keys.js'
import { Keyring } from '../core/profile/keyring.js'
import { Lab, agree, community, hasPost, until, sameView, postSeen } from './support/peers.js'
import type { Peer } from './support/peers.js'

/** A version no build of this code knows: what a newer Mutual would run. */
const NEXT = OP_VERSION + 1

const lab = new Lab()
beforeAll(() => lab.start())
afterAll(() => lab.stop())

/** What a candidate's request turns into at a member, and the answer the candidate decodes. */
async function askDirectly(member: Peer, communityId: string, inviteText: string, userData: Buffer) {
  const invite = decodeInviteKey(inviteText, Date.now())
  const candidate = new CandidateRequest(invite.bytes, userData)
  const rejected = new Promise<string>((resolve) =>
    candidate.on('rejected', (err: Error & { code?: string }) => resolve(err.code ?? 'rejected'))
  )
  const request = MemberRequest.from(candidate.encode())
  await member.engine.get(communityId).admit(request)
  if (!request.response) return { answered: false as const }
  const result = candidate.handleResponse(request.response)
  if (result) return { answered: true as const, result }
  return { answered: true as const, refused: await rejected }
}

/** A fresh signing key pair, as a new writer would have. */
const freshSigner = () => hcrypto.keyPair()

test('invites: an old invite and the community id give an outsider nothing, however the request is built', async () => {
  const [ash, bo] = await Promise.all([lab.peer(), lab.peer()])
  const { id } = await ash.rpc.call('communities.create', { name: 'Night owls', displayName: 'Ash' })
  const { invite } = await ash.rpc.call('invites.create', { communityId: id, maxUses: 1 })
  await bo.rpc.call('communities.join', { invite, displayName: 'Bo' })
  await agree(bo, id)
  await until([ash], async () =>
    (await ash.rpc.call('members.list', { communityId: id })).some((m) => m.name === 'Bo' && m.agreed)
  )
  const decoded = decodeInviteKey(invite, Date.now())
  const founderKey = z32.decode(id)
  const attacker = freshSigner()

  // The founder's writer key is the community id decoded; claiming it without its secret fails.
  const forged = Buffer.concat([
    attacker.publicKey,
    hcrypto.sign(Buffer.from('anything'), attacker.secretKey)
  ])
  expect(writerKeyFor(attacker.publicKey).equals(founderKey)).toBe(false)
  expect(await askDirectly(ash, id, invite, forged)).toEqual({ answered: true, refused: 'PAIRING_REJECTED' })

  // Bo's own request, replayed byte for byte after Bo finished joining, is refused as used.
  const boSigner = bo.engine.get(id).base.local.keyPair
  const replay = admissionRequest(decoded.discoveryKey, decoded.id, {
    publicKey: boSigner!.publicKey,
    secretKey: boSigner!.secretKey!
  })
  expect(await askDirectly(ash, id, invite, replay)).toEqual({ answered: true, refused: 'INVITE_USED' })

  // A fresh, properly signed request on the used-up invite is refused too.
  const fresh = admissionRequest(decoded.discoveryKey, decoded.id, attacker)
  expect(await askDirectly(ash, id, invite, fresh)).toEqual({ answered: true, refused: 'INVITE_USED' })

  // Even a reply that lets someone in carries no encryption key: only the community key, which its id shows.
  const open = await ash.rpc.call('invites.create', { communityId: id, maxUses: 1 })
  const newcomer = freshSigner()
  const openInvite = decodeInviteKey(open.invite, Date.now())
  const admitted = await askDirectly(
    ash,
    id,
    open.invite,
    admissionRequest(openInvite.discoveryKey, openInvite.id, newcomer)
  )
  expect(admitted).toMatchObject({ answered: true, result: { key: founderKey, encryptionKey: null } })
})

test('invites: an outsider on the swarm who proves only their own key gets no data and no key', async () => {
  const ash = await lab.peer()
  const { id } = await ash.rpc.call('communities.create', { name: 'Night owls', displayName: 'Ash' })
  await ash.rpc.call('posts.create', { communityId: id, text: 'Only for members.' })
  const community = ash.engine.get(id)
  const swarm = createSwarm(lab.bootstrap, hcrypto.keyPair())
  const outsider = freshSigner()
  const links = new MemberLinks(
    community.base.discoveryKey,
    outsider,
    { standing: async () => 'current', keyFor: async () => null },
    true
  )
  const keys: Buffer[] = []
  links.on('key', (key) => keys.push(key))
  const proven = new Set<string>()
  links.on('allowed', (_conn, writer) => proven.add(writer))
  const store = new Corestore(await lab.dir())
  // Ask for the founder's core straight away, as a modified client would.
  const founderCore = store.get({ key: community.base.key })
  await founderCore.ready()
  swarm.on('connection', (conn: Hyperswarm.SwarmConnection) => {
    links.attach(conn)
    store.replicate(conn)
  })
  swarm.join(community.base.discoveryKey, { client: true, server: false })
  try {
    // The outsider's side proves the founder; the founder's side never proves the outsider a member.
    await until([ash], async () => proven.has(community.me))
    expect(community.connectedWriters().has(writerKeyFor(outsider.publicKey).toString('hex'))).toBe(false)
    // The founder answers my hello by deciding about me: a post written now still never reaches me.
    await ash.rpc.call('posts.create', { communityId: id, text: 'Still only for members.' })
    await until([ash], async () => [...community.connections].length > 0)
    // Connected, yet never proven a member: not one of the founder's peers.
    expect(community.peerCount).toBe(0)
    expect(keys).toEqual([])
    expect(founderCore.length).toBe(0)
  } finally {
    links.close()
    await swarm.destroy()
    await founderCore.close()
    await store.close()
  }
})

test('versions: an op of a newer version from one member is set aside on every peer, and nobody stops', async () => {
  const [ash, bo, newcomer] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
  const id = await community(ash, [bo])
  const { invite } = await ash.rpc.call('invites.create', { communityId: id })
  await newcomer.rpc.call('communities.join', { invite, displayName: 'New' })
  // One member who agreed, and one who has not, each stamp ops with versions nobody adopted.
  await bo.engine.get(id).base.append(Buffer.from(JSON.stringify({ v: 99, type: 'poll/create' })))
  await bo.engine.get(id).base.append(Buffer.from(JSON.stringify({ v: NEXT, type: 'member/leave' })))
  await newcomer.engine.get(id).base.append(Buffer.from(JSON.stringify({ v: 99, type: 'anything' })))
  const { id: after } = await bo.rpc.call('posts.create', { communityId: id, text: 'Still here.' })
  const peers = [ash, bo, newcomer]
  await until(peers, async () => (await Promise.all(peers.map((p) => hasPost(p, id, after)))).every(Boolean))
  for (const peer of peers) {
    const [status] = await peer.rpc.call('sync.status', { communityId: id })
    expect(status).toMatchObject({ updateNeeded: false })
  }
  await expect(ash.rpc.call('posts.create', { communityId: id, text: 'And me.' })).resolves.toBeTruthy()
  expect(
    (await ash.rpc.call('members.list', { communityId: id })).find((m) => m.name === 'Member 1')
  ).toMatchObject({ left: false })
  await sameView(peers, id)
})

test('versions: a newer version adopted by consent asks older builds to update, and the newer build goes on', async () => {
  const [ash, bo, future] = await Promise.all([lab.peer(), lab.peer(), lab.peer({ newestOpVersion: NEXT })])
  const id = await community(ash, [bo, future])
  const proposal = {
    v: 3,
    type: 'proposal/create',
    id: '00000000000000a4',
    change: { kind: 'version', version: NEXT },
    reason: 'A newer Mutual',
    at: Date.now()
  }
  await future.engine.get(id).base.append(Buffer.from(JSON.stringify(proposal)))
  await until([ash], async () => (await ash.rpc.call('proposals.list', { communityId: id })).length > 0)
  const [listed] = await ash.rpc.call('proposals.list', { communityId: id })
  expect(listed).toMatchObject({ change: { kind: 'version', version: NEXT } })
  await ash.rpc.call('proposals.respond', {
    communityId: id,
    proposalId: listed!.id,
    stance: 'consent'
  })
  await until([ash], async () => (await ash.rpc.call('sync.status', { communityId: id }))[0]!.updateNeeded)
  await expect(ash.rpc.call('posts.create', { communityId: id, text: 'hello?' })).rejects.toMatchObject({
    code: 'update-needed'
  })
  await expect(
    future.rpc.call('posts.create', { communityId: id, text: 'All fine here.' })
  ).resolves.toBeTruthy()
})

test('versions: a community founded before versions were adopted keeps its rules until it adopts the newer ones by consent', async () => {
  const [ash, bo] = await Promise.all([lab.peer({ foundAtVersion: 2 }), lab.peer()])
  const id = await community(ash, [bo])
  expect((await ash.rpc.call('governance.get', { communityId: id })).version).toBe(2)
  const { id: proposalId } = await ash.rpc.call('proposals.create', {
    communityId: id,
    change: { kind: 'version', version: 3 },
    reason: 'The newer safeguards'
  })
  await until([bo], async () => (await bo.rpc.call('proposals.list', { communityId: id })).length > 0)
  await bo.rpc.call('proposals.respond', { communityId: id, proposalId, stance: 'consent' })
  for (const peer of [ash, bo])
    await until(
      [peer],
      async () => (await peer.rpc.call('governance.get', { communityId: id })).version === 3
    )
})

test('removal: a removed member, or anyone holding their keys under a new identity, gets nothing written after it', async () => {
  const [ash, bo, cy, dee] = await Promise.all([lab.peer(), lab.peer(), lab.peer(), lab.peer()])
  const id = await community(ash, [bo, cy, dee])
  const deeId = dee.engine.get(id).me
  const { id: proposalId } = await ash.rpc.call('proposals.create', {
    communityId: id,
    change: { kind: 'removal', member: deeId },
    reason: 'Broke the confidentiality agreement'
  })
  await until([bo], async () => (await bo.rpc.call('proposals.list', { communityId: id })).length > 0)
  // The copy Dee could keep: their whole folder, writer secret and encryption key included.
  const copy = await lab.dir()
  await cp(dee.dir, copy, { recursive: true })
  await bo.rpc.call('proposals.respond', { communityId: id, proposalId, stance: 'consent' })
  const removedAt = Date.now()
  const peers = [ash, bo, cy]
  const isRemoved = async (p: Peer) =>
    (await p.rpc.call('members.list', { communityId: id })).find((m) => m.id === deeId)?.removed === true
  await until(peers, async () => (await Promise.all(peers.map(isRemoved))).every(Boolean))
  // Every honest peer drops Dee's connection.
  await until(peers, async () => peers.every((p) => !p.engine.get(id).connectedWriters().has(deeId)))
  console.log(`removal: every peer had dropped the removed device ${Date.now() - removedAt} ms after consent`)
  const { id: secret } = await ash.rpc.call('posts.create', { communityId: id, text: 'After Dee left us.' })
  await until(peers, async () => (await Promise.all(peers.map((p) => hasPost(p, id, secret)))).every(Boolean))
  expect(await hasPost(dee, id, secret)).toBe(false)

  // Dee's copied keys under a fresh swarm identity: proving Dee's writer is refused as removed.
  // Dee's profile has no passphrase, so its copied keyring opens the copied store's keys.
  const [sub] = await readdir(join(copy, 'communities'))
  // The copy's device file says it was moved; an attacker simply deletes it.
  await rm(join(copy, 'communities', sub!, 'CORESTORE'), { force: true })
  const keys = storeKeys(await (await Keyring.load(copy)).unlock(undefined), sub!)
  const store = openStore(join(copy, 'communities', sub!), keys.seedPad)
  const signer = await localWriterKeyPair(store)
  const base = createBase(store, {
    key: ash.engine.get(id).base.key,
    encryptionKey: ash.engine.get(id).base.encryptionKey,
    blindEncryption: keys.blindEncryption,
    ackInterval: 0
  })
  await base.ready()
  const swarm = createSwarm(lab.bootstrap, hcrypto.keyPair())
  const links = new MemberLinks(
    base.discoveryKey,
    signer,
    { standing: async () => 'current', keyFor: async () => null },
    false
  )
  const refusals: Refusal[] = []
  links.on('refused', (reason) => refusals.push(reason))
  links.on('allowed', (conn) => base.replicate(conn))
  swarm.on('connection', (conn: Hyperswarm.SwarmConnection) => links.attach(conn))
  swarm.join(base.discoveryKey, { client: true, server: false })
  try {
    await until([ash], async () => (refusals.includes('removed') ? true : false))
    const { id: later } = await ash.rpc.call('posts.create', { communityId: id, text: 'Later still.' })
    await until(peers, async () =>
      (await Promise.all(peers.map((p) => hasPost(p, id, later)))).every(Boolean)
    )
    const seen = await base.view.get(`post/${secret}`)
    expect(seen).toBeNull()
    expect(await base.view.get(`post/${later}`)).toBeNull()
  } finally {
    links.close()
    await swarm.destroy()
    await base.close()
  }
})

test("invites: a member asked before another member's new invite reached it waits for the invite and answers, rather than staying silent", async () => {
  const [ash, bo] = await Promise.all([lab.peer(), lab.peer()])
  const id = await community(ash, [bo])
  await ash.rpc.call('network.setOnline', { online: false })
  const { invite, id: inviteId } = await bo.rpc.call('invites.create', { communityId: id, maxUses: 2 })
  expect((await ash.rpc.call('invites.list', { communityId: id })).some((i) => i.id === inviteId)).toBe(false)
  const decoded = decodeInviteKey(invite, Date.now())
  // The candidate asks Ash, whose view does not hold the invite yet; then Ash comes online and gets it.
  const asked = askDirectly(
    ash,
    id,
    invite,
    admissionRequest(decoded.discoveryKey, decoded.id, freshSigner())
  )
  await ash.rpc.call('network.setOnline', { online: true })
  expect(await asked).toMatchObject({ answered: true, result: { key: expect.any(Buffer) } })
})

test('invites: two members letting two people in with the last use of one invite admit exactly one; the other is told it was used', async () => {
  const [ash, bo, cy] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
  const id = await community(ash, [bo, cy])
  const { invite, id: inviteId } = await ash.rpc.call('invites.create', { communityId: id, maxUses: 1 })
  await until([bo, cy], async () => {
    const lists = await Promise.all([bo, cy].map((p) => p.rpc.call('invites.list', { communityId: id })))
    return lists.every((l) => l.some((i) => i.id === inviteId))
  })
  const decoded = decodeInviteKey(invite, Date.now())
  const [first, second] = [freshSigner(), freshSigner()]
  // Each newcomer is already connected to both members and asks for the key, as a joiner waiting
  // on its pairing reply is: whichever member's own view shows them in first would hand it over.
  const askers = await Promise.all([first, second].map((signer) => keyAsker(decoded.discoveryKey, signer)))
  try {
    const members = [bo, cy].map((p) => p.engine.get(id).writerKey)
    await until([bo, cy], async () => askers.every((a) => members.every((m) => a.proven.has(m))))
    const answers = await Promise.all([
      askDirectly(bo, id, invite, admissionRequest(decoded.discoveryKey, decoded.id, first)),
      askDirectly(cy, id, invite, admissionRequest(decoded.discoveryKey, decoded.id, second))
    ])
    const confirmed = answers.filter((a) => a.answered && 'result' in a)
    const refused = answers.filter((a) => a.answered && 'refused' in a)
    expect(confirmed).toHaveLength(1)
    expect(refused).toEqual([{ answered: true, refused: 'INVITE_USED' }])
    // Every peer agrees on who got in.
    const peers = [ash, bo, cy]
    expect(await sameView(peers, id)).toContain('admission-refused/')
    // The one let in gets the community's key; the one turned away never had it, not even for a moment.
    const winner = answers.findIndex((a) => a.answered && 'result' in a)
    const key = ash.engine.get(id).base.encryptionKey
    await until(peers, async () => askers[winner]!.keys.some((k) => key && k.equals(key)))
    expect(askers[1 - winner]!.keys).toEqual([])
  } finally {
    for (const asker of askers) await asker.close()
  }
})

/** A newcomer's writer on the community's topic, proving itself to members and asking for the key. */
async function keyAsker(discoveryKey: Buffer, signer: ReturnType<typeof freshSigner>) {
  const swarm = createSwarm(lab.bootstrap, hcrypto.keyPair())
  const links = new MemberLinks(
    discoveryKey,
    signer,
    { standing: async () => 'current', keyFor: async () => null },
    true
  )
  const keys: Buffer[] = []
  const proven = new Set<string>()
  links.on('key', (key) => keys.push(key))
  links.on('allowed', (_conn, writer) => proven.add(writer))
  swarm.on('connection', (conn: Hyperswarm.SwarmConnection) => links.attach(conn))
  await swarm.join(discoveryKey, { client: true, server: true }).flushed()
  return {
    keys,
    proven,
    close: async () => {
      links.close()
      await swarm.destroy()
    }
  }
}

test('reach-outs: a bare "I\'m here" with no private line marks nothing answered, and open listeners are still told', async () => {
  const [ash, bo, mal] = await Promise.all([lab.peer(), lab.peer(), lab.peer()])
  const id = await community(ash, [bo, mal])
  await ash.rpc.call('availability.set', { communityId: id, kind: 'open' })
  await until([bo], async () =>
    (await bo.rpc.call('members.list', { communityId: id })).some((m) => m.availability?.kind === 'open')
  )
  // The listener is away while someone reaches out and a hostile member claims to have answered.
  await ash.rpc.call('network.setOnline', { online: false })
  const { id: reachId } = await bo.rpc.call('reachouts.create', { communityId: id, context: 'rough night' })
  await until([mal], async () => (await mal.rpc.call('reachouts.list', { communityId: id })).length > 0)
  await mal.engine
    .get(id)
    .base.append(Buffer.from(JSON.stringify({ v: 2, type: 'reach/answer', id: reachId })))
  await postSeen(mal, [bo], id, 'marker')
  const [mine] = await bo.rpc.call('reachouts.list', { communityId: id })
  expect(mine).toMatchObject({ answered: false, answeredBy: [] })

  const seen = ash.events.length
  await ash.rpc.call('network.setOnline', { online: true })
  const notice = await until(
    [ash],
    async () => ash.events.slice(seen).find((e) => e.type === 'notice' && e.notice.kind === 'reach') ?? false
  )
  expect(notice).toMatchObject({ notice: { excerpt: 'would like to talk: rough night' } })
  expect((await ash.rpc.call('reachouts.list', { communityId: id }))[0]).toMatchObject({ answered: false })

  // A real answer is a private line; once Bo's device has read it, everyone sees it answered, naming nobody.
  await ash.rpc.call('reachouts.answer', { communityId: id, reachId: reachId! })
  await until(
    [mal],
    async () => (await mal.rpc.call('reachouts.list', { communityId: id }))[0]?.answered === true
  )
  expect((await bo.rpc.call('reachouts.list', { communityId: id }))[0]).toMatchObject({
    answered: true,
    answeredBy: ['Ash']
  })
  expect((await mal.rpc.call('reachouts.list', { communityId: id }))[0]).toMatchObject({ answeredBy: [] })
})

test('joining: a place never taken up lapses after a day and gives the invite back; decisions count only members who agreed', async () => {
  let clock = Date.now()
  const [ash, bo, cy, mal] = await Promise.all([
    lab.peer({ now: () => clock }),
    lab.peer({ now: () => clock }),
    lab.peer(),
    lab.peer()
  ])
  const id = await community(ash, [bo, cy, mal])
  const { invite, id: inviteId } = await ash.rpc.call('invites.create', { communityId: id, maxUses: 1 })
  const decoded = decodeInviteKey(invite, Date.now())
  const ghost = freshSigner()
  const ghostId = writerKeyFor(ghost.publicKey).toString('hex')
  // Let in by hand-made request, and never heard from again (a join cancelled at the wrong moment).
  const admitted = await askDirectly(
    ash,
    id,
    invite,
    admissionRequest(decoded.discoveryKey, decoded.id, ghost)
  )
  expect(admitted).toMatchObject({ answered: true })
  await until([bo], async () =>
    (await bo.rpc.call('members.list', { communityId: id })).some((m) => m.id === ghostId)
  )
  // Four agreed members decide; the newcomer who never agreed is not counted.
  expect((await bo.rpc.call('governance.get', { communityId: id })).currentMembers).toBe(4)

  // Nobody can lapse a place early, lapse someone who has agreed, or vouch for a day alone
  // by stamping a time far ahead: a second member's clock must agree.
  const early = { v: 3, type: 'member/lapse', member: ghostId, at: clock }
  const agreed = { v: 3, type: 'member/lapse', member: bo.engine.get(id).me, at: clock + 2 * 86_400_000 }
  const alone = { v: 3, type: 'member/lapse', member: ghostId, at: 8e15 }
  for (const op of [early, agreed, alone])
    await mal.engine.get(id).base.append(Buffer.from(JSON.stringify(op)))
  await postSeen(mal, [bo], id, 'marker')
  const before = await bo.rpc.call('members.list', { communityId: id })
  expect(before.find((m) => m.id === ghostId)).toMatchObject({ left: false })
  expect(before.find((m) => m.name === 'Member 1')).toMatchObject({ left: false })

  clock += 25 * 60 * 60 * 1000
  // A day later by Bo's clock too: Bo writes something, and Ash's device lets the place lapse.
  await postSeen(bo, [ash], id, 'A day on.')
  await ash.engine.get(id).checkLapses()
  for (const peer of [ash, bo, cy]) {
    await until([peer], async () =>
      (await peer.rpc.call('members.list', { communityId: id })).some((m) => m.id === ghostId && m.left)
    )
    const listed = (await peer.rpc.call('invites.list', { communityId: id })).find((i) => i.id === inviteId)
    expect(listed).toMatchObject({ uses: 0 })
  }
  const log = await bo.rpc.call('moderation.log', { communityId: id })
  expect(log.entries.some((e) => e.kind === 'lapsed')).toBe(true)
})

test('invites: an outsider who tells a newcomer "you were not let in" is not believed; the join goes on', async () => {
  const [ash, bo] = await Promise.all([lab.peer(), lab.peer()])
  const { id } = await ash.rpc.call('communities.create', { name: 'Night owls', displayName: 'Ash' })
  const { invite } = await ash.rpc.call('invites.create', { communityId: id })
  const discoveryKey = ash.engine.get(id).base.discoveryKey
  // Anyone who knows the id can join the topic and speak the protocol, claiming to refuse everyone.
  const swarm = createSwarm(lab.bootstrap, hcrypto.keyPair())
  const liar = new MemberLinks(
    discoveryKey,
    freshSigner(),
    { standing: async () => 'invite-used', keyFor: async () => null },
    false
  )
  swarm.on('connection', (conn: Hyperswarm.SwarmConnection) => liar.attach(conn))
  await swarm.join(discoveryKey, { client: true, server: true }).flushed()
  try {
    await expect(bo.rpc.call('communities.join', { invite, displayName: 'Bo' })).resolves.toMatchObject({
      id
    })
    await agree(bo, id)
    expect((await bo.rpc.call('communities.list', {})).map((c) => c.id)).toEqual([id])
  } finally {
    liar.close()
    await swarm.destroy()
  }
})

test('invites: an outsider who sends a waiting newcomer pairing replies nobody sealed does not end the join', async () => {
  const [ash, bo] = await Promise.all([lab.peer(), lab.peer()])
  const { id } = await ash.rpc.call('communities.create', { name: 'Night owls', displayName: 'Ash' })
  const { invite } = await ash.rpc.call('invites.create', { communityId: id })
  const discoveryKey = ash.engine.get(id).base.discoveryKey
  // Nobody who can let Bo in is around while the outsider speaks.
  await ash.rpc.call('network.setOnline', { online: false })
  // Anyone who knows the id can join the topic and speak blind pairing's reply message by hand.
  const swarm = createSwarm(lab.bootstrap, hcrypto.keyPair())
  const junk = [
    hcrypto.randomBytes(3), // no reply at all
    Buffer.concat([hcrypto.randomBytes(32), c.encode(c.buffer, hcrypto.randomBytes(96))]), // a reply nobody sealed
    Buffer.concat([hcrypto.randomBytes(32), Buffer.from([0])]) // a reply with nothing in it
  ]
  const spoken = new Promise<void>((resolve) =>
    swarm.on('connection', (conn: Hyperswarm.SwarmConnection) => {
      const channel = Protomux.from(conn).createChannel({
        protocol: 'blind-pairing',
        id: discoveryKey,
        onopen: () => {
          for (const bytes of junk) reply.send(bytes)
          conn.end()
        }
      })!
      channel.addMessage({ encoding: c.buffer, onmessage: () => undefined })
      const reply = channel.addMessage({ encoding: c.buffer, onmessage: () => undefined })
      channel.open()
      // Closed once both sides ended: Bo has read everything sent before.
      conn.once('close', () => resolve())
    })
  )
  await swarm.join(discoveryKey, { client: true, server: true }).flushed()
  try {
    const joining = bo.rpc.call('communities.join', { invite, displayName: 'Bo' })
    joining.catch(() => undefined)
    await spoken
    await ash.rpc.call('network.setOnline', { online: true })
    await expect(joining).resolves.toMatchObject({ id })
  } finally {
    await swarm.destroy()
  }
})

test('invites: a burst of requests on an invite with one use left writes one admission, not one each', async () => {
  const ash = await lab.peer()
  const { id } = await ash.rpc.call('communities.create', { name: 'Night owls', displayName: 'Ash' })
  const { invite } = await ash.rpc.call('invites.create', { communityId: id, maxUses: 1 })
  const decoded = decodeInviteKey(invite, Date.now())
  const before = ash.engine.get(id).base.local.length
  const answers = await Promise.all(
    Array.from({ length: 30 }, () =>
      askDirectly(ash, id, invite, admissionRequest(decoded.discoveryKey, decoded.id, freshSigner()))
    )
  )
  expect(answers.filter((a) => a.answered && 'result' in a)).toHaveLength(1)
  expect(answers.filter((a) => a.answered && 'refused' in a)).toHaveLength(29)
  // One admission appended (and at most the device claim and acks it may bring), not thirty.
  expect(ash.engine.get(id).base.local.length - before).toBeLessThan(4)
})

test('versions: an upgrade proposal stamped by a newer build is set aside by every build alike', async () => {
  const [ash, bo, future] = await Promise.all([lab.peer(), lab.peer(), lab.peer({ newestOpVersion: NEXT })])
  const id = await community(ash, [bo, future])
  const stamped = {
    v: NEXT,
    type: 'proposal/create',
    id: '00000000000000b4',
    change: { kind: 'version', version: NEXT },
    reason: 'Stamped with the newer version',
    at: Date.now()
  }
  await bo.engine.get(id).base.append(Buffer.from(JSON.stringify(stamped)))
  const { id: marker } = await bo.rpc.call('posts.create', { communityId: id, text: 'marker' })
  const peers = [ash, bo, future]
  await until(peers, async () => (await Promise.all(peers.map((p) => hasPost(p, id, marker)))).every(Boolean))
  expect(await sameView(peers, id)).not.toContain('00000000000000b4')
})

test('re-founding: by consent the community starts again under a new key with its current members; whoever was removed gets nothing of it', async () => {
  const [ash, bo, cy, dee] = await Promise.all([lab.peer(), lab.peer(), lab.peer(), lab.peer()])
  const id = await community(ash, [bo, cy, dee])
  const deeId = dee.engine.get(id).me
  const decide = async (
    change: { kind: 'removal'; member: string } | { kind: 'refound' },
    reason: string
  ) => {
    const { id: proposalId } = await ash.rpc.call('proposals.create', { communityId: id, change, reason })
    await until([bo], async () =>
      (await bo.rpc.call('proposals.list', { communityId: id })).some((p) => p.id === proposalId)
    )
    await bo.rpc.call('proposals.respond', { communityId: id, proposalId, stance: 'consent' })
  }
  await decide({ kind: 'removal', member: deeId }, 'Shared our stories outside')
  const peers = [ash, bo, cy]
  await until(peers, async () =>
    (
      await Promise.all(
        peers.map(async (p) =>
          (await p.rpc.call('members.list', { communityId: id })).some((m) => m.id === deeId && m.removed)
        )
      )
    ).every(Boolean)
  )
  await decide({ kind: 'refound' }, 'Dee kept a copy of our key')

  // Every current member's device ends up in one new community, under a new key.
  const fresh = await until(
    peers,
    async () => {
      const lists = await Promise.all(peers.map((p) => p.rpc.call('communities.list', {})))
      const next = lists.map((l) => l.find((c) => c.id === id)?.refoundedAs ?? null)
      const joined = lists.every((l) => l.some((c) => c.id === next[0]))
      return next[0] && next.every((n) => n === next[0]) && joined ? next[0] : false
    },
    60_000
  )
  expect(fresh).not.toBe(id)
  const newBase = ash.engine.get(fresh).base
  expect(newBase.encryptionKey?.equals(ash.engine.get(id).base.encryptionKey!)).toBe(false)
  await until(peers, async () => {
    const names = (await cy.rpc.call('members.list', { communityId: fresh })).map((m) => m.name).sort()
    return names.join() === ['Ash', 'Member 1', 'Member 2'].join() ? true : false
  })
  // The carried members agreed to these same words before, and can post at once.
  await postSeen(cy, [ash], fresh, 'Starting again.')

  // The old community stays readable and takes no new posts.
  await expect(bo.rpc.call('posts.create', { communityId: id, text: 'old place' })).rejects.toMatchObject({
    code: 'not-allowed'
  })
  // Dee is in neither the new community nor its invites, and never learns its key.
  expect((await dee.rpc.call('communities.list', {})).map((c) => c.id)).not.toContain(fresh)
  expect(dee.engine.get(id).base.key.equals(newBase.key)).toBe(false)
})

test('joining: someone flooding a waiting joiner with keys over one connection is heard once, as the one writer it first proved', async () => {
  const topic = hcrypto.randomBytes(32)
  const joiner = createSwarm(lab.bootstrap, hcrypto.keyPair())
  const offers: string[] = []
  const links = new MemberLinks(
    topic,
    freshSigner(),
    { standing: async () => 'unknown', keyFor: async () => null },
    true
  )
  links.on('key', (_key, from) => offers.push(from))
  const closed = new Promise<void>((resolve) =>
    joiner.on('connection', (conn: Hyperswarm.SwarmConnection) => {
      links.attach(conn)
      conn.once('close', () => resolve())
    })
  )
  // The flooder speaks the protocol by hand: a valid hello, a thousand keys, then a hello for another writer.
  const flooder = createSwarm(lab.bootstrap, hcrypto.keyPair())
  const [first, second] = [freshSigner(), freshSigner()]
  flooder.on('connection', (conn: Hyperswarm.SwarmConnection) => {
    const hello = (signer: ReturnType<typeof freshSigner>) => {
      const writer = writerKeyFor(signer.publicKey)
      const signable = helloSignable(conn.handshakeHash!, conn.isInitiator, topic, writer)
      return {
        t: 'hello',
        writer: writer.toString('hex'),
        proof: signAsWriter(signable, signer).toString('hex'),
        wantsKey: false
      }
    }
    const channel = Protomux.from(conn).createChannel({
      protocol: 'mutual/member/v1',
      id: topic,
      onopen: () => {
        send.send(hello(first))
        for (let i = 0; i < 1000; i++) send.send({ t: 'key', key: hcrypto.randomBytes(32).toString('hex') })
        send.send(hello(second))
        send.send({ t: 'key', key: hcrypto.randomBytes(32).toString('hex') })
        // Everything sent before the end arrives before it.
        conn.end()
      }
    })!
    const send = channel.addMessage({ encoding: c.json, onmessage: () => undefined })
    channel.open()
  })
  try {
    await flooder.join(topic, { server: true, client: false }).flushed()
    await joiner.join(topic, { server: false, client: true }).flushed()
    await closed
    expect(offers).toEqual([writerKeyFor(first.publicKey).toString('hex')])
  } finally {
    links.close()
    await Promise.all([joiner.destroy(), flooder.destroy()])
  }
})
