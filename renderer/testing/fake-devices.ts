// The fake engine's "my devices": the list, naming, removing, link codes
// offered and used, and the recovery phrase, kept just faithful enough for
// component tests. Tests drive the other side with `emit` (link-request,
// link-ended, link-progress) and can hold `devices.link` open with `pending`.
import type {
  DeviceInfo,
  LinkResult,
  RecoveryPhrase,
  RecoveryStatus,
  RestoreResult
} from '../../core/domain/types.js'
import type { MethodName } from '../../core/rpc/methods.js'
import type { FakeBridge } from './fake-bridge.js'
import { FakeError } from './fake-bridge.js'

const METHODS = new Set<MethodName>([
  'devices.list',
  'devices.rename',
  'devices.revoke',
  'devices.offerLink',
  'devices.answerLink',
  'devices.cancelOffer',
  'devices.link',
  'devices.cancelLink',
  'devices.recoveryStatus',
  'devices.recoveryPhrase',
  'devices.restore'
])

export const THIS_DEVICE = '1'.repeat(32)
export const LAPTOP = '2'.repeat(32)
export const OFFER = '0123456789abcdef'
export const LINK_CODE = 'yry4link-code-for-tests'
export const PHRASE = Array.from({ length: 24 }, (_, i) => `word${i + 1}`).join(' ')

export class FakeDevices {
  devices: DeviceInfo[] = [
    { id: THIS_DEVICE, name: 'first device', thisDevice: true, revoked: false, communities: 1 },
    { id: LAPTOP, name: 'laptop', thisDevice: false, revoked: false, communities: 1 }
  ]
  recovery: RecoveryStatus = { registered: 0, missing: 1 }
  linkResult: LinkResult = { communities: [], notShared: [] }
  restoreResult: RestoreResult = { communities: [], notShared: [], conversations: 0, plan: false }
  /** When set, devices.link and devices.restore wait for this before answering. */
  pending: Promise<void> | null = null
  private cancelled: (() => void) | null = null

  constructor(private readonly bridge: FakeBridge) {}

  handles(method: MethodName): boolean {
    return METHODS.has(method)
  }

  async handle(method: MethodName, p: Record<string, unknown>): Promise<unknown> {
    const ok = { ok: true as const }
    switch (method) {
      case 'devices.list':
        return this.devices
      case 'devices.rename':
        this.device(String(p.id)).name = String(p.name)
        this.bridge.changed()
        return ok
      case 'devices.revoke': {
        const device = this.device(String(p.id))
        if (device.thisDevice) throw new FakeError('not-allowed', 'this is your only device')
        Object.assign(device, { revoked: true, communities: 0 })
        this.bridge.changed()
        return ok
      }
      case 'devices.offerLink':
        return { offerId: OFFER, code: LINK_CODE, expiresAt: Date.now() + 10 * 60_000 }
      case 'devices.answerLink':
      case 'devices.cancelOffer':
        return ok
      case 'devices.link':
        await this.wait()
        return this.linkResult
      case 'devices.restore':
        await this.wait()
        return this.restoreResult
      case 'devices.cancelLink': {
        const stop = this.cancelled
        this.cancelled = null
        stop?.()
        return { cancelled: stop !== null }
      }
      case 'devices.recoveryStatus':
        return this.recovery
      case 'devices.recoveryPhrase': {
        this.recovery = { registered: this.recovery.registered + this.recovery.missing, missing: 0 }
        return {
          phrase: PHRASE,
          backup: p.backup ? 'c2VhbGVkIGJhY2t1cA==' : null,
          registered: this.recovery.registered,
          notRegistered: []
        } satisfies RecoveryPhrase
      }
      default:
        throw new FakeError('bad-request', `the fake engine does not know "${method}"`)
    }
  }

  private device(id: string): DeviceInfo {
    const device = this.devices.find((d) => d.id === id)
    if (!device) throw new FakeError('not-found', 'none of your devices has that id')
    return device
  }

  private async wait(): Promise<void> {
    if (!this.pending) return
    await new Promise<void>((resolve, reject) => {
      this.cancelled = () => reject(new FakeError('closed', 'linking was cancelled'))
      void this.pending?.then(resolve)
    })
    this.cancelled = null
  }
}
