// Keeps removed members' devices out. Each member proves in the log which
// network key is theirs in this community; when the community removes a
// member, every peer refuses that key from then on. A removed person keeps
// what they already received: this stops what comes after, not before.
import hcrypto from 'hypercore-crypto'
import type Hyperswarm from 'hyperswarm'
import { deviceClaimMessage } from '../domain/device.js'
import type { Op } from '../domain/ops.js'
import type { ViewReader } from '../view/read.js'
import { keys, prefixEnd } from '../view/records.js'

export interface DeviceHost {
  readonly base: { key: Buffer; local: { key: Buffer }; writable: boolean }
  readonly updateNeeded: boolean
  readonly me: string
  readonly connections: Iterable<Hyperswarm.SwarmConnection>
  reader(): ViewReader
  swarmKeyPair(): Promise<{ publicKey: Buffer; secretKey: Buffer }>
  append(op: Op): Promise<void>
  emit(event: 'warning', err: unknown): boolean
}

/** Time a removed member's open connection is left, so they can still receive the decision itself. */
const GRACE_MS = 3000
/** Removals are rare; re-reading the refused keys at most this often keeps posting fast. */
const REFRESH_EVERY_MS = 500

export class DeviceGuard {
  private blocked = new Set<string>()
  private claiming = false
  private claimed = false
  private refreshing = false
  private closed = false
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()

  constructor(private readonly host: DeviceHost) {}

  refuses(remotePublicKey: Buffer): boolean {
    return this.blocked.has(remotePublicKey.toString('hex'))
  }

  /** Writes this device's signed claim once, when the member can write and has not yet; cheap to call on every update. */
  claim(): void {
    if (this.claimed || this.claiming || this.closed || !this.host.base.writable || this.host.updateNeeded)
      return
    this.claiming = true
    this.doClaim()
      .catch((err: unknown) => this.host.emit('warning', err))
      .finally(() => {
        this.claiming = false
      })
  }

  private async doClaim(): Promise<void> {
    const me = await this.host.reader().member(this.host.me)
    if (!me || me.left) return
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

  /** Re-reads the refused keys after the view changed, at most every REFRESH_EVERY_MS. */
  refresh(): void {
    if (this.closed || this.refreshing) return
    this.refreshing = true
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      // Cleared before reading, so a change that lands during the read schedules another.
      this.refreshing = false
      this.load().catch((err: unknown) => this.host.emit('warning', err))
    }, REFRESH_EVERY_MS)
    this.timers.add(timer)
  }

  private async load(): Promise<void> {
    const next = new Set<string>()
    const prefix = keys.blockedDevicePrefix
    for await (const entry of this.host.reader().bee.createReadStream({ gt: prefix, lt: prefixEnd(prefix) }))
      next.add(entry.key.slice(prefix.length))
    const added = [...next].filter((k) => !this.blocked.has(k))
    this.blocked = next
    if (added.length === 0) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      for (const conn of this.host.connections) if (this.refuses(conn.remotePublicKey)) conn.destroy()
    }, GRACE_MS)
    this.timers.add(timer)
  }

  close(): void {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}
