// The shell's side of `window.mutual` in the renderer's tests: what Electron's
// main process does for a window (links it opens, the dock badge, the engine's
// state, a clicked notification), as a fixture the tests drive. The engine's
// side (RPC envelopes) is left to the bridge that extends this.
import type { EngineStatus, MutualBridge, OpenTarget } from '../../core/rpc/bridge.js'
import type { MethodName } from '../../core/rpc/methods.js'

export interface Call {
  method: string
  params: unknown
}

export abstract class ShellFixture implements MutualBridge {
  /** Every request the app sent, in order, as it sent it. */
  readonly calls: Call[] = []
  readonly badges: number[] = []
  readonly opened: string[] = []
  protected readonly messageListeners = new Set<(message: unknown) => void>()
  private readonly statusListeners = new Set<(status: EngineStatus) => void>()
  private readonly threadListeners = new Set<(target: OpenTarget) => void>()

  abstract send(message: unknown): void

  onMessage(listener: (message: unknown) => void): () => void {
    this.messageListeners.add(listener)
    return () => this.messageListeners.delete(listener)
  }

  onEngineStatus(listener: (status: EngineStatus) => void): () => void {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  async openExternal(url: string): Promise<boolean> {
    this.opened.push(url)
    return true
  }

  setBadgeCount(count: number): void {
    this.badges.push(count)
  }

  onOpenThread(listener: (target: OpenTarget) => void): () => void {
    this.threadListeners.add(listener)
    return () => this.threadListeners.delete(listener)
  }

  // ---- the shell's side, driven by tests ----------------------------------

  setEngineStatus(status: EngineStatus): void {
    for (const listener of this.statusListeners) listener(status)
  }

  openThread(target: OpenTarget): void {
    for (const listener of this.threadListeners) listener(target)
  }

  callsOf(method: MethodName): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.params)
  }
}
