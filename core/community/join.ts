// The candidate side of blind pairing. The community key and its encryption
// key arrive only inside the member's confirmation, never in the invite.
import { rm } from 'node:fs/promises'
import Corestore from 'corestore'
import BlindPairing from 'blind-pairing'
import type Hyperswarm from 'hyperswarm'
import z32 from 'z32'
import { MutualError } from '../errors.js'
import { createSwarm } from '../network.js'
import type { Bootstrap } from '../network.js'
import { localWriterKey } from './base.js'

export interface DecodedInvite {
  bytes: Buffer
  discoveryKey: Buffer
  expiresAt: number | null
}

const MALFORMED =
  "that invite key isn't complete or has a typo; copy the whole key again or ask for a fresh one"

export function decodeInviteKey(text: string, now: number): DecodedInvite {
  const cleaned = text.trim().replace(/\s+/g, '')
  let bytes: Buffer
  let decoded: ReturnType<typeof BlindPairing.decodeInvite>
  try {
    bytes = z32.decode(cleaned)
    decoded = BlindPairing.decodeInvite(bytes)
  } catch {
    throw new MutualError('invite-malformed', MALFORMED)
  }
  if (decoded.discoveryKey?.length !== 32 || decoded.seed?.length !== 32)
    throw new MutualError('invite-malformed', MALFORMED)
  const expiresAt = decoded.expires || null
  if (expiresAt !== null && now > expiresAt) throw expiredError()
  return { bytes, discoveryKey: decoded.discoveryKey, expiresAt }
}

const expiredError = () =>
  new MutualError('invite-expired', 'this invite has expired; ask a member for a new one')

function rejection(code: string | undefined): MutualError {
  switch (code) {
    case 'INVITE_EXPIRED':
      return expiredError()
    case 'INVITE_USED':
      return new MutualError(
        'invite-used',
        'this invite has already been used as many times as it allows; ask a member for a new one'
      )
    default:
      return new MutualError(
        'invite-revoked',
        'this invite was withdrawn by a member of the community; ask for a new one'
      )
  }
}

/**
 * A pairing request goes out once per connection. When two peers dial each
 * other at the same moment, the connection we keep can be one the member has
 * already dropped as a duplicate, and the request waits on it until the
 * keep-alive gives up (~13 s). Members answer in milliseconds, so a connection
 * silent for a few seconds is dropped here, and the swarm redials at once.
 */
function staleConnectionReaper(swarm: Hyperswarm, silentMs = 3000): { stop: () => void } {
  const seen = new Map<Hyperswarm.SwarmConnection, number>()
  const timer = setInterval(() => {
    const now = Date.now()
    for (const conn of swarm.connections) {
      const since = seen.get(conn)
      if (since === undefined) seen.set(conn, now)
      else if (now - since > silentMs) conn.destroy()
    }
  }, 1000)
  return { stop: () => clearInterval(timer) }
}

export interface Paired {
  store: Corestore
  swarm: Hyperswarm
  key: Buffer
  encryptionKey: Buffer | null
}

export interface PairOptions {
  dir: string
  bootstrap: Bootstrap | undefined
  signal: AbortSignal
  /** Called with true while no member is reachable, false once one is. */
  onLonely: (lonely: boolean) => void
  lonelyAfterMs?: number
}

export async function pairWithInvite(invite: DecodedInvite, opts: PairOptions): Promise<Paired> {
  const store = new Corestore(opts.dir)
  let swarm: Hyperswarm | null = null
  let pairing: BlindPairing | null = null
  let lonelyTimer: NodeJS.Timeout | null = null
  try {
    const userData = await localWriterKey(store)
    swarm = createSwarm(opts.bootstrap, await store.createKeyPair('mutual-swarm'))
    pairing = new BlindPairing(swarm, { poll: 5000 })
    const s = swarm
    const unanswered = staleConnectionReaper(s)
    const p = pairing
    const result = await new Promise<BlindPairing.PairingResult>((resolve, reject) => {
      const candidate = p.addCandidate({ invite: invite.bytes, userData, onadd: async (r) => resolve(r) })
      candidate.request.on('rejected', (err) => reject(rejection(err.code)))
      const abort = () => reject(new MutualError('closed', 'joining was cancelled'))
      if (opts.signal.aborted) abort()
      opts.signal.addEventListener('abort', abort, { once: true })
      lonelyTimer = setInterval(() => opts.onLonely(s.connections.size === 0), opts.lonelyAfterMs ?? 5000)
    }).finally(() => unanswered.stop())
    if (lonelyTimer) clearInterval(lonelyTimer)
    await pairing.close()
    return { store, swarm, key: result.key, encryptionKey: result.encryptionKey }
  } catch (err) {
    if (lonelyTimer) clearInterval(lonelyTimer)
    await pairing?.close().catch(() => undefined)
    await swarm?.destroy().catch(() => undefined)
    await store.close().catch(() => undefined)
    await rm(opts.dir, { recursive: true, force: true })
    throw err
  }
}
