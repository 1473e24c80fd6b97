// Making and withdrawing invites. An invite is a blind-pairing invite for the
// community's key; its record in the log (its public key, expiry and uses)
// is what every member checks a newcomer against.
import BlindPairing from 'blind-pairing'
import type { Op } from '../domain/ops.js'
import type { CreatedInvite } from '../domain/types.js'
import { MutualError } from '../errors.js'
import type { ViewReader } from '../view/read.js'
import type { CommunityBase } from './base.js'
import { encodeInviteKey, keyCheck } from './invite-key.js'

interface InvitesHost {
  readonly base: CommunityBase
  reader(): ViewReader
  append(op: Op): Promise<void>
}

export class Invites {
  constructor(private readonly host: InvitesHost) {}

  async createInvite(expiresInMs: number, maxUses: number, now: number): Promise<CreatedInvite> {
    const expiresAt = now + expiresInMs
    const settings = await this.host.reader().governance().settings()
    const created = BlindPairing.createInvite(this.host.base.key, { expires: expiresAt })
    const id = created.id.toString('hex')
    const encryptionKey = this.host.base.encryptionKey
    if (!encryptionKey)
      throw new MutualError('syncing', 'this community is still syncing; try again in a moment')
    await this.host.append({
      type: 'invite/create',
      inviteId: id,
      publicKey: created.publicKey.toString('hex'),
      expiresAt,
      maxUses
    })
    // Blind pairing stores expiry in whole seconds; report what the invite itself says.
    return {
      invite: encodeInviteKey(created.invite, keyCheck(this.host.base.key, encryptionKey)),
      id,
      expiresAt: created.expires || expiresAt,
      maxUses,
      awaitingSecond: settings.invite === 'second-member'
    }
  }

  async revokeInvite(inviteId: string): Promise<void> {
    const invite = await this.host.reader().invite(inviteId)
    if (!invite) throw new MutualError('not-found', 'there is no invite with that id in this community')
    await this.host.append({ type: 'invite/revoke', inviteId })
  }
}
