// Maps each RPC method onto the engine. Params arrive already validated.
import type { Mutual } from '../mutual.js'
import { DEFAULT_INVITE } from '../community/community.js'
import { MutualError } from '../errors.js'
import { done } from './server.js'
import type { Handlers } from './server.js'
import { governanceHandlers } from './handlers-governance.js'
import { reachingHandlers } from './handlers-reaching.js'
import { deviceHandlers, lockGated } from './handlers-device.js'
import { linkingHandlers } from './handlers-linking.js'
import { connectionsReport } from '../community/diagnostics.js'

export function createHandlers(engine: Mutual): Handlers {
  return lockGated(engine, allHandlers(engine))
}

function allHandlers(engine: Mutual): Handlers {
  const c = (id: string) => engine.get(id)
  return {
    'communities.list': async () => engine.summaries(),
    'communities.create': async (p) => ({ id: await engine.create(p.name, p.displayName, p.agreements) }),
    'communities.join': async (p) => engine.join(p.invite, p.displayName, p.joinId),
    'communities.cancelJoin': async (p) => ({ cancelled: engine.cancelJoin(p.joinId) }),
    'communities.leave': async (p) => {
      await engine.leave(p.communityId)
      return { left: true }
    },
    'communities.markRead': done((p) => engine.markRead(p.communityId, p.seq)),
    'communities.setNotifications': done((p) => engine.setNotifications(p.communityId, p.enabled)),
    'invites.create': async (p) =>
      c(p.communityId).invites.createInvite(
        p.expiresInMs ?? DEFAULT_INVITE.expiresInMs,
        p.maxUses ?? DEFAULT_INVITE.maxUses,
        engine.now()
      ),
    'invites.list': async (p) => c(p.communityId).reader().invites(),
    'invites.revoke': async (p) => {
      await c(p.communityId).invites.revokeInvite(p.inviteId)
      return { revoked: true }
    },
    'invites.second': done((p) => c(p.communityId).consent.secondInvite(p.inviteId)),
    ...governanceHandlers(engine),
    ...reachingHandlers(engine),
    ...deviceHandlers(engine),
    ...linkingHandlers(engine),
    'topics.list': async (p) => c(p.communityId).reader().topics(),
    'topics.create': async (p) => {
      await c(p.communityId).posting.createTopic(p.name)
      return { name: p.name }
    },
    'posts.create': async (p) => ({ id: await c(p.communityId).posting.post({ ...p, now: engine.now() }) }),
    'posts.edit': async (p) => {
      await c(p.communityId).posting.editPost(p.postId, {
        text: p.text,
        mode: p.mode,
        note: p.note,
        now: engine.now()
      })
      return { id: p.postId }
    },
    'posts.delete': async (p) => {
      await c(p.communityId).posting.deletePost(p.postId)
      return { id: p.postId }
    },
    'posts.get': async (p) => {
      const post = await c(p.communityId).reader().post(p.postId)
      if (!post) throw new MutualError('not-found', 'that post is not here')
      return post
    },
    'posts.feed': async (p) => {
      const community = c(p.communityId)
      const reader = community.reader()
      const topic = p.topic ?? 'general'
      if (!(await reader.topic(topic)))
        throw new MutualError('not-found', `there is no topic "${topic}" in this community`)
      return reader.feed(topic, p.limit, p.before)
    },
    'posts.thread': async (p) => {
      const thread = await c(p.communityId).reader().thread(p.postId)
      if (!thread) throw new MutualError('not-found', 'that post is not here')
      return thread
    },
    'reactions.add': done((p) => c(p.communityId).posting.react(p.postId, p.kind, true)),
    'reactions.remove': done((p) => c(p.communityId).posting.react(p.postId, p.kind, false)),
    'members.list': async (p) => c(p.communityId).reader().members(),
    'profile.set': done((p) => c(p.communityId).setProfile(p.displayName, p.color)),
    'sync.status': async (p) => {
      const list = p.communityId ? [c(p.communityId)] : engine.list()
      return Promise.all(list.map((x) => x.status()))
    },
    'network.setOnline': async (p) => {
      await engine.setOnline(p.online)
      return { online: engine.isOnline }
    },
    'network.refresh': async () => {
      await engine.refreshNetwork()
      return { ok: true }
    },
    'network.connections': async (p) => connectionsReport(c(p.communityId))
  }
}
