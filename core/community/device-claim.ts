// Each member proves in the log which network key (device key) is theirs in
// this community, by signing their writer key with it. Private conversations
// derive their pair keys from these proven device keys. Who may replicate is
// decided elsewhere, from writer keys (see member-links.ts).
import hcrypto from 'hypercore-crypto'
import { deviceClaimMessage } from '../domain/device.js'
import type { Op } from '../domain/ops.js'
import type { ViewReader } from '../view/read.js'

interface DeviceHost {
  readonly base: { key: Buffer; local: { key: Buffer }; writable: boolean }
  readonly updateNeeded: boolean
  readonly me: string
  /** A linked device writes as a member whose first device already introduced itself. */
  readonly isLinkedDevice: boolean
  reader(): ViewReader
  swarmKeyPair(): Promise<{ publicKey: Buffer; secretKey: Buffer }>
  append(op: Op): Promise<void>
  emit(event: 'warning', err: unknown): boolean
}

export class DeviceClaim {
  private claiming = false
  private claimed = false
  private closed = false

  constructor(private readonly host: DeviceHost) {}

  /** Writes this device's signed claim once, when the member can write and has not yet; cheap to call on every update. */
  claim(): void {
    if (
      this.claimed ||
      this.claiming ||
      this.closed ||
      this.host.isLinkedDevice ||
      !this.host.base.writable ||
      this.host.updateNeeded
    )
      return
    this.claiming = true
    this.doClaim()
      .catch((err: unknown) => this.host.emit('warning', err))
      .finally(() => {
        this.claiming = false
      })
  }

  private async doClaim(): Promise<void> {
    const reader = this.host.reader()
    const me = await reader.member(this.host.me)
    // Gone, or the community started again elsewhere: nothing to introduce here.
    if (!me || me.left || (await reader.meta())?.refounded) return
    const keyPair = await this.host.swarmKeyPair()
    const swarmKey = keyPair.publicKey.toString('hex')
    if (me.device === swarmKey) {
      this.claimed = true
      return
    }
    const message = deviceClaimMessage(this.host.base.key, this.host.base.local.key)
    const signature = hcrypto.sign(message, keyPair.secretKey).toString('hex')
    await this.host.append({ type: 'member/device', swarmKey, signature })
  }

  close(): void {
    this.closed = true
  }
}
