// The renderer's one way to the engine: RPC envelopes over `window.mutual`.
// The engine can restart under us (the shell runs it in a utility process), so
// each engine lifetime gets its own RpcClient; calls made while it is away
// fail at once with `closed` rather than hanging.
import type { EngineEvent } from '../../core/domain/types.js'
import type { EngineStatus, MutualBridge, OpenTarget } from '../../core/rpc/bridge.js'
import { RpcClient, RpcError } from '../../core/rpc/client.js'
import type { MethodName, Params, Results } from '../../core/rpc/methods.js'
import type { Transport } from '../../core/rpc/protocol.js'

/** A Transport over the bridge, for one engine lifetime. */
function bridgeTransport(bridge: MutualBridge): Transport {
  const closeHandlers: (() => void)[] = []
  const unsubscribers: (() => void)[] = []
  let closed = false
  return {
    send(message) {
      if (!closed) bridge.send(message)
    },
    onMessage(handler) {
      unsubscribers.push(
        bridge.onMessage((message) => {
          if (!closed) handler(message)
        })
      )
    },
    onClose(handler) {
      closeHandlers.push(handler)
    },
    close() {
      if (closed) return
      closed = true
      for (const off of unsubscribers) off()
      for (const handler of closeHandlers) handler()
    }
  }
}

/** A thread, a private conversation, or a community's reach-outs, as the shell asks for them. */
export type ThreadTarget = OpenTarget

export interface ConnectionState {
  status: EngineStatus
  /** Grows each time the engine comes back, so views know to read everything again. */
  generation: number
  /** True once the engine has restarted at least once, for the "running again" notice. */
  restarted: boolean
}

export class EngineConnection {
  private client: RpcClient
  private state: ConnectionState = { status: { state: 'ready' }, generation: 0, restarted: false }
  private readonly eventListeners = new Set<(event: EngineEvent) => void>()
  private readonly stateListeners = new Set<() => void>()
  private readonly offStatus: () => void

  constructor(private readonly bridge: MutualBridge) {
    this.client = this.connect()
    this.offStatus = bridge.onEngineStatus((status) => this.setStatus(status))
  }

  call<M extends MethodName>(method: M, params: Params<M>): Promise<Results[M]> {
    if (this.state.status.state !== 'ready')
      return Promise.reject(new RpcError({ code: 'closed', message: 'the Mutual engine is restarting' }))
    return this.client.call(method, params)
  }

  onEvent(listener: (event: EngineEvent) => void): () => void {
    this.eventListeners.add(listener)
    return () => this.eventListeners.delete(listener)
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener)
    return () => this.stateListeners.delete(listener)
  }

  getState = (): ConnectionState => this.state

  setBadgeCount(count: number): void {
    this.bridge.setBadgeCount(count)
  }

  openExternal(url: string): Promise<boolean> {
    return this.bridge.openExternal(url)
  }

  /** The shell asks for a thread or a conversation, e.g. when an OS notification is clicked. */
  onOpenThread(listener: (target: ThreadTarget) => void): () => void {
    return this.bridge.onOpenThread?.(listener) ?? (() => undefined)
  }

  dispose(): void {
    this.offStatus()
    this.client.close()
  }

  private connect(): RpcClient {
    const client = new RpcClient(bridgeTransport(this.bridge))
    client.onEvent((event) => {
      for (const listener of this.eventListeners) listener(event)
    })
    return client
  }

  private setStatus(status: EngineStatus): void {
    const wasReady = this.state.status.state === 'ready'
    if (status.state === 'ready') {
      if (wasReady) return
      this.client = this.connect()
      this.state = { status, generation: this.state.generation + 1, restarted: true }
    } else {
      // Whatever was in flight went down with the old engine.
      if (wasReady) this.client.close()
      this.state = { ...this.state, status }
    }
    for (const listener of this.stateListeners) listener()
  }
}
