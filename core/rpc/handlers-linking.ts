// RPC handlers for my devices. Params arrive already validated.
import hcrypto from 'hypercore-crypto'
import type { Mutual } from '../mutual.js'
import { done } from './server.js'
import type { Handlers } from './server.js'
import type { linkingMethods } from './methods-linking.js'

export function linkingHandlers(engine: Mutual): Pick<Handlers, keyof typeof linkingMethods> {
  const devices = engine.devices
  return {
    'devices.list': () => devices.list(),
    'devices.rename': done((p) => devices.rename(p.id, p.name)),
    'devices.revoke': done((p) => devices.revoke(p.id)),
    'devices.offerLink': () => devices.offer(),
    'devices.answerLink': async (p) => {
      devices.answer(p.offerId, p.accept)
      return { ok: true }
    },
    'devices.cancelOffer': done((p) => devices.cancelOffer(p.offerId)),
    'devices.link': (p) => devices.link(p.code, p.name, p.linkId ?? hcrypto.randomBytes(8).toString('hex')),
    'devices.cancelLink': async (p) => ({
      cancelled: devices.cancelLink(p.linkId) || engine.recovery.cancel(p.linkId)
    }),
    'devices.recoveryStatus': () => engine.recovery.status(),
    'devices.recoveryPhrase': (p) => engine.recovery.create(p.backup),
    'devices.restore': (p) =>
      engine.recovery.restore(p.phrase, p.name, p.backup, p.linkId ?? hcrypto.randomBytes(8).toString('hex'))
  }
}
