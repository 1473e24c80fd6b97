// How the engine reaches the DHT. With no bootstrap given it uses the public
// HyperDHT; a loopback bootstrap (tests, `mutual testnet`) keeps every packet
// on 127.0.0.1.
import HyperDHT from 'hyperdht'
import Hyperswarm from 'hyperswarm'
import { MutualError } from './errors.js'

export type Bootstrap = HyperDHT.BootstrapNode[]

export function parseBootstrap(value: string): Bootstrap {
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
  if (parts.length === 0) throw new MutualError('bad-request', 'bootstrap must look like HOST:PORT')
  return parts.map((part) => {
    const match = /^(.+):(\d{1,5})$/.exec(part)
    const port = match ? Number(match[2]) : NaN
    if (!match || !match[1] || port < 1 || port > 65535) {
      throw new MutualError(
        'bad-request',
        `bootstrap "${part}" must look like HOST:PORT, e.g. 127.0.0.1:49737`
      )
    }
    return { host: match[1], port }
  })
}

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host.startsWith('127.') || host === '::1'

export function createSwarm(
  bootstrap: Bootstrap | undefined,
  keyPair: { publicKey: Buffer; secretKey: Buffer },
  /** Returns true for a peer to refuse before any data is exchanged. */
  firewall?: (remotePublicKey: Buffer) => boolean
): Hyperswarm {
  if (!bootstrap) return new Hyperswarm({ keyPair, ...(firewall ? { firewall } : {}) })
  // Bound to loopback, the node neither announces nor dials other interfaces.
  const host = bootstrap.every((b) => isLoopback(b.host)) ? '127.0.0.1' : undefined
  const dht = new HyperDHT(host ? { bootstrap, host } : { bootstrap })
  return new Hyperswarm({ dht, keyPair, ...(firewall ? { firewall } : {}) })
}
