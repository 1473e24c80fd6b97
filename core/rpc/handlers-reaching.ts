// RPC handlers for reaching out. Params arrive already validated.
import type { Mutual } from '../mutual.js'
import type { Handlers } from './server.js'
import type { reachingMethods } from './methods-reaching.js'

type ReachingMethods = keyof typeof reachingMethods

export function reachingHandlers(engine: Mutual): Pick<Handlers, ReachingMethods> {
  const r = (id: string) => engine.get(id).reaching
  const ok = { ok: true } as const
  return {
    'availability.get': async (p) => r(p.communityId).availability(),
    'availability.set': async (p) => {
      await r(p.communityId).setAvailability(p.kind, p.note ?? null, p.limit ?? null)
      return ok
    },
    'presence.set': async (p) => {
      await engine.setPresence(p.communityId, p.visible)
      return ok
    },
    'reachouts.list': async (p) => r(p.communityId).reachOuts(),
    'reachouts.create': async (p) => r(p.communityId).reachOut(p.context ?? null, p.to ?? null),
    'reachouts.answer': async (p) => r(p.communityId).answer(p.reachId),
    'reachouts.close': async (p) => {
      await r(p.communityId).closeReach(p.reachId)
      return ok
    },
    'conversations.list': async (p) => r(p.communityId).conversations.list(),
    'conversations.get': async (p) => r(p.communityId).conversations.get(p.memberId),
    'conversations.send': async (p) => {
      await r(p.communityId).conversations.message(p.memberId, p.text)
      return ok
    },
    'conversations.close': async (p) => {
      await r(p.communityId).conversations.close(p.memberId)
      return ok
    },
    'conversations.markRead': async (p) => {
      await engine.markConversationRead(p.communityId, p.memberId, p.seq)
      return ok
    },
    'checkOnMe.send': async (p) => {
      await r(p.communityId).conversations.checkOnMe(p.to, p.note ?? null)
      return ok
    },
    'plan.get': async () => engine.plans.get(),
    'plan.save': async (p) => engine.plans.save(p.plan),
    'plan.share': async (p) => {
      await engine.plans.share(p.communityId, p.memberId)
      return ok
    },
    'plan.revoke': async (p) => {
      await engine.plans.revoke(p.communityId, p.memberId)
      return ok
    },
    'plans.sharedWithMe': async (p) => r(p.communityId).conversations.sharedPlans()
  }
}
