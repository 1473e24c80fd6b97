// Real engines for the renderer's tests. The app renders over a bridge whose
// far end is a real `Mutual` engine (core/), served by the real RPC server
// over the same in-memory channel the engine tests use (test/support/peers.ts):
// only the transport is swapped. The other members are real engines too, on a
// local testnet (127.0.0.1) when a test needs them, offline otherwise.
//
// What no engine can give, the outside world the shell stands for (opening a
// link, the dock badge, engine restarts, a clicked OS notification), is kept
// here as a small fixture typed by the bridge's contract (core/rpc/bridge.ts).
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, expect } from 'vitest'
import type { Member } from '../../core/domain/types.js'
import { MutualError } from '../../core/errors.js'
import type { ErrorCode } from '../../core/errors.js'
import type { MethodName, Params, Results } from '../../core/rpc/methods.js'
import type { Transport } from '../../core/rpc/protocol.js'
import { ShellFixture } from './shell.js'
import {
  Lab,
  agree,
  createHandlers,
  serveEngine,
  startTestnet,
  until as untilEvery
} from '../../test/support/peers.js'
import type { Handlers, Peer } from '../../test/support/peers.js'

/** `window.mutual` for tests: RPC envelopes go to a real engine; the shell's part is a fixture. */
export class EngineBridge extends ShellFixture {
  /** What the engine answered to each request that succeeded, by request. */
  private readonly results = new Map<number, unknown>()
  private readonly methods = new Map<number, string>()

  constructor(private readonly transport: Transport) {
    super()
    transport.onMessage((message) => {
      const reply = message as { t: string; id: number; ok: boolean; result: unknown }
      if (reply.t === 'res' && reply.ok) this.results.set(reply.id, reply.result)
      for (const listener of this.messageListeners) listener(message)
    })
  }

  send(message: unknown): void {
    const { id, method, params } = message as { id: number; method: string; params: unknown }
    this.calls.push({ method, params: structuredClone(params) })
    this.methods.set(id, method)
    this.transport.send(message)
  }

  /** The engine's answers to the app's successful calls of `method`, in order. */
  resultsOf<M extends MethodName>(method: M): Results[M][] {
    return [...this.results]
      .filter(([id]) => this.methods.get(id) === method)
      .map(([, result]) => result as Results[M])
  }

  close(): void {
    this.transport.close()
  }
}

/** A fixture's answer to one method: the params as the RPC server parsed them, and the engine's own handler. */
export type Answer<M extends MethodName> = (
  params: Parameters<Handlers[M]>[0],
  own: Handlers[M]
) => Promise<Results[M]>

/** Swaps `handlers`' answer to `method` for `handler`, which may build on the engine's own. */
export function answerWith<M extends MethodName>(handlers: Handlers, method: M, handler: Answer<M>): void {
  const own = handlers[method]
  // A mapped type indexed by a generic key is not assignable in TypeScript; the signature above is the check.
  Object.assign(handlers, { [method]: (params: Parameters<Handlers[M]>[0]) => handler(params, own) })
}

/** A member of the test's community: a real engine, reached over the RPC like any front end. */
export interface Someone {
  peer: Peer
  /** Their member id and marker, as the community's view has them. */
  id: string
  marker: string
  call<M extends MethodName>(method: M, params: Params<M>): Promise<Results[M]>
  /** Waits until `check` holds on their engine, re-checking on each of its events. */
  until<T>(check: () => Promise<T | false>): Promise<T>
}

/** How you found a test's community: your engine's clock, and the agreements you start it with. */
interface Founding {
  now?: () => number
  agreements?: { text: string; confidentiality: string }
}

/**
 * Every circle not closed yet, and whether a test has taken it: one made in a test is that test's,
 * one built `ahead` is nobody's until a test takes it.
 */
/**
 * Waits until `check` holds, re-checking on each event of `peers`' engines and every few ms: some
 * state (a peer's acks, presence) changes without an event, and a test waiting on it waits for nothing.
 * A minute at most: a file builds its communities at once, on one thread, on a busy machine.
 */
