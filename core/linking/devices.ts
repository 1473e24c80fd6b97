// My devices, across all my communities: showing a link code, linking this
// device to another with one, and listing, naming and revoking my devices.
// Each community keeps its own record of my writers (core/view/devices.ts);
// a device's id, chosen by the device itself, ties its writers together.
import type Corestore from 'corestore'
import hcrypto from 'hypercore-crypto'
import type { Community } from '../community/community.js'
import {
  addDevice,
  consentToLink,
  myDevices,
  renameDevice,
  revokeDevice,
  shareable
} from '../community/my-devices.js'
import { localWriterKeyPair } from '../community/base.js'
import type { DeviceInfo, EngineEvent, LinkResult, NotShared } from '../domain/types.js'
import { MutualError } from '../errors.js'
import type { Bootstrap } from '../network.js'
import type { ThisDevice } from '../profile/profile.js'
import { DEVICES_SINCE } from '../view/devices.js'
import { linkWithCode } from './accept.js'
import type { NewWriter, SharedCommunity } from './channel.js'
import { decodeLinkCode } from './link-code.js'
import { LinkOffer } from './offer.js'

/** What a device that was never named is called in its members' lists until the person names it. */
const FIRST_DEVICE_NAME = 'first device'

export interface NewStore {
  folder: string
  store: Corestore
}

export interface DevicesHost {
  readonly bootstrap: Bootstrap | undefined
  now(): number
  online(): boolean
  communities(): Community[]
  thisDevice(): ThisDevice | null
  nameThisDevice(device: ThisDevice): Promise<void>
  newStore(): NewStore
  discardStore(made: NewStore): Promise<void>
  /** Opens a community a link brought, writing as the member it was shared for; returns its id. */
  adopt(made: NewStore, shared: SharedCommunity): Promise<Community>
  emit(event: EngineEvent): void
}

/** This device, named: a first device gets a plain name the person can change. */
export async function thisDeviceNamed(
  host: Pick<DevicesHost, 'thisDevice' | 'nameThisDevice'>
): Promise<ThisDevice> {
  const current = host.thisDevice()
  if (current) return current
  const device = { id: hcrypto.randomBytes(16).toString('hex'), name: FIRST_DEVICE_NAME }
  await host.nameThisDevice(device)
  return device
}

/** A fresh store here, and its writer's signed consent to be `member` in the community `key`. */
export async function newWriter(
  host: Pick<DevicesHost, 'newStore' | 'discardStore'>,
  key: string,
  member: string
): Promise<{ writer: NewWriter; held: NewStore }> {
  const made = host.newStore()
  try {
    const signer = await localWriterKeyPair(made.store)
    return { writer: consentToLink(Buffer.from(key, 'hex'), member, signer), held: made }
  } catch (err) {
    await host.discardStore(made)
    throw err
  }
}

/** How long a new device waits for each community to let its writer in before reporting back. */
const WRITABLE_WAIT_MS = 30_000

export class Devices {
  private readonly offers = new Map<string, LinkOffer>()
  private readonly links = new Map<string, AbortController>()

  constructor(private readonly host: DevicesHost) {}

  /** Shows a code another device of mine can link with. One code, one device. */
  async offer(): Promise<{ offerId: string; code: string; expiresAt: number }> {
    this.needOnline()
    const self = await this.named()
    const offerId = hcrypto.randomBytes(8).toString('hex')
    const offer = new LinkOffer(
      {
        share: () => this.share(),
        link: async (writer, device) => {
          const community = this.host.communities().find((c) => c.base.key.toString('hex') === writer.key)
          return community ? addDevice(community, writer, device, self) : false
        }
      },
      { bootstrap: this.host.bootstrap, now: this.host.now() }
    )
    this.offers.set(offerId, offer)
    offer.on('request', (deviceName) => this.host.emit({ type: 'link-request', offerId, deviceName }))
    offer.on('linked', (linked) => {
      this.host.emit({ type: 'link-ended', offerId, linked, code: null, message: null })
      void this.endOffer(offerId, true)
    })
    offer.on('failed', (err) => {
      this.host.emit({ type: 'link-ended', offerId, linked: null, code: err.code, message: err.message })
      // A "no" goes out as the reply to the waiting device: the offer stays up until it has gone.
      void this.endOffer(offerId, offer.state === 'declined')
    })
    await offer.announced()
    return { offerId, code: offer.code, expiresAt: offer.expiresAt }
  }

  answer(offerId: string, accept: boolean): void {
    this.offerOf(offerId).answer(accept)
  }

  async cancelOffer(offerId: string): Promise<void> {
    await this.endOffer(offerId, false)
  }

  private offerOf(offerId: string): LinkOffer {
    const offer = this.offers.get(offerId)
    if (!offer) throw new MutualError('not-found', 'that link code is no longer open; show a new one')
    return offer
  }

  private async endOffer(offerId: string, answered: boolean): Promise<void> {
    const offer = this.offers.get(offerId)
    if (!offer) return
    this.offers.delete(offerId)
    // The other device leaves once it has the answer (and all it was sent); until then the offer stays.
    if (answered) await offer.idle()
    await offer.close()
  }

