// Shared set-up for scenarios: posts written through the RPC, exactly as a
// front-end would write them, and waits that follow engine events.
import type { BenchPeer } from './peers.js'

export { BenchLab } from './peers.js'
export type { BenchPeer } from './peers.js'

/** Writes `n` posts through the RPC with up to `inFlight` calls outstanding. */
export async function fill(
  peer: BenchPeer,
  communityId: string,
  n: number,
  opts: { label?: string; topic?: string; replyTo?: string; inFlight?: number } = {}
): Promise<string[]> {
  const ids: string[] = new Array(n)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < n) {
      const i = next++
      const { id } = await peer.rpc.call('posts.create', {
        communityId,
        text: `${opts.label ?? 'post'} ${i}: ${FILLER}`,
        ...(opts.topic ? { topic: opts.topic } : {}),
        ...(opts.replyTo ? { replyTo: opts.replyTo } : {})
      })
      ids[i] = id
    }
  }
  await Promise.all(Array.from({ length: opts.inFlight ?? 128 }, worker))
  return ids
}

// A typical short post, so byte counts resemble real use.
export const FILLER = 'Some days are harder than others, and it helps to know someone else has been here too.'

async function viewVersion(peer: BenchPeer, communityId: string): Promise<string> {
  const [status] = await peer.rpc.call('sync.status', { communityId })
  return status?.viewVersion ?? ''
}

/** Resolves when every peer holds the identical view. */
export function converged(peers: BenchPeer[], communityId: string, timeoutMs: number): Promise<void> {
  return viewsAgree(
    peers.map((p) => ({ viewVersion: () => viewVersion(p, communityId), onEvent: (l) => p.onEvent(l) })),
    timeoutMs
  )
}

/** Resolves when every member (of either stack, see stacks.ts) holds the identical view. */
export async function viewsAgree(
  members: { viewVersion(): Promise<string>; onEvent: Watchable['onEvent'] }[],
  timeoutMs: number
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const versions = await Promise.all(members.map((m) => m.viewVersion()))
    if (versions.every((x) => x === versions[0])) return
    if (Date.now() > deadline)
      throw new Error(`views still differ after ${timeoutMs} ms: ${versions.join(' ')}`)
    await nextEvent(members, 100)
  }
}

/** Anything that reports changes: a Mutual peer's engine events, a bare member's view updates. */
interface Watchable {
  onEvent(listener: () => void): () => void
}

/** Waits for any engine event from any of the peers, or `ms`, whichever comes first. */
export function nextEvent(peers: Watchable[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const offs: (() => void)[] = []
    const done = (): void => {
      clearTimeout(timer)
      for (const off of offs) off()
      resolve()
    }
    const timer = setTimeout(done, ms)
    for (const p of peers) offs.push(p.onEvent(done))
  })
}

/** A founder plus `members` others who join by invite; returns the community id. */
export async function circle(founder: BenchPeer, members: BenchPeer[], name: string): Promise<string> {
  const { id } = await founder.rpc.call('communities.create', { name, displayName: 'Founder' })
  for (const [i, m] of members.entries()) await letIn(founder, m, id, `Member ${i + 1}`)
  return id
}

/** `member` joins with an invite from `by`, and says "I agree". */
export async function letIn(
  by: BenchPeer,
  member: BenchPeer,
  id: string,
  displayName: string
): Promise<void> {
  const { invite } = await by.rpc.call('invites.create', { communityId: id })
  await member.rpc.call('communities.join', { invite, displayName })
  const { agreements } = await member.rpc.call('governance.get', { communityId: id })
  await member.rpc.call('agreements.accept', { communityId: id, version: agreements.version })
}
