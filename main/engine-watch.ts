// The main process's own connection to the engine, so the shell can act while
// the window is hidden or closed: notices become OS notifications and changes
// to communities refresh the unread badge.
import type { Notice } from '../core/domain/types.js'
import { RpcClient } from '../core/rpc/client.js'
import { totalUnread } from './badge.js'
import { portTransport } from './port-transport.js'
import type { EngineSupervisor } from './supervisor.js'

interface WatchHandlers {
  notice: (notice: Notice) => void
  /** Something came while the app is locked: the engine sends no names or words with it. */
  lockedNotice: () => void
  /** Unread counts may have changed. */
  changed: () => void
  /** The app was locked or unlocked. */
  lockChanged?: (locked: boolean) => void
}

export class EngineWatch {
  private client: RpcClient | null = null

  constructor(
    private readonly supervisor: EngineSupervisor,
    private readonly handlers: WatchHandlers
  ) {
    supervisor.onStart(() => this.reconnect())
    supervisor.onStatus((status) => {
      if (status.state === 'ready') handlers.changed()
    })
  }

  async unread(): Promise<number> {
    if (!this.client) throw new Error('the engine is not running')
    return totalUnread(await this.client.call('communities.list', {}))
  }

  /** Locks the app; a profile without a passphrase is told so in the window instead. */
  async lock(): Promise<void> {
    if (!this.client) return
    await this.client.call('lock.lockNow', {}).catch(() => undefined)
  }

  /** Minutes without use after which the app locks itself, when it can lock; null when it cannot now. */
  async lockAfterMinutes(): Promise<number | null> {
    if (!this.client) return null
    const status = await this.client.call('lock.status', {}).catch(() => null)
    if (!status || status.locked || status.protection !== 'passphrase') return null
    return status.lockAfterMinutes
  }

  close(): void {
    this.client?.close()
    this.client = null
  }

  private reconnect(): void {
    this.close()
    const port = this.supervisor.connect()
    if (!port) return
    const client = new RpcClient(portTransport(port))
    client.onEvent((event) => {
      if (event.type === 'notice') this.handlers.notice(event.notice)
      else if (event.type === 'notice-while-locked') this.handlers.lockedNotice()
      else if (event.type === 'lock-changed') this.handlers.lockChanged?.(event.locked)
      else if (event.type === 'communities-changed' || event.type === 'community-changed')
        this.handlers.changed()
      else if (event.type === 'engine-error') console.error(`mutual engine: ${event.message}`)
    })
    this.client = client
  }
}
