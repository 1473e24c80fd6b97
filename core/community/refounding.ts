// Starting a community again under a new key, by consent. Autobase cannot
// rotate a community's encryption key, so when a community wants more than
// "a removed member gets nothing new" (say their copy of the key leaked),
// it decides to start again: one member (whoever proposed it, or the
// earliest current member) founds a new community with the same name and
// agreements and invites every current member with a private line in the
// old one. Only current members can open those lines, so whoever was removed
// never learns the new key. Each member's device joins by itself; the old
// community stays on the device, readable, and takes no new posts.
import type { Community } from './community.js'
import { LIMITS } from '../domain/limits.js'

interface RefoundingHost {
  refoundedAs(oldId: string): string | null
  markRefounded(oldId: string, newId: string): Promise<void>
  create(
    name: string,
    displayName: string,
    agreements: { text: string; confidentiality: string }
  ): Promise<string>
  join(invite: string, displayName: string): Promise<{ id: string }>
  get(id: string): Community
  warn(err: unknown): void
}

/** How long the invites into the new community stay good. */
const INVITE_LIFETIME_MS = LIMITS.inviteMaxLifetimeMs

export class Refounding {
  private readonly busy = new Set<string>()

  constructor(private readonly host: RefoundingHost) {}

  /** Called when a community's view changed; does what this device's part is, once. */
  check(community: Community): void {
    if (this.busy.has(community.id)) return
    this.busy.add(community.id)
    this.step(community)
      .catch((err: unknown) => this.host.warn(err))
      .finally(() => this.busy.delete(community.id))
  }

  private async step(community: Community): Promise<void> {
    const reader = community.reader()
    const meta = await reader.meta()
    const decided = meta?.refounded
    if (!meta || !decided) return
    const me = await reader.member(community.me)
    if (!me || me.left) return
    // One device acts for the member: their earliest device still theirs (op version 5). Two would found
    // two new communities, or race for one invite; the others can be linked to the new one afterwards.
    const acting = (await reader.devices(community.me)).find((d) => !d.revoked)?.writer
    if (acting !== community.writerKey) return
    const myName = me.name ?? 'A member'
    if (decided.by === community.me) return this.startAgain(community, meta.name, myName, decided.proposalId)
    if (this.host.refoundedAs(community.id)) return
    const invites = await community.reaching.conversations.refoundInvites(decided.proposalId)
    const mine = invites.find((i) => i.from === decided.by && i.to === community.me)
    if (!mine) return
    const { id } = await this.host.join(mine.invite, myName)
    await this.agreeAsBefore(community, this.host.get(id))
    await this.host.markRefounded(community.id, id)
  }

  /** The member who starts again: found the new community once, then invite whoever has no invite yet. */
  private async startAgain(
    community: Community,
    name: string,
    myName: string,
    proposalId: string
  ): Promise<void> {
    const reader = community.reader()
    let newId = this.host.refoundedAs(community.id)
    if (!newId) {
      const agreements = await reader.governance().agreements()
      if (!agreements) return
      newId = await this.host.create(name, myName, {
        text: agreements.text,
        confidentiality: agreements.confidentiality
      })
      await this.host.markRefounded(community.id, newId)
    }
    const fresh = this.host.get(newId)
    const invited = new Set(
      (await community.reaching.conversations.refoundInvites(proposalId)).map((i) => i.to)
    )
    for (const member of await reader.members()) {
      if (member.left || member.isMe || invited.has(member.id)) continue
      const { invite } = await fresh.invites.createInvite(INVITE_LIFETIME_MS, 1, community.now())
      // A member whose device has not introduced itself yet is invited on a later check.
      await community.reaching.conversations
        .send(member.id, { k: 'refound', proposalId, community: newId, invite })
        .catch(() => undefined)
    }
  }

  /** I agreed to these very words before: say so again in the new community. */
  private async agreeAsBefore(old: Community, fresh: Community): Promise<void> {
    const before = await old.reader().governance().state()
    const now = await fresh.reader().governance().agreements()
    if (!before || !now || before.myAgreedVersion !== before.agreements.version) return
    if (now.text !== before.agreements.text || now.confidentiality !== before.agreements.confidentiality)
      return
    await fresh.append({ type: 'agreements/accept', version: now.version })
  }
}
