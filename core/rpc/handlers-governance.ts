// RPC handlers for agreements, proposals, flags and personal moderation.
import type { Mutual } from '../mutual.js'
import { MutualError } from '../errors.js'
import { done } from './server.js'
import type { Handlers } from './server.js'
import type { governanceMethods } from './methods-governance.js'

export function governanceHandlers(engine: Mutual): Pick<Handlers, keyof typeof governanceMethods> {
  const c = (id: string) => engine.get(id)
  const ok = { ok: true } as const
  return {
    'governance.get': async (p) => {
      const state = await c(p.communityId).reader().governance().state()
      if (!state)
        throw new MutualError('syncing', 'this community is still syncing its agreements; try again shortly')
      return state
    },
    'agreements.history': async (p) => c(p.communityId).reader().governance().agreementsHistory(),
    'agreements.accept': done((p) => c(p.communityId).consent.agree(p.version)),
    'proposals.list': async (p) => c(p.communityId).reader().governance().proposals(p.status),
    'proposals.get': async (p) => {
      const proposal = await c(p.communityId).reader().governance().proposal(p.proposalId)
      if (!proposal) throw new MutualError('not-found', 'there is no proposal with that id here')
      return proposal
    },
    'proposals.create': async (p) => ({ id: await c(p.communityId).consent.propose(p.change, p.reason) }),
    'proposals.revise': async (p) => {
      await c(p.communityId).consent.revise(p.proposalId, p.change, p.reason)
      return { id: p.proposalId }
    },
    'proposals.withdraw': async (p) => {
      await c(p.communityId).consent.withdraw(p.proposalId)
      return { id: p.proposalId }
    },
    'proposals.respond': done((p) =>
      c(p.communityId).consent.respond(p.proposalId, p.stance, p.note?.trim() || null)
    ),
    'proposals.withdrawResponse': done((p) => c(p.communityId).consent.withdrawResponse(p.proposalId)),
    'flags.add': done((p) => c(p.communityId).consent.flag(p.postId, p.reason)),
    'flags.remove': done((p) => c(p.communityId).consent.unflag(p.postId)),
    'moderation.log': async (p) => c(p.communityId).reader().governance().log(p.limit, p.before),
    'members.mute': async (p) => {
      const member = await c(p.communityId).reader().member(p.memberId)
      if (!member) throw new MutualError('not-found', 'that person is not in this community')
      await engine.setMuted(p.communityId, p.memberId, p.muted)
      return ok
    },
    'posts.hideForMe': async (p) => {
      if (!(await c(p.communityId).reader().postRecord(p.postId)))
        throw new MutualError('not-found', 'that post is not here')
      await engine.setHidden(p.communityId, p.postId, p.hidden)
      return ok
    }
  }
}
