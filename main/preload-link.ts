// The logic behind `window.mutual`, free of Electron so it can be tested.
// It keeps the renderer's RPC client from ever waiting forever: requests made
// before the first port are queued, and requests in flight when the engine
// restarts (or gives up) are answered with a 'closed' error at once.
import type { EngineStatus, MutualBridge, OpenTarget } from '../core/rpc/bridge.js'

/** One MessagePort to the engine, as the preload wraps it. */
export interface EnginePort {
  send(message: unknown): void
  /** Starts delivery; called once. */
  listen(deliver: (message: unknown) => void): void
  close(): void
}

/** The two calls that go to the main process over IPC. */
interface MainCalls {
  openExternal(url: string): Promise<unknown>
  setBadgeCount(count: number): void
}

type ThreadTarget = OpenTarget

type BridgeApi = Required<MutualBridge>

/** Requests waiting for the first port; a renderer that floods past this gets errors. */
const MAX_QUEUED = 1000
const RESTARTED = 'the Mutual engine restarted before answering; please try again'

export function createBridgeLink(main: MainCalls) {
  let port: EnginePort | null = null
  let failure: string | null = null
  let status: EngineStatus | null = null
  let pendingThread: ThreadTarget | null = null
  const queue: unknown[] = []
  const inFlight = new Set<number>()
  const messageListeners = new Set<(message: unknown) => void>()
  const statusListeners = new Set<(status: EngineStatus) => void>()
  const threadListeners = new Set<(target: ThreadTarget) => void>()

  const deliver = (message: unknown): void => {
    for (const listener of messageListeners) listener(message)
  }

  // Answered on a later microtask: the caller is still inside send().
  const refuse = (id: number, message: string): void =>
    queueMicrotask(() => deliver({ t: 'res', id, ok: false, error: { code: 'closed', message } }))

  function dropPort(reason: string): void {
    port?.close()
    port = null
    for (const id of inFlight) refuse(id, reason)
    inFlight.clear()
  }

  function sendNow(target: EnginePort, message: unknown): void {
    const id = requestId(message)
    if (id !== null) inFlight.add(id)
    try {
      target.send(message)
    } catch (err) {
      if (id !== null) inFlight.delete(id)
      throw err
    }
  }

  function subscribe<T>(set: Set<T>, listener: T): () => void {
    set.add(listener)
    return () => {
      set.delete(listener)
    }
  }

  const api: BridgeApi = {
    send(message) {
      const id = requestId(message)
      if (failure !== null) {
        if (id !== null) refuse(id, `the Mutual engine is not running: ${failure}`)
        return
      }
      if (port) return sendNow(port, message)
      if (queue.length < MAX_QUEUED) queue.push(message)
      else if (id !== null) refuse(id, 'the Mutual engine is still starting; please try again')
    },
    onMessage: (listener) => subscribe(messageListeners, listener),
    onEngineStatus(listener) {
      const unsubscribe = subscribe(statusListeners, listener)
      // Late subscribers still learn the current state.
      const current = status
      if (current) queueMicrotask(() => statusListeners.has(listener) && listener(current))
      return unsubscribe
    },
    openExternal: (url) =>
      typeof url === 'string'
        ? main.openExternal(url).then(
            (opened) => opened === true,
            () => false
          )
        : Promise.resolve(false),
    setBadgeCount(count) {
      if (Number.isInteger(count) && count >= 0) main.setBadgeCount(count)
    },
    onOpenThread(listener) {
      const unsubscribe = subscribe(threadListeners, listener)
      // A click that started the app may arrive before the UI subscribes.
      const target = pendingThread
      pendingThread = null
      if (target) queueMicrotask(() => threadListeners.has(listener) && listener(target))
      return unsubscribe
    }
  }

  return {
    api,
    /** A fresh port from the main process (first load, reload, or after an engine restart). */
    attachPort(next: EnginePort): void {
      dropPort(RESTARTED)
      failure = null
      port = next
      next.listen((message) => {
        if (port !== next) return
        const id = responseId(message)
        if (id !== null) inFlight.delete(id)
        deliver(message)
      })
      for (const message of queue.splice(0)) sendNow(next, message)
    },
    setStatus(raw: unknown): void {
      const next = parseStatus(raw)
      if (!next) return
      status = next
      if (next.state === 'restarting') dropPort(RESTARTED)
      if (next.state === 'failed') {
        failure = next.reason
        dropPort(`the Mutual engine is not running: ${next.reason}`)
        for (const message of queue.splice(0)) {
          const id = requestId(message)
          if (id !== null) refuse(id, `the Mutual engine is not running: ${next.reason}`)
        }
      }
      for (const listener of statusListeners) listener(next)
    },
    openThread(raw: unknown): void {
      const target = parseThreadTarget(raw)
      if (!target) return
      if (threadListeners.size === 0) pendingThread = target
      for (const listener of threadListeners) listener(target)
    }
  }
}

function requestId(message: unknown): number | null {
  return envelopeId(message, 'req')
}

function responseId(message: unknown): number | null {
  return envelopeId(message, 'res')
}

function envelopeId(message: unknown, t: 'req' | 'res'): number | null {
  if (typeof message !== 'object' || message === null) return null
  const { t: kind, id } = message as { t?: unknown; id?: unknown }
  return kind === t && typeof id === 'number' && Number.isInteger(id) ? id : null
}

function parseStatus(raw: unknown): EngineStatus | null {
  if (typeof raw !== 'object' || raw === null) return null
  const { state, reason } = raw as { state?: unknown; reason?: unknown }
  if (state === 'ready') return { state }
  if ((state === 'restarting' || state === 'failed') && typeof reason === 'string') return { state, reason }
  return null
}

function parseThreadTarget(raw: unknown): ThreadTarget | null {
  if (typeof raw !== 'object' || raw === null) return null
  const { communityId, root, memberId, reachOuts } = raw as {
    communityId?: unknown
    root?: unknown
    memberId?: unknown
    reachOuts?: unknown
  }
  if (typeof communityId !== 'string') return null
  if (typeof root === 'string') return { communityId, root }
  if (typeof memberId === 'string') return { communityId, memberId }
  if (reachOuts === true) return { communityId, reachOuts: true }
  return null
}
