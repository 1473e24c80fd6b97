// What the Electron preload exposes to the renderer as `window.mutual`, and
// what the browser E2E tests install in its place. Type-only: no Node, no DOM.

export type EngineStatus =
  /** The engine process is up and serving. */
  | { state: 'ready' }
  /** The engine stopped unexpectedly and is being started again. */
  | { state: 'restarting'; reason: string }
  /** The engine could not be restarted. */
  | { state: 'failed'; reason: string }

/** What a clicked notification opens: a thread, a private conversation, or a community's reach-outs. */
export type OpenTarget =
  | { communityId: string; root: string }
  | { communityId: string; memberId: string }
  | { communityId: string; reachOuts: true }

export interface MutualBridge {
  /** Sends one RPC message (a request envelope) to the engine. */
  send(message: unknown): void
  /** Receives RPC messages (responses and events) from the engine. Returns an unsubscribe function. */
  onMessage(listener: (message: unknown) => void): () => void
  /** Engine lifecycle notices, so the UI can say when it restarts. Returns an unsubscribe function. */
  onEngineStatus(listener: (status: EngineStatus) => void): () => void
  /** Opens an https: link in the browser, after the person confirms. Resolves false if they declined. */
  openExternal(url: string): Promise<boolean>
  /** The unread count for the tray/dock badge. */
  setBadgeCount(count: number): void
  /**
   * Asks the UI to open a thread, a conversation or the reach-outs, e.g. after a click on an OS
   * notification. Optional, so test doubles may leave it out. Returns an unsubscribe function.
   */
  onOpenThread?(listener: (target: OpenTarget) => void): () => void
}
