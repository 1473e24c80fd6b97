// Builds the Autobase for one community: encrypted, with a Hyperbee view
// derived by apply. Each community owns its Corestore; the base gets a
// namespace of it because closing a base closes the store it was given.
import Autobase from 'autobase'
import type BlindEncryptionSodium from 'blind-encryption-sodium'
import type Corestore from 'corestore'
import Hyperbee from 'hyperbee'
import { createApply } from '../view/apply.js'

export type CommunityBase = Autobase<Hyperbee>

interface BaseOptions {
  key: Buffer | null
  encryptionKey: Buffer | null
  /** Keeps the community's encryption key sealed at rest (store-keys.ts); absent only in tests of the log itself. */
  blindEncryption?: BlindEncryptionSodium
  /** How often indexers ack so posts become confirmed; Autobase's own default is 10 s. */
  ackInterval: number
  newestOpVersion?: number | undefined
}

export function createBase(store: Corestore, opts: BaseOptions): CommunityBase {
  const base = new Autobase<Hyperbee>(store.namespace('community'), opts.key, {
    open: (viewStore) =>
      new Hyperbee(viewStore.get('view'), { keyEncoding: 'utf-8', valueEncoding: 'json', extension: false }),
    apply: createApply(opts.newestOpVersion),
    close: (view) => view.close(),
    encrypt: true,
    encryptionKey: opts.encryptionKey,
    ...(opts.blindEncryption ? { blindEncryption: opts.blindEncryption } : {}),
    ackInterval: opts.ackInterval
  })
  if (opts.ackInterval > 0) unstickAcks(base, opts.ackInterval)
  return base
}

/** Quiet ack intervals, with part of the view unsigned, before an indexer acks anyway. */
const STALL_INTERVALS = 3
/** Nudges for one unchanged view back off up to this many stall periods apart. */
const MAX_BACKOFF = 64

/**
 * Autobase acks only where its linearizer sees a need, and with several
 * indexers that rule can settle with every indexer waiting on the others:
 * the newest ops stay applied but never signed, so posts never become
 * confirmed, until someone happens to write again. Seen with three indexers
 * (autobase 7.28.1): ops left unindexed, the heads all acks, every ack timer
 * firing and `shouldAck` false on all three for as long as we watched (a
 * minute). When nothing has moved for a few ack intervals while part of the
 * view is unsigned, an indexer appends one empty ack itself; that gives the
 * others a new head to ack and indexing resumes. The wait is random so that
 * one indexer goes first: acks written at the same moment by all of them only
 * recreate the stall. Nudges for the same unsigned view back off, so a member
 * whose peers are away writes a few empty blocks at most.
 */
function unstickAcks(base: CommunityBase, ackInterval: number): void {
  const stallMs = ackInterval * STALL_INTERVALS
  // Between one and three times `ms`, as Autobase spreads its own ack timers.
  const jitter = (ms: number): number => ms * (1 + 2 * Math.random())
  let activity = ''
  let episode = ''
  let lastChange = Date.now()
  let wait = stallMs
  let due = jitter(wait)
  let nudging = false

  const check = (): void => {
    if (!base.opened || base.closing || nudging) return
    const view = base.view.core
    const now = Date.now()
    // Anything applied anywhere (acks included) moves the system core; signing moves the view's signed length.
    const seen = `${base.length}:${view.length}:${view.signedLength}`
    if (seen !== activity) {
      activity = seen
      lastChange = now
    }
    const current = `${view.length}:${view.signedLength}`
    if (current !== episode) {
      episode = current
      wait = stallMs
      due = jitter(wait)
    }
    if (view.signedLength >= view.length || now - lastChange < due) return
    if (!base.isIndexer || !base.writable || base.local.peers.length === 0) return
    wait = Math.min(wait * 2, stallMs * MAX_BACKOFF)
    due = jitter(wait)
    lastChange = now
    nudging = true
    base
      .append(null)
      .catch(() => undefined) // closing, or no longer writable: nothing to unstick
      .finally(() => {
        nudging = false
      })
  }

  const timer = setInterval(check, ackInterval)
  timer.unref()
  base.once('close', () => clearInterval(timer))
}

/** The writer key pair a new member will have, needed before the base exists (to prove it when pairing). */
export async function localWriterKeyPair(
  store: Corestore
): Promise<{ publicKey: Buffer; secretKey: Buffer }> {
  const core = Autobase.getLocalCore(store.namespace('community'))
  await core.ready()
  const keyPair = core.keyPair
  await core.close()
  if (!keyPair?.secretKey) throw new Error('the local writer has no secret key')
  return { publicKey: keyPair.publicKey, secretKey: keyPair.secretKey }
}
