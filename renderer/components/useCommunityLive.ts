// Most of a community's screens show something read from the engine that can
// change whenever anything in that community does (a post, a vote, a member
// joining): read it again on each such change, and on nothing else.
import { useLive } from '../engine/hooks.js'
import type { Live } from '../engine/hooks.js'

export function useCommunityLive<T>(
  communityId: string,
  load: () => Promise<T>,
  /** What else, besides the community, the read depends on. */
  deps: readonly unknown[] = []
): Live<T> {
  return useLive(
    load,
    [communityId, ...deps],
    (e) => e.type === 'community-changed' && e.communityId === communityId
  )
}
