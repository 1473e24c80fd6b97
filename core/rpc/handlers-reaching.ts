// RPC handlers for reaching out. Params arrive already validated.
import type { Mutual } from '../mutual.js'
import { done } from './server.js'
import type { Handlers } from './server.js'
import type { reachingMethods } from './methods-reaching.js'

type ReachingMethods = keyof typeof reachingMethods

export function reachingHandlers(engine: Mutual): Pick<Handlers, ReachingMethods> {
  const r = (id: string) => engine.get(id).reaching
  return {
    'availability.get': async (p) => r(p.communityId).availability(),
    'availability.set': done((p) =>
      r(p.communityId).setAvailability(p.kind, p.note ?? null, p.limit ?? null)
    ),
    'presence.set': done((p) => engine.setPresence(p.communityId, p.visible)),
    'reachouts.list': async (p) => r(p.communityId).reachOuts(),
    'reachouts.create': async (p) => r(p.communityId).reachOut(p.context ?? null, p.to ?? null),
    'reachouts.answer': async (p) => r(p.communityId).answer(p.reachId),
    'reachouts.close': done((p) => r(p.communityId).closeReach(p.reachId)),
    'conversations.list': async (p) => r(p.communityId).conversations.list(),
    'conversations.get': async (p) => r(p.communityId).conversations.get(p.memberId),
    'conversations.send': done((p) => r(p.communityId).conversations.message(p.memberId, p.text)),
    'conversations.close': done((p) => r(p.communityId).conversations.close(p.memberId)),
    'conversations.markRead': done((p) => engine.markConversationRead(p.communityId, p.memberId, p.seq)),
    'checkOnMe.send': done((p) => r(p.communityId).conversations.checkOnMe(p.to, p.note ?? null)),
    'plan.get': async () => engine.plans.get(),
    'plan.save': async (p) => engine.plans.save(p.plan),
    'plan.share': done((p) => engine.plans.share(p.communityId, p.memberId)),
    'plan.revoke': done((p) => engine.plans.revoke(p.communityId, p.memberId)),
    'plans.sharedWithMe': async (p) => r(p.communityId).conversations.sharedPlans()
  }
}
