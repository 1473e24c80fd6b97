// A member's device waits, in each of its communities, for any device that
// holds the recovery phrase of a member there: on a topic only that phrase
// leads to. A device that proves the phrase's key is handed the community
// and its new writer is added as that member (op device/recover), so a
// member who lost every device comes back through whoever is online.
import hcrypto from 'hypercore-crypto'
import type Hyperswarm from 'hyperswarm'
import type { Op } from '../domain/ops.js'
import { linkSignable } from '../domain/device.js'
import { recoveryTopic, restoreSignable } from '../domain/recovery.js'
import { provesWriter } from '../domain/writer-key.js'
import { answerChannel } from '../linking/channel.js'
import { RECOVER_PROTOCOL, recoverHelloSignable } from '../linking/recover-channel.js'
import type { RecoverMessage, RecoveredWriter } from '../linking/recover-channel.js'
import { canAddDevice } from '../view/devices.js'
import type { Channel } from '../linking/channel.js'
import type { ViewReader } from '../view/read.js'

/** Topics one community waits on at most: more members than a peer-support circle has. */
const MAX_TOPICS = 256

interface DeskHost {
  readonly base: { key: Buffer; discoveryKey: Buffer; encryptionKey: Buffer | null }
  readonly writable: boolean
  reader(): ViewReader
  append(op: Op): Promise<void>
  isRevoked(): Promise<boolean>
}

export class RecoveryDesk {
  private readonly topics = new Map<string, Hyperswarm.PeerDiscovery>()
  private swarm: Hyperswarm | null = null
  private updating: Promise<void> = Promise.resolve()

  constructor(private readonly host: DeskHost) {}

  /** Waits on the topics of every recovery key the view holds, from now on this swarm. */
  start(swarm: Hyperswarm): void {
    this.swarm = swarm
    this.topics.clear()
    this.update()
  }

  stop(): void {
    this.swarm = null
    this.topics.clear()
  }

  /** Joins new members' topics and leaves those of keys replaced or gone; cheap when nothing changed. */
  update(): void {
    this.updating = this.updating.then(() => this.sync()).catch(() => undefined)
  }

  private async sync(): Promise<void> {
    const swarm = this.swarm
    if (!swarm) return
    const wanted = new Set((await this.host.reader().recoveryKeys()).slice(0, MAX_TOPICS))
    if (swarm !== this.swarm) return
    for (const key of wanted) {
      if (this.topics.has(key)) continue
      this.topics.set(
        key,
        swarm.join(recoveryTopic(Buffer.from(key, 'hex')), { server: true, client: false })
      )
    }
    for (const [key, discovery] of this.topics) {
      if (wanted.has(key)) continue
      this.topics.delete(key)
      await discovery.destroy().catch(() => undefined)
    }
  }

  /** Members a restore is being added for now: one at a time each, so one phrase cannot make me append many. */
  private readonly recovering = new Set<string>()

  attach(conn: Hyperswarm.SwarmConnection): void {
    let member: string | null = null
    let recoveryKey: Buffer | null = null
    let answered = false
    answerChannel(conn, RECOVER_PROTOCOL, {
      opened: () => undefined,
      receive: async (message: RecoverMessage, channel: Channel<RecoverMessage>) => {
        if (message.t === 'hello' && member === null) {
          const key = Buffer.from(message.key, 'hex')
          const hash = conn.handshakeHash
          if (
            !hash ||
            !hcrypto.verify(
              recoverHelloSignable(hash, !conn.isInitiator),
              Buffer.from(message.proof, 'hex'),
              key
            )
          )
            throw new Error('the hello does not prove the key')
          // Only a device that can add the new writer answers: otherwise another member's should.
          if (!this.host.writable || (await this.host.isRevoked())) throw new Error('cannot answer now')
          member = await this.currentMemberOf(message.key)
          const encryptionKey = this.host.base.encryptionKey
          const meta = await this.host.reader().meta()
          if (member === null || !encryptionKey || !meta) throw new Error('nobody here for that key')
          recoveryKey = key
          channel.send({
            t: 'communities',
            communities: [
              {
                key: this.host.base.key.toString('hex'),
                encryptionKey: encryptionKey.toString('hex'),
                member,
                name: meta.name
              }
            ]
          })
          return
        }
        // One writer, once, per connection: each connection costs me at most one op.
        if (message.t === 'writers' && member !== null && recoveryKey !== null && !answered) {
          answered = true
          const ours = this.host.base.key.toString('hex')
          const w = message.writers.find((x) => x.key === ours)
          const linked = w && (await this.recover(member, recoveryKey, w, message.device)) ? [ours] : []
          channel.send({ t: 'linked', keys: linked })
          return
        }
        throw new Error('unexpected message')
      }
    })
  }

  /** Appends the restore, if the view would take it: apply checks it all again. */
  private async recover(
    member: string,
    recoveryKey: Buffer,
    w: RecoveredWriter,
    device: { id: string; name: string }
  ): Promise<boolean> {
    if (this.recovering.has(member)) return false
    this.recovering.add(member)
    try {
      const writerKey = Buffer.from(w.writerKey, 'hex')
      const memberKey = Buffer.from(member, 'hex')
      const dk = this.host.base.discoveryKey
      if (!provesWriter(linkSignable(dk, memberKey, writerKey), Buffer.from(w.proof, 'hex'), writerKey))
        return false
      if (
        !hcrypto.verify(
          restoreSignable(dk, memberKey, writerKey),
          Buffer.from(w.recoveryProof, 'hex'),
          recoveryKey
        )
      )
        return false
      const reader = this.host.reader()
      const view = { get: (key: string) => reader.value<unknown>(key) }
      if (
        !(await canAddDevice(view, await reader.devices(member), {
          writerKey: w.writerKey,
          device: device.id
        }))
      )
        return false
      await this.host.append({
        type: 'device/recover',
        member,
        writerKey: w.writerKey,
        device: device.id,
        name: device.name,
        proof: w.proof,
        recoveryProof: w.recoveryProof
      })
      return true
    } finally {
      this.recovering.delete(member)
    }
  }

  private async currentMemberOf(key: string): Promise<string | null> {
    const reader = this.host.reader()
    const member = await reader.recoveryMember(key)
    if (member === null) return null
    const record = await reader.member(member)
    return record && !record.left ? member : null
  }
}
