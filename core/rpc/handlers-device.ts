// RPC handlers for this device's lock and wipe. Params arrive already validated.
import type { Mutual } from '../mutual.js'
import type { Handlers } from './server.js'
import type { deviceMethods } from './methods-device.js'

export function deviceHandlers(engine: Mutual): Pick<Handlers, keyof typeof deviceMethods> {
  return {
    'lock.status': async () => ({ protection: engine.protection }),
    'lock.set': async (p) => {
      await engine.setPassphrase(p.current, p.passphrase)
      return { protection: engine.protection }
    },
    'lock.remove': async (p) => {
      await engine.removePassphrase(p.current)
      return { protection: engine.protection }
    },
    'profile.wipe': async () => {
      await engine.wipe()
      return { wiped: true }
    }
  }
}
