// Real engines on a local testnet. Everything binds to 127.0.0.1.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import createTestnet from 'hyperdht/testnet.js'
import { Mutual } from '../../core/mutual.js'
import type { MutualOptions } from '../../core/mutual.js'
import { RpcClient } from '../../core/rpc/client.js'
import { memoryTransportPair } from '../../core/rpc/memory.js'
import { serveRpc } from '../../core/rpc/server.js'
import { createHandlers } from '../../core/rpc/handlers.js'

/** The renderer's tests may not import the engine's RPC wiring themselves (eslint.config.js): they get it here. */
export { createHandlers }
export type { Handlers }
import type { Handlers } from '../../core/rpc/server.js'
import type { Transport } from '../../core/rpc/protocol.js'
import type { EngineEvent, LinkResult } from '../../core/domain/types.js'
import type { Params } from '../../core/rpc/methods.js'

export interface Peer {
  engine: Mutual
  rpc: RpcClient
  dir: string
  events: EngineEvent[]
}

export class Lab {
  private testnet: createTestnet.Testnet | null = null
  private readonly peers: Peer[] = []
  private readonly dirs: string[] = []

  /** `testnet`: one already running (and stopped by whoever started it) to use instead of its own. */
  constructor(private readonly shared: createTestnet.Testnet | null = null) {}

  async start(): Promise<void> {
    if (!this.shared) this.testnet = await createTestnet(3, { host: '127.0.0.1' })
  }

  get bootstrap(): { host: string; port: number }[] {
    const testnet = this.testnet ?? this.shared
    if (!testnet) throw new Error('lab not started')
    return testnet.bootstrap
  }

  async dir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'mutual-test-'))
    this.dirs.push(dir)
    return dir
  }

  /** An engine reached over the RPC, exactly as a front-end would. */
  async peer(opts: Partial<MutualOptions> = {}): Promise<Peer> {
    const dir = opts.storage ?? (await this.dir())
    // Without a started testnet, an engine is offline (it has nowhere to go but the public DHT).
    const where = this.testnet || this.shared ? { bootstrap: this.bootstrap } : { offline: true }
    const engine = new Mutual({ storage: dir, ...where, ackInterval: 200, ...opts })
    await engine.ready()
    const rpc = new RpcClient(serveEngine(engine))
    const peer: Peer = { engine, rpc, dir, events: [] }
    rpc.onEvent((e) => peer.events.push(e))
    this.peers.push(peer)
    return peer
  }

  async closePeer(peer: Peer): Promise<void> {
    peer.rpc.close()
    await peer.engine.close()
  }

  async stop(): Promise<void> {
    for (const p of this.peers) await this.closePeer(p)
    await this.testnet?.destroy()
    for (const d of this.dirs) await rm(d, { recursive: true, force: true })
  }
}

/** A local testnet (127.0.0.1 only) for several labs to share. */
export function startTestnet(): Promise<createTestnet.Testnet> {
  return createTestnet(3, { host: '127.0.0.1' })
}

/**
 * Serves `engine` over an in-memory channel, as the app's shell does over its
 * own; returns the client's end. Engine tests put an RpcClient on it, the
 * renderer's tests the app's own connection (renderer/testing/engines.ts). `handlers` are the
 * engine's own unless a test swaps one (the server still checks every request's params).
 */
export function serveEngine(engine: Mutual, handlers: Handlers = createHandlers(engine)): Transport {
  const [serverEnd, clientEnd] = memoryTransportPair()
  serveRpc(serverEnd, handlers, engine)
  return clientEnd
}

/**
 * Resolves when `check` passes, re-checking on every engine event and at least every `pollMs`
 * (some state changes without an event); fails with the last reason after `ms`.
 */
