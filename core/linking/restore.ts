// The restoring device's side: it looks on the topic only the phrase leads
// to, proves the recovery key to each member device it meets, and hands
// each community a new writer signed by that key. Each community answers
// for itself, through whichever of its members is online.
import type Hyperswarm from 'hyperswarm'
import hcrypto from 'hypercore-crypto'
import type { Recovery } from '../domain/recovery.js'
import { restoreSignable } from '../domain/recovery.js'
import { MutualError } from '../errors.js'
import { createSwarm } from '../network.js'
import type { Bootstrap } from '../network.js'
import { lookAgainBackoff } from '../community/join.js'
import { openChannel } from './channel.js'
import type { Channel } from './channel.js'
import { RECOVER_PROTOCOL, recoverHelloSignable } from './recover-channel.js'
import type { RecoverMessage, RecoveredCommunity, RecoveredWriter } from './recover-channel.js'
import type { NewWriter } from './channel.js'

/** How long a restore looks for a member online before saying nobody was. */
const LOOK_MS = 60_000

interface RestoreOptions<T> {
  bootstrap: Bootstrap | undefined
  signal: AbortSignal
  device: { id: string; name: string }
  /** Makes this device's writer for a community, signed to be `member`'s there; null to leave it out. */
  prepare(community: RecoveredCommunity): Promise<{ writer: NewWriter; held: T } | null>
  discard(held: T): Promise<void>
  onFound(count: number): void
}

/**
 * Resolves with the communities whose members added this device, once the
 * DHT has shown everyone online now and every exchange begun has ended.
 */
export async function restoreFromPhrase<T>(
  recovery: Recovery,
  opts: RestoreOptions<T>
): Promise<{ community: RecoveredCommunity; held: T }[]> {
  const swarm = createSwarm(opts.bootstrap, hcrypto.keyPair())
  const prepared = new Map<string, { community: RecoveredCommunity; held: T; linked: boolean }>()
  const preparing = new Set<string>()
  let timer: NodeJS.Timeout | null = null
  try {
    await new Promise<void>((resolve, reject) => {
      let exchanges = 0
      let looked = false
      const settle = () => {
        const linked = [...prepared.values()].filter((p) => p.linked).length
        if (looked && exchanges === 0 && linked > 0) resolve()
      }
      const attach = (conn: Hyperswarm.SwarmConnection) => {
        exchanges++
        let ended = false
        /** Communities this connection's member offered: another member may add them if this one did not. */
        const offered: string[] = []
        const end = () => {
          if (ended) return
          ended = true
          exchanges--
          for (const key of offered) {
            const p = prepared.get(key)
            if (!p || p.linked) continue
            prepared.delete(key)
            void opts.discard(p.held).catch(() => undefined)
          }
          settle()
        }
        conn.once('close', end)
        openChannel(conn, RECOVER_PROTOCOL, {
          opened: (channel: Channel<RecoverMessage>) => {
            const hash = conn.handshakeHash
            if (!hash) return conn.destroy()
            const proof = hcrypto.sign(
              recoverHelloSignable(hash, conn.isInitiator),
              recovery.keyPair.secretKey
            )
            channel.send({
              t: 'hello',
              key: recovery.keyPair.publicKey.toString('hex'),
              proof: proof.toString('hex')
            })
          },
          receive: async (message: RecoverMessage, channel: Channel<RecoverMessage>) => {
            if (message.t === 'communities') {
              const writers: RecoveredWriter[] = []
              for (const community of message.communities) {
                // Several members offer the same community at once: it is taken from whichever offered first.
                if (prepared.has(community.key) || preparing.has(community.key)) continue
                preparing.add(community.key)
                const made = await opts.prepare(community).finally(() => preparing.delete(community.key))
                if (!made) continue
                prepared.set(community.key, { community, held: made.held, linked: false })
                offered.push(community.key)
                const signable = restoreSignable(
                  hcrypto.discoveryKey(Buffer.from(community.key, 'hex')),
                  Buffer.from(community.member, 'hex'),
                  Buffer.from(made.writer.writerKey, 'hex')
                )
                const recoveryProof = hcrypto.sign(signable, recovery.keyPair.secretKey).toString('hex')
                writers.push({ ...made.writer, recoveryProof })
              }
              if (writers.length === 0) return end()
              channel.send({ t: 'writers', device: opts.device, writers })
              return
            }
            if (message.t === 'linked') {
              for (const key of message.keys) {
                const p = prepared.get(key)
                if (p) p.linked = true
              }
              opts.onFound([...prepared.values()].filter((p) => p.linked).length)
              return end()
            }
            throw new Error('unexpected message')
          }
        })
      }
      swarm.on('connection', attach)
      const abort = () => reject(new MutualError('closed', 'restoring was cancelled'))
      if (opts.signal.aborted) abort()
      opts.signal.addEventListener('abort', abort, { once: true })
      const discovery = swarm.join(recovery.topic, { server: false, client: true })
      // Everyone the DHT shows now has been dialled once this resolves.
      void swarm.flush().then(() => {
        looked = true
        settle()
      })
      const started = Date.now()
      const askAgain = lookAgainBackoff(() => {
        discovery.refresh().catch(() => undefined)
      })
      timer = setInterval(() => {
        askAgain()
        if (exchanges === 0 && Date.now() - started > LOOK_MS) {
          if ([...prepared.values()].some((p) => p.linked)) resolve()
          else
            reject(
              new MutualError(
                'nobody-online',
                'no member of your communities was online to bring you back; try again when someone is'
              )
            )
        }
      }, 1000)
    })
    const out = [...prepared.values()].filter((p) => p.linked)
    for (const p of out) prepared.delete(p.community.key)
    return out.map(({ community, held }) => ({ community, held }))
  } finally {
    if (timer) clearInterval(timer)
    for (const p of prepared.values()) await opts.discard(p.held).catch(() => undefined)
    await swarm.destroy().catch(() => undefined)
  }
}
