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

/**
 * Whether this node reached the network at all. With an unreachable bootstrap
 * the DHT still finishes bootstrapping, but learns of nobody, so its routing
 * table stays empty. Null while it is still trying.
 */
export function reachesNetwork(dht: HyperDHT): boolean | null {
  return dht.bootstrapped ? dht.table.size > 0 : null
}

/** Waits (bounded) until the node has bootstrapped, then says whether it reached anyone. */
async function probeNetwork(dht: HyperDHT, timeoutMs: number): Promise<boolean | null> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs)
  })
  await Promise.race([dht.fullyBootstrapped().catch(() => undefined), timeout])
  clearTimeout(timer)
  return reachesNetwork(dht)
}

/** Asks the bootstrap nodes once, with a node of its own: can this machine reach the network at all? */
export async function probeBootstrap(
  bootstrap: Bootstrap | undefined,
  timeoutMs = 8000
): Promise<boolean | null> {
  const host = bootstrap && bootstrap.every((b) => isLoopback(b.host)) ? '127.0.0.1' : undefined
  const dht = new HyperDHT({
    ...(bootstrap ? { bootstrap } : {}),
    ...(host ? { host } : {}),
    ephemeral: true
  })
  try {
    return await probeNetwork(dht, timeoutMs)
  } finally {
    await dht.destroy().catch(() => undefined)
  }
}

export function createSwarm(
  bootstrap: Bootstrap | undefined,
  keyPair: { publicKey: Buffer; secretKey: Buffer },
  /** Returns true for a peer to refuse before any data is exchanged. */
  firewall?: (remotePublicKey: Buffer) => boolean
): Hyperswarm {
  if (!bootstrap) return new Hyperswarm({ keyPair, ...(firewall ? { firewall } : {}) })
  // Bound to loopback, the node neither announces nor dials other interfaces.
  // There it is not behind a NAT either: saying so skips a holepunch race in
  // hyperdht that opens connections on one side only (hyperdht#304; see
  // docs/one-sided-connections.md).
  const host = bootstrap.every((b) => isLoopback(b.host)) ? '127.0.0.1' : undefined
  const dht = new HyperDHT(host ? { bootstrap, host, firewalled: false } : { bootstrap })
  return new Hyperswarm({ dht, keyPair, ...(firewall ? { firewall } : {}) })
}