export async function until<T>(
  peers: Peer[],
  check: () => Promise<T | false>,
  ms = 30_000,
  pollMs = 250
): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const result = await check()
    if (result !== false) return result
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`)
    await nextEvent(peers, Math.max(1, Math.min(pollMs, deadline - Date.now())))
  }
}

function nextEvent(peers: Peer[], fallbackMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      for (const p of peers) p.engine.off('event', done)
      resolve()
    }
    // The fallback covers state that changes without an event (e.g. peers acking).
    const timer = setTimeout(done, fallbackMs)
    for (const p of peers) p.engine.on('event', done)
  })
}

/** Every entry of a community's view, as one string: equal strings mean identical views. */
export async function viewDump(peer: Peer, communityId: string): Promise<string> {
  const bee = peer.engine.get(communityId).base.view
  const out: string[] = []
  for await (const entry of bee.createReadStream()) out.push(`${entry.key}=${JSON.stringify(entry.value)}`)
  return out.join('\n')
}

/** Waits until every peer's view of the community is identical, entry for entry; resolves with it. */
export async function sameView(peers: Peer[], communityId: string): Promise<string> {
  const dumps = await until(peers, async () => {
    const d = await Promise.all(peers.map((p) => viewDump(p, communityId)))
    return d.every((x) => x === d[0]) ? d : false
  })
  return dumps[0]!
}

/** The whole feed of a topic, as ids, newest first. */
export async function feedIds(peer: Peer, communityId: string, topic = 'general'): Promise<string[]> {
  const ids: string[] = []
  let before: number | undefined
  for (;;) {
    const page = await peer.rpc.call('posts.feed', {
      communityId,
      topic,
      limit: 200,
      ...(before === undefined ? {} : { before })
    })
    ids.push(...page.posts.map((p) => p.id))
    if (page.next === null) return ids
    before = page.next
  }
}

/** Founds a community on `founder` and lets each of `others` in with its own invite; each newcomer agrees. */
export async function community(founder: Peer, others: Peer[], name = 'Night owls'): Promise<string> {
  const { id } = await founder.rpc.call('communities.create', { name, displayName: 'Ash' })
  let n = 0
  for (const peer of others) {
    const { invite } = await founder.rpc.call('invites.create', { communityId: id })
    await peer.rpc.call('communities.join', { invite, displayName: `Member ${++n}` })
    await agree(peer, id)
  }
  return id
}

/** Says "I agree" to the agreements the newcomer holds, as the first-post screen does. */
export async function agree(peer: Pick<Peer, 'rpc'>, communityId: string): Promise<void> {
  const { agreements } = await peer.rpc.call('governance.get', { communityId })
  await peer.rpc.call('agreements.accept', { communityId, version: agreements.version })
}

/** True once `peer` holds the post; for use with `until`. */
export function hasPost(peer: Peer, communityId: string, postId: string): Promise<boolean> {
  return peer.rpc.call('posts.get', { communityId, postId }).then(
    () => true,
    () => false
  )
}

/** `author` posts `text` (and `extra`); resolves with its id once every one of `readers` holds it. */
export async function postSeen(
  author: Peer,
  readers: Peer[],
  communityId: string,
  text: string,
  extra: Omit<Params<'posts.create'>, 'communityId' | 'text'> = {}
): Promise<string> {
  const { id } = await author.rpc.call('posts.create', { communityId, text, ...extra })
  await until([author, ...readers], async () =>
    (await Promise.all(readers.map((r) => hasPost(r, communityId, id)))).every(Boolean)
  )
  return id
}

/** `proposer` proposes moving the community to op `version`, `responder` consents, and both adopt it. */
export async function moveToVersion(
  proposer: Peer,
  responder: Peer,
  communityId: string,
  version: number,
  reason = 'The newer rules'
): Promise<void> {
  const { id: proposalId } = await proposer.rpc.call('proposals.create', {
    communityId,
    change: { kind: 'version', version },
    reason
  })
  await until([responder], async () =>
    (await responder.rpc.call('proposals.list', { communityId })).some((p) => p.id === proposalId)
  )
  await responder.rpc.call('proposals.respond', { communityId, proposalId, stance: 'consent' })
  await until([proposer, responder], async () => {
    const versions = await Promise.all(
      [proposer, responder].map(async (p) => (await p.rpc.call('governance.get', { communityId })).version)
    )
    return versions.every((v) => v === version)
  })
}

/** Shows a code on `from`, links `to` with it as `name`, and says yes on `from` when `to` asks. */
export async function link(from: Peer, to: Peer, name: string): Promise<LinkResult> {
  const { offerId, code } = await from.rpc.call('devices.offerLink', {})
  const linking = to.rpc.call('devices.link', { code, name })
  linking.catch(() => undefined) // awaited below, once `from` has been asked
  const asked = await until([from], async () => {
    const request = from.events.find((e) => e.type === 'link-request' && e.offerId === offerId)
    return request?.type === 'link-request' ? request : false
  })
  if (asked.deviceName !== name) throw new Error(`the device asked as "${asked.deviceName}", not "${name}"`)
  await from.rpc.call('devices.answerLink', { offerId, accept: true })
  return linking
}