export const until = <T>(peers: Peer[], check: () => Promise<T | false>, ms = 60_000): Promise<T> =>
  untilEvery(peers, check, ms, 25)

const open = new Map<Closable, { taken: boolean }>()

/** What a test opens beside its circles (another engine, a second device): closed as a circle is. */
export interface Closable {
  close(): Promise<void>
}

/** Closes `thing` after the test that opened it (or, opened outside a test, after the file). */
export function closeAfterTest<T extends Closable>(thing: T): T {
  open.set(thing, { taken: inATest() })
  return thing
}
/** One local testnet (127.0.0.1) for all of a file's communities; destroyed after the file. */
let testnet: ReturnType<typeof startTestnet> | null = null
export const fileTestnet = () => (testnet ??= startTestnet())

/** Builds started ahead, so that after the file none is left half-made. */
const building: Promise<unknown>[] = []
const inATest = (): boolean => expect.getState().currentTestName !== undefined

/**
 * A community with you (Ash) and, when asked, other members by name. You are
 * the engine the app renders over (`bridge`); the others are driven through
 * their own RPC. Closed after each test by `closeEnginesAfterEach`.
 */
export class Circle {
  readonly bridge: EngineBridge
  private readonly members = new Map<string, Someone>()
  /** The handlers the app's requests reach: your engine's own, unless a test makes one refuse. */
  private readonly handlers: Handlers

  private constructor(
    private readonly lab: Lab,
    readonly communityId: string,
    readonly me: Someone
  ) {
    this.handlers = createHandlers(me.peer.engine)
    this.bridge = new EngineBridge(serveEngine(me.peer.engine, this.handlers))
    this.members.set('Ash', me)
  }

  /**
   * You alone, offline: no network at all. `opts.now` is your engine's clock; `opts.agreements`, the
   * text you founded the community with (else the template's).
   */
  static async solo(opts: Founding = {}): Promise<Circle> {
    return Circle.found(new Lab(), opts, inATest())
  }

  /** You and `others` (each joined with their own invite, and agreed), over a local testnet. */
  static async with(others: string[], opts: Founding = {}): Promise<Circle> {
    const taken = inATest()
    const lab = new Lab(await fileTestnet())
    const circle = await Circle.found(lab, opts, taken)
    for (const other of others) await circle.join(other)
    return circle
  }

  /**
   * Bo founded the community, let `others` in (each agreed) and `prepare`d it; then you (Ash) joined
   * with Bo's invite. You hold all Bo held, and have not said "I agree" yet.
   */
  static async newcomer(
    opts: {
      others?: string[]
      prepare?: (bo: Someone, communityId: string, others: Someone[]) => Promise<void>
    } = {}
  ): Promise<Circle> {
    const taken = inATest()
    const lab = new Lab(await fileTestnet())
    try {
      const founder = await lab.peer()
      const { id } = await founder.rpc.call('communities.create', { name: 'Night owls', displayName: 'Bo' })
      const bo = await someone(founder, id)
      const others: Someone[] = []
      for (const other of opts.others ?? []) others.push(await letIn(lab, bo, id, other))
      await opts.prepare?.(bo, id, others)
      const { invite } = await bo.call('invites.create', { communityId: id })
      const peer = await lab.peer()
      await peer.rpc.call('communities.join', { invite, displayName: 'Ash' })
      const circle = new Circle(lab, id, await someone(peer, id))
      circle.members.set('Bo', bo)
      for (const [i, other] of (opts.others ?? []).entries()) circle.members.set(other, others[i]!)
      open.set(circle, { taken })
      await circle.holdsAllOf('Bo')
      return circle
    } catch (err) {
      await lab.stop()
      throw err
    }
  }

