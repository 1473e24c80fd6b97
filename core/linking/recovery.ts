// Recovery phrases: asking for one records its key in each of my
// communities; restoring with one brings my membership back on a new device
// through any member online. Private conversations and the support plan are
// held by no other member, so they come back only from the backup file.
import hcrypto from 'hypercore-crypto'
import type { Community } from '../community/community.js'
import { nameSelf, shareable } from '../community/my-devices.js'
import { newPhrase, readPhrase, registerSignable } from '../domain/recovery.js'
import type { SupportPlanContent } from '../domain/reaching.js'
import type { NotShared, RecoveryPhrase, RecoveryStatus, RestoreResult } from '../domain/types.js'
import { MutualError } from '../errors.js'
import { DEVICES_SINCE } from '../view/devices.js'
import { openBackup, sealBackup } from './backup.js'
import type { Backup } from './backup.js'
import { newWriter, thisDeviceNamed } from './devices.js'
import type { DevicesHost, NewStore } from './devices.js'
import type { ThisDevice } from '../profile/profile.js'
import { restoreFromPhrase } from './restore.js'

interface RecoveryHost extends DevicesHost {
  recoveryKey(): string | null
  setRecoveryKey(key: string): Promise<void>
  /** My support plan, or null if I never wrote one. */
  plan(): Promise<SupportPlanContent | null>
  restorePlan(content: SupportPlanContent): Promise<void>
}

/** How long a restored device waits for each community to let its writer in before reporting back. */
const WRITABLE_WAIT_MS = 30_000

export class RecoveryPhrases {
  private readonly restores = new Map<string, AbortController>()

  constructor(private readonly host: RecoveryHost) {}

  async status(): Promise<RecoveryStatus> {
    const mine = this.host.recoveryKey()
    let registered = 0
    let missing = 0
    for (const community of this.host.communities()) {
      const recorded =
        (await community.version()) >= DEVICES_SINCE && (await community.reader().recoveryKeyOf(community.me))
      if (mine !== null && recorded === mine) registered++
      else missing++
    }
    return { registered, missing }
  }

  /** A new phrase, recorded in every community that can hold it; it replaces the one before. */
  async create(withBackup: boolean): Promise<RecoveryPhrase> {
    const { phrase, recovery } = newPhrase()
    const key = recovery.keyPair.publicKey.toString('hex')
    const notRegistered: { name: string; reason: NotShared }[] = []
    let registered = 0
    const self = await thisDeviceNamed(this.host)
    for (const community of this.host.communities()) {
      const reason = await this.register(community, recovery.keyPair.secretKey, key, self)
      if (reason === null) registered++
      else notRegistered.push({ name: (await community.reader().meta())?.name ?? community.id, reason })
    }
    await this.host.setRecoveryKey(key)
    const backup = withBackup
      ? sealBackup({ ...(await this.backup()), notRecorded: notRegistered }, recovery.backupKey)
      : null
    return { phrase, backup, registered, notRegistered }
  }

  private async register(
    community: Community,
    secretKey: Buffer,
    key: string,
    self: ThisDevice
  ): Promise<NotShared | null> {
    const reason = await shareable(community)
    if (typeof reason === 'string') return reason
    const signable = registerSignable(community.base.discoveryKey, Buffer.from(community.me, 'hex'))
    try {
      // Named now, this device is one a restored device can find and revoke, should it be lost.
      await nameSelf(community, self)
      await community.append({
        type: 'member/recovery',
        key,
        proof: hcrypto.sign(signable, secretKey).toString('hex')
      })
      return null
    } catch {
      return 'not-writable'
    }
  }

  private async backup(): Promise<Backup> {
    const communities: Backup['communities'] = []
    for (const community of this.host.communities()) {
      if (!community.conversationsHere) continue
      const { secretKey } = await community.conversationKeyPair()
      communities.push({
        key: community.base.key.toString('hex'),
        conversationKey: secretKey.toString('hex')
      })
    }
    return { v: 1, communities, plan: await this.host.plan() }
  }

  /** Brings my membership back on this device from the phrase, and what the backup holds. */
  async restore(
    phrase: string,
    name: string,
    backupText: string | undefined,
    linkId: string
  ): Promise<RestoreResult> {
    const recovery = readPhrase(phrase)
    const backup = backupText === undefined ? null : openBackup(backupText, recovery.backupKey)
    if (!this.host.online())
      throw new MutualError(
        'offline',
        'you are offline; restoring needs a member of your communities online, so go online first'
      )
    const current = this.host.thisDevice()
    const self = { id: current?.id ?? hcrypto.randomBytes(16).toString('hex'), name }
    await this.host.nameThisDevice(self)
    const abort = new AbortController()
    this.restores.set(linkId, abort)
    try {
      const held = new Set(this.host.communities().map((c) => c.base.key.toString('hex')))
      this.host.emit({ type: 'link-progress', linkId, stage: 'looking' })
      const found = await restoreFromPhrase<NewStore>(recovery, {
        bootstrap: this.host.bootstrap,
        signal: abort.signal,
        device: self,
        onFound: () => this.host.emit({ type: 'link-progress', linkId, stage: 'copying' }),
        prepare: async (community) =>
          held.has(community.key) ? null : newWriter(this.host, community.key, community.member),
        discard: (made) => this.host.discardStore(made)
      })
      const communities: Community[] = []
      let conversations = 0
      for (const { community, held: made } of found) {
        const conversationKey =
          backup?.communities.find((c) => c.key === community.key)?.conversationKey ?? null
        if (conversationKey !== null) conversations++
        communities.push(await this.host.adopt(made, { ...community, conversationKey }))
      }
      if (backup?.plan) await this.host.restorePlan(backup.plan)
      await this.host.setRecoveryKey(recovery.keyPair.publicKey.toString('hex'))
      await Promise.all(communities.map((c) => c.writableWithin(WRITABLE_WAIT_MS)))
      return {
        communities: communities.map((c) => c.id),
        // Without the backup this device cannot know of communities the phrase was never recorded in.
        notShared: backup?.notRecorded ?? [],
        conversations,
        plan: backup?.plan !== undefined && backup.plan !== null
      }
    } finally {
      this.restores.delete(linkId)
    }
  }

  cancel(linkId: string): boolean {
    const abort = this.restores.get(linkId)
    abort?.abort()
    return abort !== undefined
  }

  close(): void {
    for (const abort of this.restores.values()) abort.abort()
  }
}
