// My devices in the renderer's tests: each a real engine with its own bridge,
// online on the file's local testnet (127.0.0.1) or offline. A test renders
// the app over one of them (a new device on its first run, a laptop linked
// and then revoked) while another shows the code or holds the phrase.
import type { EngineEvent, LinkResult } from '../../core/domain/types.js'
import { MutualError } from '../../core/errors.js'
import type { ErrorCode } from '../../core/errors.js'
import type { MethodName, Params, Results } from '../../core/rpc/methods.js'
import type { Transport } from '../../core/rpc/protocol.js'
import { EngineBridge, answerWith, closeAfterTest, fileTestnet, until } from './engines.js'
import type { Answer } from './engines.js'
import { Lab, createHandlers, link as linkPeers, serveEngine } from '../../test/support/peers.js'
import type { Handlers, Peer } from '../../test/support/peers.js'

type PeerOptions = NonNullable<Parameters<Lab['peer']>[0]>

interface Opening {
  /** On the file's local testnet; else offline, with no network at all. */
  online?: boolean
  /** The engine's clock. */
  now?: () => number
  /** A community this device founded (as Ash) on an older version of Mutual, before it was updated. */
  older?: string
}

/** The op version before my devices (core/view/devices.ts): a community there is not shared with a new device. */
const BEFORE_DEVICES = 4

/**
 * One of my devices: a real engine the app can render over (`bridge`), closed after the test that
 * opened it. A test can make its engine answer one method its own way (`answer`, `refuse`), and
 * hold back what the engine says to the app for a moment (`hold`).
 */
export class Device {
  readonly bridge: EngineBridge
  private readonly handlers: Handlers
  private readonly held: { check: (message: unknown) => boolean; queue: unknown[] }[] = []

  private constructor(
    private readonly lab: Lab,
    readonly peer: Peer
  ) {
    this.handlers = createHandlers(peer.engine)
    this.bridge = new EngineBridge(this.holding(serveEngine(peer.engine, this.handlers)))
  }

  static async open(opts: Opening = {}): Promise<Device> {
    const lab = opts.online ? new Lab(await fileTestnet()) : new Lab()
    try {
      const clock: PeerOptions = opts.now ? { now: opts.now } : {}
      let peer = await lab.peer(opts.older ? { ...clock, foundAtVersion: BEFORE_DEVICES } : clock)
      if (opts.older) {
        await peer.rpc.call('communities.create', { name: opts.older, displayName: 'Ash' })
        // Updated since: what it founds from now on is on the newest version.
        await lab.closePeer(peer)
        peer = await lab.peer({ ...clock, storage: peer.dir })
      }
      return closeAfterTest(new Device(lab, peer))
    } catch (err) {
      await lab.stop()
      throw err
    }
  }

  call<M extends MethodName>(method: M, params: Params<M>): Promise<Results[M]> {
    return this.peer.rpc.call(method, params)
  }

  /** Waits until `check` holds on this engine, re-checking on each of its events. */
  until<T>(check: () => Promise<T | false>, ms?: number): Promise<T> {
    return until([this.peer], check, ms)
  }

  /** Founds a community here, as Ash; resolves with its id. */
  async found(name: string): Promise<string> {
    return (await this.call('communities.create', { name, displayName: 'Ash' })).id
  }

  /** As Circle.answer: the app's `method` is answered by `handler`, given the engine's own. */
  answer<M extends MethodName>(method: M, handler: Answer<M>): void {
    answerWith(this.handlers, method, handler)
  }

  /**
   * The engine's own answer to the app's next `method`, held back until `release`, for a state
   * that passes in a moment (the last of the copying); `answered` resolves once the engine has
   * answered, with what it answered. `change` stands in for what the engine cannot say.
   */
  holdAnswer<M extends MethodName>(
    method: M,
    change: (result: Results[M]) => Results[M] = (result) => result
  ): { answered: Promise<Results[M]>; release: () => void } {
    let release: () => void = () => undefined
    const released = new Promise<void>((resolve) => (release = resolve))
    let answered: (result: Results[M]) => void = () => undefined
    const done = new Promise<Results[M]>((resolve) => (answered = resolve))
    this.answer(method, async (params, own) => {
      const result = (await own(params)) as Results[M]
      answered(result)
      await released
      return change(result)
    })
    return { answered: done, release }
  }

  /** As Circle.refuse: the app's `method` fails with `code`, its params still checked by the server. */
  refuse(method: MethodName, code: ErrorCode, message: string): void {
    this.answer(method, async () => {
      throw new MutualError(code, message)
    })
  }

  /**
   * Holds back, from now on, what the engine says to the app that `check` picks (an event, a reply),
   * for a state that passes in a moment; the returned function lets it all through, in order.
   */
  hold(check: (message: unknown) => boolean): () => void {
    const entry = { check, queue: [] as unknown[] }
    this.held.push(entry)
    return () => {
      this.held.splice(this.held.indexOf(entry), 1)
      for (const message of entry.queue.splice(0)) this.forward(message)
    }
  }

  /**
   * Says `event` to the app as the engine would, for what no engine does within a test (a code
   * expiring after ten minutes on the engine's own timer).
   */
  tell(event: EngineEvent): void {
    this.forward({ t: 'evt', event })
  }

  private forward: (message: unknown) => void = () => undefined

  private holding(inner: Transport): Transport {
    const listeners: ((message: unknown) => void)[] = []
    this.forward = (message) => {
      for (const listener of listeners) listener(message)
    }
    inner.onMessage((message) => {
      const entry = this.held.find((h) => h.check(message))
      if (entry) entry.queue.push(message)
      else this.forward(message)
    })
    return {
      send: (message) => inner.send(message),
      onMessage: (listener) => void listeners.push(listener),
      onClose: (listener) => inner.onClose(listener),
      close: () => inner.close()
    }
  }

  async close(): Promise<void> {
    this.bridge.close()
    await this.lab.stop()
  }
}

/** An event of `type` the engine sends the app. */
export const event =
  (type: string) =>
  (message: unknown): boolean => {
    const m = message as { t?: string; event?: { type?: string } }
    return m.t === 'evt' && m.event?.type === type
  }

/** `from` shows a code, `to` links with it as `name`, and `from` says yes when `to` asks. */
export const link = (from: Device, to: Device, name: string): Promise<LinkResult> =>
  linkPeers(from.peer, to.peer, name)