  private static async found(lab: Lab, opts: Founding, taken: boolean): Promise<Circle> {
    try {
      const peer = await lab.peer(opts.now ? { now: opts.now } : {})
      const { id } = await peer.rpc.call('communities.create', {
        name: 'Night owls',
        displayName: 'Ash',
        ...(opts.agreements ? { agreements: opts.agreements } : {})
      })
      const circle = new Circle(lab, id, await someone(peer, id))
      open.set(circle, { taken })
      return circle
    } catch (err) {
      await lab.stop()
      throw err
    }
  }

  /**
   * Lets `name` in with `opts.invite`, or else a fresh invite of yours; they agree, and you hold them
   * as a member. `opts.now` is their engine's clock.
   */
  async join(name: string, opts: { invite?: string; now?: () => number } = {}): Promise<Someone> {
    const who = await letIn(this.lab, this.me, this.communityId, name, opts)
    this.members.set(name, who)
    return who
  }

  /** `name` posts in #general (or as `extra` says); resolves with its id once your engine holds it. */
  async post(
    name: string,
    text: string,
    extra: Omit<Params<'posts.create'>, 'communityId' | 'text'> = {}
  ): Promise<string> {
    const communityId = this.communityId
    const { id } = await this.member(name).call('posts.create', { communityId, text, ...extra })
    await this.until(() =>
      this.me.call('posts.get', { communityId, postId: id }).then(
        () => true,
        () => false
      )
    )
    return id
  }

  /** Waits until your engine holds everything `name`'s engine holds of the community. */
  async holdsAllOf(name: string): Promise<void> {
    const communityId = this.communityId
    const latest = async (who: Someone) =>
      (await who.call('communities.list', {})).find((c) => c.id === communityId)?.latestSeq ?? -1
    const theirs = await latest(this.member(name))
    await this.until(async () => (await latest(this.me)) >= theirs)
  }

  /**
   * You (or `opts.by`) propose `change`; every other member consents (but one it is about); waits
   * until you hold it adopted.
   */
  async adopt(
    change: Params<'proposals.create'>['change'],
    opts: { by?: string; reason?: string } = {}
  ): Promise<void> {
    const communityId = this.communityId
    const proposer = opts.by ? this.member(opts.by) : this.me
    const reason = opts.reason ?? 'We talked it over.'
    const { id: proposalId } = await proposer.call('proposals.create', { communityId, change, reason })
    for (const who of this.members.values()) {
      if (who === proposer) continue
      const proposal = await until(
        [who.peer],
        async () =>
          (await who.call('proposals.list', { communityId })).find((p) => p.id === proposalId) ?? false
      )
      // Whom a proposal is about does not respond to it; nobody responds once enough have.
      if (proposal.aboutMe || proposal.status !== 'open') continue
      if ((await this.me.call('proposals.get', { communityId, proposalId })).status !== 'open') break
      await who.call('proposals.respond', { communityId, proposalId, stance: 'consent' })
    }
    // Peers stop sending to a member they have removed, so the member concerned may learn of it
    // late: their own engine is not where the adoption is waited for.
    const removesMe = change.kind === 'removal' && change.member === this.me.id
    const witness = removesMe ? proposer : this.me
    await witness.until(
      async () => (await witness.call('proposals.get', { communityId, proposalId })).status === 'adopted'
    )
  }

  /**
   * From now on your engine answers the app's `method` with a `code` error, for states no test can
   * hold a real engine in for long (a community still arriving). The RPC server still checks each
   * request's params with its own schema first.
   */
  refuse(method: MethodName, code: ErrorCode, message: string): void {
    this.answer(method, async () => {
      throw new MutualError(code, message)
    })
  }

  /**
   * From now on your engine answers the app's `method` with `handler`, for what no real engine can
   * be held in for a test (a state that passes in a moment, a history too long to write). `handler`
   * gets the params as the RPC server parsed them with the method's own schema, and your engine's
   * own handler, to build on; it must answer in the contract's type.
   */
  answer<M extends MethodName>(method: M, handler: Answer<M>): void {
    answerWith(this.handlers, method, handler)
  }