  private async share(): Promise<{
    shared: SharedCommunity[]
    notShared: { name: string; reason: NotShared }[]
  }> {
    const shared: SharedCommunity[] = []
    const notShared: { name: string; reason: NotShared }[] = []
    for (const community of this.host.communities()) {
      const result = await shareable(community)
      if (typeof result !== 'string') shared.push(result)
      else notShared.push({ name: (await community.reader().meta())?.name ?? community.id, reason: result })
    }
    return { shared, notShared }
  }

  private named(): Promise<ThisDevice> {
    return thisDeviceNamed(this.host)
  }

  /** Links this device, as the same member, to the device showing `code`. */
  async link(code: string, name: string, linkId: string): Promise<LinkResult> {
    const decoded = decodeLinkCode(code, this.host.now())
    this.needOnline()
    const current = this.host.thisDevice()
    const self = { id: current?.id ?? hcrypto.randomBytes(16).toString('hex'), name }
    await this.host.nameThisDevice(self)
    const abort = new AbortController()
    this.links.set(linkId, abort)
    try {
      const held = new Set(this.host.communities().map((c) => c.base.key.toString('hex')))
      const result = await linkWithCode<NewStore>(decoded, {
        bootstrap: this.host.bootstrap,
        signal: abort.signal,
        device: { name: self.name, device: self.id },
        now: () => this.host.now(),
        onStage: (stage) => this.host.emit({ type: 'link-progress', linkId, stage }),
        prepare: async (shared) =>
          held.has(shared.key) ? null : newWriter(this.host, shared.key, shared.member),
        discard: (made) => this.host.discardStore(made)
      })
      const communities: Community[] = []
      for (const { shared, held: made } of result.linked)
        communities.push(await this.host.adopt(made, shared))
      await Promise.all(communities.map((c) => c.writableWithin(WRITABLE_WAIT_MS)))
      return { communities: communities.map((c) => c.id), notShared: result.notShared }
    } finally {
      this.links.delete(linkId)
    }
  }

  private needOnline(): void {
    if (!this.host.online())
      throw new MutualError(
        'offline',
        'you are offline; linking needs both devices online, so go online first'
      )
  }

  cancelLink(linkId: string): boolean {
    const abort = this.links.get(linkId)
    abort?.abort()
    return abort !== undefined
  }

  /** My devices, each once however many communities it writes in. */
  async list(): Promise<DeviceInfo[]> {
    // Named on first sight, so this device has the same id and name wherever it is listed.
    const self = await this.named()
    const byId = new Map<string, DeviceInfo>()
    for (const { device, thisOne } of await this.everywhere()) {
      const id = thisOne ? self.id : (device.device ?? device.writer)
      const seen = byId.get(id)
      byId.set(id, {
        id,
        name: seen?.name ?? device.name ?? (thisOne ? self.name : null),
        thisDevice: (seen?.thisDevice ?? false) || thisOne,
        // Revoked where it was ever anything: one community left where it writes keeps it listed as mine.
        revoked: (seen?.revoked ?? true) && device.revoked,
        communities: (seen?.communities ?? 0) + (device.revoked ? 0 : 1)
      })
    }
    if (!byId.has(self.id))
      byId.set(self.id, { id: self.id, name: self.name, thisDevice: true, revoked: false, communities: 0 })
    return [...byId.values()].sort((a, b) => Number(b.thisDevice) - Number(a.thisDevice))
  }

  async rename(id: string, name: string): Promise<void> {
    const self = this.host.thisDevice()
    if (self?.id === id) await this.host.nameThisDevice({ ...self, name })
    // A device never named anywhere gets an id now, the same in each community.
    const newId = hcrypto.randomBytes(16).toString('hex')
    for (const { community, device, thisOne } of await this.matching(id)) {
      const deviceId = thisOne && self ? self.id : (device.device ?? newId)
      await renameDevice(community, device.writer, deviceId, name)
    }
  }

  /** Revokes a lost device everywhere it writes as me. */
  async revoke(id: string): Promise<void> {
    const matching = await this.matching(id)
    if (matching.length === 0) throw new MutualError('not-found', 'none of your devices has that id')
    for (const { community, device } of matching) await revokeDevice(community, device.writer)
  }

  private async matching(id: string): Promise<Located[]> {
    const self = this.host.thisDevice()
    return (await this.everywhere()).filter(
      ({ device, thisOne }) =>
        !device.revoked && (device.device === id || device.writer === id || (thisOne && self?.id === id))
    )
  }

  private async everywhere(): Promise<Located[]> {
    const out: Located[] = []
    for (const community of this.host.communities()) {
      if ((await community.version()) < DEVICES_SINCE) continue
      for (const device of await myDevices(community))
        out.push({ community, device, thisOne: device.writer === community.writerKey })
    }
    return out
  }

  async close(): Promise<void> {
    for (const abort of this.links.values()) abort.abort()
    await Promise.all([...this.offers.keys()].map((id) => this.endOffer(id, false)))
  }
}

interface Located {
  community: Community
  device: Awaited<ReturnType<typeof myDevices>>[number]
  thisOne: boolean
}
