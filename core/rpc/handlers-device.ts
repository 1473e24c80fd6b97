// RPC handlers for this device's lock and wipe. Params arrive already validated.
import { MutualError } from '../errors.js'
import type { Mutual } from '../mutual.js'
import type { Handlers } from './server.js'
import { OPEN_WHILE_LOCKED } from './methods-device.js'
import type { LockStatus, deviceMethods } from './methods-device.js'

export function deviceHandlers(engine: Mutual): Pick<Handlers, keyof typeof deviceMethods> {
  const status = (): LockStatus => ({
    protection: engine.protection,
    locked: engine.locked,
    lockAfterMinutes: engine.lockAfterMinutes
  })
  return {
    'lock.status': async () => status(),
    'lock.set': async (p) => {
      await engine.setPassphrase(p.current, p.passphrase)
      return status()
    },
    'lock.remove': async (p) => {
      await engine.removePassphrase(p.current)
      return status()
    },
    'lock.lockNow': async () => {
      engine.lockNow()
      return status()
    },
    'lock.unlock': async (p) => {
      await engine.unlock(p.passphrase)
      return status()
    },
    'lock.setIdle': async (p) => {
      await engine.setLockAfterMinutes(p.minutes)
      return status()
    },
    'profile.wipe': async () => {
      await engine.wipe()
      return { wiped: true }
    }
  }
}

/** Every handler, refusing all but the lock's own while the engine is locked. */
export function lockGated(engine: Pick<Mutual, 'locked'>, handlers: Handlers): Handlers {
  const gated: Record<string, (params: never) => Promise<unknown>> = {}
  for (const [name, handler] of Object.entries(handlers) as [string, (params: never) => Promise<unknown>][]) {
    gated[name] = OPEN_WHILE_LOCKED.has(name)
      ? handler
      : async (params) => {
          if (engine.locked)
            throw new MutualError('locked', 'Mutual is locked; unlock it with your passphrase')
          return handler(params)
        }
  }
  return gated as Handlers
}
