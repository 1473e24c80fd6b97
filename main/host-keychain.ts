// The engine host's way to the OS keychain: only the main process may use
// Electron's safeStorage, so the host asks it over the parent port and waits
// for the matching reply. No Electron imports, like host.ts.
import type { Keychain } from '../core/profile/keyring.js'
import type { FromEngine, ToEngine } from './engine-messages.js'

/** The main process answers at once; a reply this late will not come. */
const REPLY_MS = 30_000

export class ParentKeychain implements Keychain {
  private next = 0
  private readonly pending = new Map<
    number,
    { resolve: (data: Buffer) => void; reject: (err: Error) => void }
  >()

  constructor(private readonly tell: (message: FromEngine) => void) {}

  seal(secret: Buffer): Promise<Buffer> {
    return this.ask('seal', secret)
  }

  open(sealed: Buffer): Promise<Buffer> {
    return this.ask('open', sealed)
  }

  /** Takes the replies out of the parent port's messages; false for any other message. */
  receive(message: ToEngine): boolean {
    if (message.type !== 'keychain-reply' && message.type !== 'keychain-failed') return false
    const waiting = this.pending.get(message.id)
    this.pending.delete(message.id)
    if (message.type === 'keychain-reply') waiting?.resolve(Buffer.from(message.data, 'base64'))
    else waiting?.reject(new Error(`the system keychain refused: ${message.reason}`))
    return true
  }

  private ask(op: 'seal' | 'open', data: Buffer): Promise<Buffer> {
    const id = this.next++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error('the system keychain did not answer'))
      }, REPLY_MS)
      timer.unref()
      const done =
        <T>(f: (v: T) => void) =>
        (v: T) => {
          clearTimeout(timer)
          f(v)
        }
      this.pending.set(id, { resolve: done(resolve), reject: done(reject) })
      this.tell({ type: 'keychain', id, op, data: data.toString('base64') })
    })
  }
}
