// What a member does to take part in self-governance: agree, propose,
// respond, flag, second an invite. These checks give a clear error before
// writing; apply checks everything again, because any member could append
// ops without going through here.
import hcrypto from 'hypercore-crypto'
import type { Change } from '../domain/change.js'
import type { Stance } from '../domain/governance.js'
import type { Op } from '../domain/ops.js'
import { MutualError } from '../errors.js'
import type { ViewReader } from '../view/read.js'

interface ConsentHost {
  append(op: Op): Promise<void>
  reader(): ViewReader
  readonly me: string
  now(): number
}

export class Consent {
  constructor(private readonly host: ConsentHost) {}

  async agree(version: number): Promise<void> {
    const reader = this.host.reader()
    const history = await reader.governance().agreementsHistory()
    if (!history.some((a) => a.version === version))
      throw new MutualError('not-found', 'those agreements are not in this community yet')
    const me = await reader.member(this.host.me)
    if (me?.agreedVersion !== null && me?.agreedVersion !== undefined && me.agreedVersion >= version) return
    await this.host.append({ type: 'agreements/accept', version })
  }

  async propose(change: Change, reason: string): Promise<string> {
    await this.checkChange(change)
    const id = hcrypto.randomBytes(8).toString('hex')
    await this.host.append({ type: 'proposal/create', id, change, reason, at: this.host.now() })
    return id
  }

  async revise(id: string, change: Change, reason: string): Promise<void> {
    const proposal = await this.ownOpen(id)
    if (proposal.change.kind !== change.kind)
      throw new MutualError('bad-request', 'a revision changes the same thing; make a new proposal instead')
    await this.checkChange(change)
    await this.host.append({ type: 'proposal/revise', id, change, reason, at: this.host.now() })
  }

  async withdraw(id: string): Promise<void> {
    await this.ownOpen(id)
    await this.host.append({ type: 'proposal/withdraw', id })
  }

  async respond(id: string, stance: Stance, note: string | null): Promise<void> {
    const proposal = await this.open(id)
    if (proposal.change.kind === 'removal' && proposal.change.member === this.host.me)
      throw new MutualError('not-allowed', 'this proposal is about you, so your response is not counted')
    if (stance !== 'consent' && !note)
      throw new MutualError(
        'bad-request',
        stance === 'object' ? 'an objection needs a reason' : 'a concern needs a note'
      )
    await this.host.append({
      type: 'proposal/respond',
      id,
      revision: proposal.revision,
      stance,
      note: note || null,
      at: this.host.now()
    })
  }

  async withdrawResponse(id: string): Promise<void> {
    const proposal = await this.open(id)
    if (!proposal.responses[this.host.me])
      throw new MutualError('not-found', 'you have not responded to this proposal')
    await this.host.append({ type: 'proposal/unrespond', id })
  }

  async flag(postId: string, reason: string): Promise<void> {
    const post = await this.flaggable(postId)
    if (post.flags.some((f) => f.by === this.host.me)) return
    await this.host.append({ type: 'flag/add', postId, reason, at: this.host.now() })
  }

  async unflag(postId: string): Promise<void> {
    const post = await this.flaggable(postId)
    if (!post.flags.some((f) => f.by === this.host.me)) return
    await this.host.append({ type: 'flag/remove', postId })
  }

  async secondInvite(inviteId: string): Promise<void> {
    const invite = await this.host.reader().invite(inviteId)
    if (!invite) throw new MutualError('not-found', 'there is no invite with that id in this community')
    if (!invite.needsSecond || invite.secondedBy !== null) return
    if (invite.revoked) throw new MutualError('not-allowed', 'that invite was withdrawn')
    if (invite.createdBy === this.host.me)
      throw new MutualError('not-allowed', 'another member needs to second your invite')
    await this.host.append({ type: 'invite/second', inviteId })
  }

  private async flaggable(postId: string) {
    const post = await this.host.reader().postRecord(postId)
    if (!post || post.deleted) throw new MutualError('not-found', 'that post is not here')
    if (post.author === this.host.me)
      throw new MutualError('not-allowed', 'you can edit or delete your own post instead of flagging it')
    return post
  }

  private async open(id: string) {
    const proposal = await this.host.reader().governance().proposalRecord(id)
    if (!proposal) throw new MutualError('not-found', 'there is no proposal with that id here')
    if (proposal.status !== 'open') throw new MutualError('not-allowed', 'that proposal is already decided')
    return proposal
  }

  private async ownOpen(id: string) {
    const proposal = await this.open(id)
    if (proposal.author !== this.host.me)
      throw new MutualError('not-allowed', 'only the member who proposed it can change or withdraw it')
    return proposal
  }

  private async checkChange(change: Change): Promise<void> {
    const reader = this.host.reader()
    if (change.kind === 'removal') {
      if (change.member === this.host.me)
        throw new MutualError('not-allowed', 'to step away yourself, leave the community instead')
      const member = await reader.member(change.member)
      if (!member || member.left) throw new MutualError('not-found', 'that person is not a member now')
    } else if (change.kind === 'review') {
      const post = await reader.postRecord(change.postId)
      if (!post || post.deleted) throw new MutualError('not-found', 'that post is not here')
      if (post.author !== this.host.me)
        throw new MutualError('not-allowed', 'only the author of a post can ask for a review of it')
      if (!post.collapsed) throw new MutualError('not-allowed', 'that post is not collapsed')
    }
  }
}
