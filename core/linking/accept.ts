// The new device's side of linking: it asks with the code, waits for the
// person to confirm on the other device, then makes a writer in each
// community it is handed and sends back each writer's signed consent to be
// added as this member. What it holds is what the other device added.
import BlindPairing from 'blind-pairing'
import type Hyperswarm from 'hyperswarm'
import hcrypto from 'hypercore-crypto'
import { MutualError } from '../errors.js'
import { createSwarm } from '../network.js'
import type { Bootstrap } from '../network.js'
import { askEveryConnectionAgain, lookAgainBackoff, whenRefused } from '../community/join.js'
import { openLinkChannel } from './channel.js'
import type { LinkChannel, LinkMessage, NewWriter, SharedCommunity } from './channel.js'
import type { NotShared } from '../domain/types.js'
import type { DecodedLinkCode } from './link-code.js'
import type { LinkRequest } from './offer.js'

/** Waiting for the person past the code's own expiry: they may have said yes just before it. */
const GRACE_MS = 60_000
/** Adding this device's writers takes the other device seconds; this long means it has gone. */
const COPY_MS = 120_000

import type { LinkStage } from '../domain/types.js'

interface LinkOptions<T> {
  bootstrap: Bootstrap | undefined
  signal: AbortSignal
  device: Omit<LinkRequest, 'key'>
  now: () => number
  onStage(stage: LinkStage): void
  /** Makes this device's writer for a shared community; null to leave it out (already here, say). */
  prepare(shared: SharedCommunity): Promise<{ writer: NewWriter; held: T } | null>
  /** Gives up what `prepare` made for a community the other device did not add. */
  discard(held: T): Promise<void>
}

interface Linked<T> {
  linked: { shared: SharedCommunity; held: T }[]
  notShared: { name: string; reason: NotShared }[]
}

export async function linkWithCode<T>(code: DecodedLinkCode, opts: LinkOptions<T>): Promise<Linked<T>> {
  // Named in the request: the offering device answers the link channel only over a connection made with it.
  const keyPair = hcrypto.keyPair()
  const swarm = createSwarm(opts.bootstrap, keyPair)
  const pairing = new BlindPairing(swarm, { poll: 5000 })
  const prepared = new Map<string, { shared: SharedCommunity; held: T }>()
  let timer: NodeJS.Timeout | null = null
  try {
    return await new Promise<Linked<T>>((resolve, reject) => {
      let notShared: Linked<T>['notShared'] = []
      let offerKey: Buffer | null = null
      let secret: Buffer | null = null
      let copying = false
      let copyingSince = 0
      const fail = (err: MutualError) => reject(err)
      const attach = (conn: Hyperswarm.SwarmConnection) => {
        if (!offerKey || !conn.remotePublicKey.equals(offerKey)) return
        openLinkChannel(conn, {
          opened: (channel: LinkChannel) =>
            channel.send({ t: 'hello', secret: secret?.toString('hex') ?? '' }),
          receive: async (message: LinkMessage, channel: LinkChannel) => {
            if (message.t === 'communities' && !copying) {
              copying = true
              copyingSince = opts.now()
              opts.onStage('copying')
              notShared = message.notShared
              const writers: NewWriter[] = []
              for (const shared of message.communities) {
                if (prepared.has(shared.key)) continue
                const made = await opts.prepare(shared)
                if (!made) continue
                prepared.set(shared.key, { shared, held: made.held })
                writers.push(made.writer)
              }
              channel.send({ t: 'writers', writers })
              return
            }
            if (message.t === 'linked' && copying) {
              const added = new Set(message.keys)
              const linked = [...prepared.entries()].filter(([key]) => added.has(key)).map(([, p]) => p)
              for (const [key, p] of prepared) if (!added.has(key)) await opts.discard(p.held)
              prepared.clear()
              resolve({ linked, notShared })
              return
            }
            throw new Error('unexpected message')
          }
        })
      }
      swarm.on('connection', (conn) => {
        if (!offerKey) opts.onStage('waiting-for-confirm')
        attach(conn)
      })
      const candidate = pairing.addCandidate({
        invite: code.bytes,
        userData: Buffer.from(
          JSON.stringify({ ...opts.device, key: keyPair.publicKey.toString('hex') } satisfies LinkRequest)
        ),
        onadd: async (result) => {
          const data = result.data
          if (!data || data.length !== 64)
            return fail(new MutualError('internal', 'the other device sent a reply this version cannot read'))
          offerKey = Buffer.from(data.subarray(0, 32))
          secret = Buffer.from(data.subarray(32))
          for (const conn of swarm.connections) attach(conn)
          swarm.joinPeer(offerKey)
        }
      })
      whenRefused(candidate, () =>
        fail(
          new MutualError(
            'not-allowed',
            'your other device said no, or another device used this code first; show a new code and try again'
          )
        )
      )
      const abort = () => fail(new MutualError('closed', 'linking was cancelled'))
      if (opts.signal.aborted) abort()
      opts.signal.addEventListener('abort', abort, { once: true })
      const askAgain = lookAgainBackoff(() => askEveryConnectionAgain(candidate))
      const giveUpAt = code.expiresAt + GRACE_MS
      timer = setInterval(() => {
        if (!offerKey) askAgain()
        if (copying && opts.now() - copyingSince > COPY_MS)
          fail(
            new MutualError(
              'closed',
              'your other device stopped answering while linking; nothing was added here'
            )
          )
        if (opts.now() > giveUpAt && !copying)
          fail(
            new MutualError(
              'invite-expired',
              'your other device did not answer before the code expired; show a new code'
            )
          )
      }, 1000)
      opts.onStage('looking')
    })
  } finally {
    if (timer) clearInterval(timer)
    for (const p of prepared.values()) await opts.discard(p.held).catch(() => undefined)
    await pairing.close().catch(() => undefined)
    await swarm.destroy().catch(() => undefined)
  }
}