  member(name: string): Someone {
    const who = this.members.get(name)
    if (!who) throw new Error(`no member called ${name} in this test's community`)
    return who
  }

  /** Waits until `check` holds on your engine, re-checking on each of its events. */
  until<T>(check: () => Promise<T | false>, ms?: number): Promise<T> {
    return until([this.me.peer], check, ms)
  }

  async close(): Promise<void> {
    this.bridge.close()
    await this.lab.stop()
  }
}

/**
 * Your engine before any community: the app's first run. Offline, or with `opts.networked` on the
 * file's local testnet (to join a test's community); `opts.now` is its clock. Closed after the test.
 */
export async function freshEngine(
  opts: { networked?: boolean; now?: () => number } = {}
): Promise<{ bridge: EngineBridge; peer: Peer }> {
  const lab = new Lab(opts.networked ? await fileTestnet() : null)
  try {
    // A join that waits says so every two seconds, not five: the app shows what it is told either way.
    const peer = await lab.peer({ joinCheckMs: 2000, ...(opts.now ? { now: opts.now } : {}) })
    const bridge = new EngineBridge(serveEngine(peer.engine))
    closeAfterTest({
      close: async () => {
        bridge.close()
        await lab.stop()
      }
    })
    return { bridge, peer }
  } catch (err) {
    await lab.stop()
    throw err
  }
}

/** `host` lets `name` in (with `opts.invite` or a fresh invite of theirs); they agree, and `host` sees it. */
export async function letIn(
  lab: Lab,
  host: Someone,
  communityId: string,
  name: string,
  opts: { invite?: string; now?: () => number } = {}
): Promise<Someone> {
  const peer = await lab.peer(opts.now ? { now: opts.now } : {})
  const invite = opts.invite ?? (await host.call('invites.create', { communityId })).invite
  await peer.rpc.call('communities.join', { invite, displayName: name })
  await agree(peer, communityId)
  const who = await someone(peer, communityId)
  await until([host.peer], async () =>
    (await host.call('members.list', { communityId })).some((m) => m.id === who.id && m.agreed)
  )
  return who
}

export async function someone(peer: Peer, communityId: string): Promise<Someone> {
  const members: Member[] = await peer.rpc.call('members.list', { communityId })
  const self = members.find((m) => m.isMe)
  if (!self) throw new Error('an engine that does not know itself')
  return {
    peer,
    id: self.id,
    marker: self.marker,
    call: (method, params) => peer.rpc.call(method, params),
    until: (check) => until([peer], check)
  }
}

/**
 * Starts building a test's community now, at the top of its file, so that while earlier tests run
 * the testnet lets its members in (joining is the slow part); the test takes it by calling the
 * returned function, and it is closed after that test. Build only what the test's own setup did.
 */
export function ahead<T extends { circle: Circle }>(build: () => Promise<T>): () => Promise<T> {
  if (inATest()) throw new Error('build ahead at the top of the file, outside any test')
  const started = build()
  started.catch(() => undefined) // reported to the test that takes it
  building.push(started)
  return async () => {
    const built = await started
    const entry = open.get(built.circle)
    if (!entry || entry.taken) throw new Error('a community built ahead is for one test only')
    entry.taken = true
    return built
  }
}

/**
 * Unmounts the app, then closes every engine, testnet and folder the test opened; after the file,
 * whatever was built ahead for a test that did not run.
 */
export function closeEnginesAfterEach(): void {
  afterEach(async () => {
    cleanup()
    for (const [thing, { taken }] of [...open]) {
      if (!taken) continue
      open.delete(thing)
      await thing.close()
    }
  })
  afterAll(async () => {
    await Promise.allSettled(building.splice(0))
    for (const thing of [...open.keys()]) {
      open.delete(thing)
      await thing.close()
    }
    const started = testnet
    testnet = null
    await (await started)?.destroy()
  })
}
