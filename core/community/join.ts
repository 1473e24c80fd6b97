// The candidate side of joining. Blind pairing's reply gives the community's
// key; the encryption key comes afterwards from a member, over a connection
// on which this device proved the writer key that was admitted, and it is
// checked against the invite's commitment before it is used.
import { rm } from 'node:fs/promises'
import type Corestore from 'corestore'
import { openStore } from './store.js'
import BlindPairing from 'blind-pairing'
import type Hyperswarm from 'hyperswarm'
import { admissionRequest } from '../domain/admission.js'
import type { JoinStage } from '../domain/types.js'
import { MutualError } from '../errors.js'
import { createSwarm, reachesNetwork } from '../network.js'
import type { Bootstrap } from '../network.js'
import { localWriterKeyPair } from './base.js'
import { expiredError, matchesInvite } from './invite-key.js'
import type { DecodedInvite } from './invite-key.js'
import { MemberLinks } from './member-links.js'

export { decodeInviteKey } from './invite-key.js'
export type { DecodedInvite } from './invite-key.js'

export function rejection(code: string | undefined): MutualError {
  switch (code) {
    case 'INVITE_EXPIRED':
      return expiredError()
    case 'INVITE_USED':
    case 'invite-used':
      return new MutualError(
        'invite-used',
        'this invite had already been used as many times as it allows, so you were not let in; ask a member for a new invite'
      )
    case 'lapsed':
      return new MutualError(
        'invite-used',
        'your place in this community lapsed because joining was not finished; ask a member for a new invite'
      )
    default:
      return new MutualError(
        'invite-revoked',
        'this invite was withdrawn by a member of the community; ask for a new one'
      )
  }
}

export interface Paired {
  store: Corestore
  swarm: Hyperswarm
  /** The joiner's place on the community's topic, kept until the community takes it over. */
  discovery: Hyperswarm.PeerDiscovery
  links: MemberLinks
  key: Buffer
  encryptionKey: Buffer
  /** The member whose proven connection handed over the key. */
  keyGiver: string | null
}

export interface PairOptions {
  dir: string
  bootstrap: Bootstrap | undefined
  signal: AbortSignal
  /**
   * Called every few seconds while pairing: 'no-network' while the DHT reached
   * nobody at all, 'no-member-online' while it did but no member answers, and
   * null while still looking or once a member is connected. The first two are
   * different problems for the person.
   */
  onLonely: (alone: Lonely) => void
  lonelyAfterMs?: number
}

/** Why a joiner waits alone, when it is worth telling them; null while just looking. */
export type Lonely = Extract<JoinStage, 'no-network' | 'no-member-online'> | null

/** A node that has not finished its first contact with the network in this long has not reached it. */
const FIRST_CONTACT_MS = 15_000

/**
 * What a joiner with no member connected is told: null while connected, or
 * while the node is still making its first contact with the network (and
 * not for ever: one that never finishes has not reached it).
 */
export function lonelyStage(connected: boolean, reaches: boolean | null, lookingForMs: number): Lonely {
  if (connected) return null
  if (reaches === null) return lookingForMs >= FIRST_CONTACT_MS ? 'no-network' : null
  return reaches ? 'no-member-online' : 'no-network'
}

/** How soon a joiner left alone asks the DHT again, and the most it waits between asks. */
const ALONE_FIRST_MS = 5000
const ALONE_MOST_MS = 60_000

/**
 * Asks again while alone, rather than at the DHT's next refresh ten minutes
 * away: soon after being left alone, then ever less often (a joiner may wait
 * hours for a member to come online), and soon again after the next loss.
 */
export function aloneBackoff(ask: () => void, now: () => number = Date.now): (connected: boolean) => void {
  let wait = ALONE_FIRST_MS
  let aloneSince: number | null = null
  return (connected) => {
    if (connected) {
      wait = ALONE_FIRST_MS
      aloneSince = null
      return
    }
    aloneSince ??= now()
    if (now() - aloneSince < wait) return
    ask()
    aloneSince = now()
    wait = Math.min(wait * 2, ALONE_MOST_MS)
  }
}

export async function pairWithInvite(invite: DecodedInvite, opts: PairOptions): Promise<Paired> {
  const store = openStore(opts.dir)
  let swarm: Hyperswarm | null = null
  let pairing: BlindPairing | null = null
  let links: MemberLinks | null = null
  let lonelyTimer: NodeJS.Timeout | null = null
  try {
    const writer = await localWriterKeyPair(store)
    swarm = createSwarm(opts.bootstrap, await store.createKeyPair('mutual-swarm'))
    pairing = new BlindPairing(swarm, { poll: 5000 })
    // Nobody is a member in my eyes yet: links only prove me, and carry the key once I am let in.
    const l = new MemberLinks(
      invite.discoveryKey,
      writer,
      { standing: async () => 'unknown', encryptionKey: () => null },
      true
    )
    links = l
    const s = swarm
    for (const conn of s.connections) l.attach(conn)
    s.on('connection', (conn) => l.attach(conn))
    // Blind pairing leaves the topic once its reply arrives, but the key comes after it, from a member
    // over a connection: without a place of our own, a connection lost in between is never made again.
    const d = s.join(invite.discoveryKey)
    const p = pairing
    const userData = admissionRequest(invite.discoveryKey, invite.id, writer)
    const result = await new Promise<{ key: Buffer; encryptionKey: Buffer; keyGiver: string | null }>(
      (resolve, reject) => {
        let key: Buffer | null = null
        const offered: { key: Buffer; from: string }[] = []
        const tryKeys = () => {
          if (!key) return
          const good = offered.find((o) => matchesInvite(invite, key as Buffer, o.key))
          if (good) resolve({ key, encryptionKey: good.key, keyGiver: good.from })
        }
        const candidate = p.addCandidate({
          invite: invite.bytes,
          userData,
          onadd: async (r) => {
            key = r.key
            // A member on an older Mutual still puts the key in its reply.
            if (r.encryptionKey) offered.push({ key: r.encryptionKey, from: '' })
            tryKeys()
          }
        })
        candidate.request.on('rejected', (err) => reject(rejection(err.code)))
        l.on('key', (offer, from) => {
          offered.push({ key: offer, from })
          tryKeys()
        })
        // A 'refused' here is ignored: with no view yet, anyone could send it to make me give up.
        const abort = () => reject(new MutualError('closed', 'joining was cancelled'))
        if (opts.signal.aborted) abort()
        opts.signal.addEventListener('abort', abort, { once: true })
        const lookingSince = Date.now()
        const askAgain = aloneBackoff(() => d.refresh().catch(() => undefined))
        lonelyTimer = setInterval(() => {
          const connected = s.connections.size > 0
          askAgain(connected)
          opts.onLonely(lonelyStage(connected, reachesNetwork(s.dht), Date.now() - lookingSince))
        }, opts.lonelyAfterMs ?? 5000)
      }
    )
    if (lonelyTimer) clearInterval(lonelyTimer)
    await pairing.close()
    l.removeAllListeners()
    return {
      store,
      swarm,
      discovery: d,
      links: l,
      key: result.key,
      encryptionKey: result.encryptionKey,
      keyGiver: result.keyGiver || null
    }
  } catch (err) {
    if (lonelyTimer) clearInterval(lonelyTimer)
    links?.close()
    await pairing?.close().catch(() => undefined)
    await swarm?.destroy().catch(() => undefined)
    await store.close().catch(() => undefined)
    await rm(opts.dir, { recursive: true, force: true })
    throw err
  }
}
