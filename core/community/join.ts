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

interface Paired {
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

interface PairOptions {
  dir: string
  /** The new store's seed is sealed from its first write. */
  seedPad: Buffer
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
type Lonely = Extract<JoinStage, 'no-network' | 'no-member-online'> | null

/** A node that has not finished its first contact with the network in this long has not reached it. */
const FIRST_CONTACT_MS = 15_000
/** Key offers kept from before the pairing reply says which key is the community's. */
const MAX_EARLY_OFFERS = 64

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

/** How soon a joiner asks the DHT again, and the most it waits between asks. */
const ASK_FIRST_MS = 5000
const ASK_MOST_MS = 60_000

/**
 * Asks the DHT again until the key comes, rather than at its next refresh ten
 * minutes away: soon, then ever less often (a joiner may wait hours for a
 * member to come online). Whoever the joiner is connected to does not stop
 * it: until a member hands over the key, a connection may be to someone who
 * is not one, holding it open so that the joiner never looks again.
 */
export function lookAgainBackoff(ask: () => void, now: () => number = Date.now): () => void {
  let wait = ASK_FIRST_MS
  let since = now()
  return () => {
    if (now() - since < wait) return
    ask()
    since = now()
    wait = Math.min(wait * 2, ASK_MOST_MS)
  }
}

/**
 * Blind pairing's candidate sends its request once on each connection. A
 * member that stayed silent then (busy, or not yet able to answer), or whose
 * reply was lost with a dropped connection, is never asked again on that
 * connection, and a join could wait for ever with members connected. Asking
 * every connection again from time to time closes that gap; a member answers
 * a repeated request from the same admission (blind pairing keys them by
 * session), so nobody is let in twice.
 */
export function askEveryConnectionAgain(candidate: BlindPairing.PairingCandidate): void {
  if (candidate.paired) return
  candidate.visited.clear()
  candidate.broadcast().catch(() => undefined)
}

/**
 * The refusals a reply can carry. Only someone who could open the request
 * (a member, or another holder of the same invite or code) can seal one to it.
 */
const REFUSALS = new Set(['PAIRING_REJECTED', 'INVITE_USED', 'INVITE_EXPIRED'])

/**
 * Calls `refused` with the code of a refusal sealed to this candidate's
 * request, and with nothing else. Anyone connected on the topic can send
 * blind pairing's reply message, and blind pairing emits 'rejected' for a
 * reply it cannot open as it does for a refusal; such a reply is dropped, and
 * the candidate goes on waiting for a real answer. (Bytes that are no reply
 * at all make blind pairing throw, and protomux closes that connection.)
 */
export function whenRefused(candidate: BlindPairing.PairingCandidate, refused: (code: string) => void): void {
  candidate.request.on('rejected', (err) => {
    if (err.code !== undefined && REFUSALS.has(err.code)) refused(err.code)
  })
}

/** What a cancelled join ends with, wherever it was when the cancel came. */
export const joinCancelled = (): MutualError => new MutualError('closed', 'joining was cancelled')

export async function pairWithInvite(invite: DecodedInvite, opts: PairOptions): Promise<Paired> {
  const store = openStore(opts.dir, opts.seedPad)
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
      { standing: async () => 'unknown', keyFor: async () => null },
      true
    )
    links = l
    const s = swarm
    for (const conn of s.connections) l.attach(conn)
    s.on('connection', (conn) => l.attach(conn))
    // Blind pairing leaves the topic once its reply arrives, but the key comes after it, from a member
    // over a connection: without a place of our own, a connection lost in between is never made again.
    // Announced as well as looking: a member who finds the joiner can dial it too, a second way in
    // when the joiner's own connection to that member is open on one side only.
    const d = s.join(invite.discoveryKey)
    const p = pairing
    const userData = admissionRequest(invite.discoveryKey, invite.id, writer)
    const result = await new Promise<{ key: Buffer; encryptionKey: Buffer; keyGiver: string | null }>(
      (resolve, reject) => {
        let key: Buffer | null = null
        // Offers that came before the reply, one per proven writer and at most MAX_EARLY_OFFERS:
        // anyone who finds the topic can prove a fresh writer key and offer a key.
        const early = new Map<string, Buffer>()
        const offer = (encryptionKey: Buffer, from: string) => {
          if (key) {
            if (matchesInvite(invite, key, encryptionKey)) resolve({ key, encryptionKey, keyGiver: from })
            return
          }
          if (early.size < MAX_EARLY_OFFERS && !early.has(from)) early.set(from, encryptionKey)
        }
        const candidate = p.addCandidate({
          invite: invite.bytes,
          userData,
          onadd: async (r) => {
            key = r.key
            // A member on an older Mutual still puts the key in its reply.
            if (r.encryptionKey) offer(r.encryptionKey, '')
            for (const [from, k] of early) offer(k, from)
            early.clear()
          }
        })
        whenRefused(candidate, (code) => reject(rejection(code)))
        l.on('key', offer)
        // A 'refused' here is ignored: with no view yet, anyone could send it to make me give up.
        const abort = () => reject(joinCancelled())
        if (opts.signal.aborted) abort()
        opts.signal.addEventListener('abort', abort, { once: true })
        const lookingSince = Date.now()
        const askAgain = lookAgainBackoff(() => {
          d.refresh().catch(() => undefined)
          askEveryConnectionAgain(candidate)
        })
        lonelyTimer = setInterval(() => {
          const connected = s.connections.size > 0
          askAgain()
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
    await pairing?.close().catch(() => undefined)
    await abandonPairing({ store, swarm, links }, opts.dir)
    throw err
  }
}

/** Gives up a pairing that will not become a community here: its place on the topic, its links, its folder. */
export async function abandonPairing(
  parts: { store: Corestore; swarm: Hyperswarm | null; links: MemberLinks | null },
  dir: string
): Promise<void> {
  parts.links?.close()
  await parts.swarm?.destroy().catch(() => undefined)
  await parts.store.close().catch(() => undefined)
  await rm(dir, { recursive: true, force: true })
}
