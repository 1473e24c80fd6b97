// React access to the engine: the connection, live queries that re-read on
// the engine's events, and a small helper for actions with pending/error state.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore
} from 'react'
import type { ReactNode } from 'react'
import type { EngineEvent } from '../../core/domain/types.js'
import { RpcError } from '../../core/rpc/client.js'
import type { ConnectionState, EngineConnection } from './connection.js'

const EngineContext = createContext<EngineConnection | null>(null)

export function EngineProvider({ engine, children }: { engine: EngineConnection; children: ReactNode }) {
  return <EngineContext.Provider value={engine}>{children}</EngineContext.Provider>
}

export function useEngine(): EngineConnection {
  const engine = useContext(EngineContext)
  if (!engine) throw new Error('useEngine needs an <EngineProvider>')
  return engine
}

export function useConnectionState(): ConnectionState {
  const engine = useEngine()
  return useSyncExternalStore(engine.subscribe, engine.getState)
}

/** Calls `listener` for every engine event, always with the latest closure. */
export function useEngineEvents(listener: (event: EngineEvent) => void): void {
  const engine = useEngine()
  const latest = useRef(listener)
  latest.current = listener
  useEffect(() => engine.onEvent((event) => latest.current(event)), [engine])
}

export interface Live<T> {
  data: T | undefined
  error: RpcError | null
  reload: () => void
}

/**
 * Reads `load()` now, again whenever an event passes `relevant`, and again
 * when the engine comes back after a restart. Bursts of events collapse into
 * one re-read after the one in flight.
 */
export function useLive<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  relevant: (event: EngineEvent) => boolean
): Live<T> {
  const engine = useEngine()
  const { generation } = useConnectionState()
  const [state, setState] = useState<{ key: unknown[]; data: T | undefined; error: RpcError | null }>({
    key: [...deps],
    data: undefined,
    error: null
  })
  const latest = useRef({ load, relevant })
  latest.current = { load, relevant }
  const trigger = useRef<() => void>(() => undefined)

  useEffect(() => {
    const key = [...deps]
    let cancelled = false
    let running = false
    let again = false
    const run = async (): Promise<void> => {
      if (running) {
        again = true
        return
      }
      running = true
      do {
        again = false
        try {
          const data = await latest.current.load()
          if (!cancelled) setState({ key, data, error: null })
        } catch (err) {
          const error = asRpcError(err)
          // While the engine restarts, the notice says so; the view keeps what it had and reads again after.
          if (!cancelled && error.code !== 'closed')
            setState((s) => ({ key, data: sameKey(s.key, key) ? s.data : undefined, error }))
        }
      } while (again && !cancelled)
      running = false
    }
    trigger.current = () => void run()
    void run()
    const off = engine.onEvent((event) => {
      if (latest.current.relevant(event)) void run()
    })
    return () => {
      cancelled = true
      off()
    }
    // The caller's deps decide when to read again.
  }, [engine, generation, ...deps])

  const reload = useCallback(() => trigger.current(), [])
  const fresh = sameKey(state.key, [...deps])
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : null, reload }
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]))
}

export function asRpcError(err: unknown): RpcError {
  if (err instanceof RpcError) return err
  return new RpcError({ code: 'internal', message: err instanceof Error ? err.message : String(err) })
}

/** Runs an engine action, tracking whether it is pending and what went wrong. */
export function useAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>
): {
  run: (...args: A) => Promise<R | undefined>
  pending: boolean
  error: RpcError | null
  clear: () => void
} {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<RpcError | null>(null)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])
  const latest = useRef(action)
  latest.current = action
  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    setPending(true)
    setError(null)
    try {
      return await latest.current(...args)
    } catch (err) {
      if (mounted.current) setError(asRpcError(err))
      return undefined
    } finally {
      if (mounted.current) setPending(false)
    }
  }, [])
  const clear = useCallback(() => setError(null), [])
  return { run, pending, error, clear }
}
