// One face for a member of either stack, so a baseline scenario runs the very
// same workload on Mutual (through the RPC, as a front-end would) and on the
// bare Autobase + Hyperbee stack in bench/bare/.
import { fill } from './fixtures.js'
import type { BenchPeer } from './fixtures.js'

/** Where the next older page starts: Mutual's feed position, or the bare view's key. */
export type Cursor = number | string

export interface Member {
  /** Writes one post; resolves with its id once it is in this member's log. */
  post(text: string): Promise<string>
  /** Writes `n` posts with up to `inFlight` outstanding. */
  fill(n: number, opts: { label: string; inFlight?: number }): Promise<void>
  /** Newest posts first, `limit` of them, older than `before`. */
  page(limit: number, before?: Cursor): Promise<{ ids: string[]; next: Cursor | null }>
  /** Equal strings mean identical views. */
  viewVersion(): Promise<string>
  setOnline(online: boolean): Promise<void>
  onEvent(listener: () => void): () => void
  close(): Promise<void>
}

export function mutualMember(peer: BenchPeer, communityId: string): Member {
  return {
    post: async (text) => (await peer.rpc.call('posts.create', { communityId, text })).id,
    fill: async (n, opts) => void (await fill(peer, communityId, n, opts)),
    page: async (limit, before) => {
      const page = await peer.rpc.call('posts.feed', {
        communityId,
        limit,
        ...(before === undefined ? {} : { before: Number(before) })
      })
      return { ids: page.posts.map((p) => p.id), next: page.next }
    },
    viewVersion: async () => {
      const [status] = await peer.rpc.call('sync.status', { communityId })
      return status?.viewVersion ?? ''
    },
    setOnline: async (online) => void (await peer.rpc.call('network.setOnline', { online })),
    onEvent: (listener) => peer.onEvent(() => listener()),
    close: () => peer.close()
  }
}
