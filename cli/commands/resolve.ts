// Lets people write a community's name instead of its 52-letter id, and a
// member's name instead of their 64-character key, as long as the name is
// unambiguous.
import type { RpcClient } from '../../core/rpc/client.js'
import { RpcError } from '../../core/rpc/client.js'
import type { CommunitySummary, GovernanceState, Member } from '../../core/domain/types.js'
import { communityId, isId, memberId } from '../../core/domain/ids.js'
import { CliError, EXIT_USAGE, UsageError } from '../failure.js'
import { shellQuote } from '../quote.js'

export async function resolveCommunity(client: RpcClient, text: string): Promise<string> {
  const wanted = text.trim()
  if (isId(communityId, wanted)) return wanted
  return (await findCommunity(client, wanted)).id
}

/** The community itself, for commands that speak of it by name. */
export async function resolveCommunitySummary(client: RpcClient, text: string): Promise<CommunitySummary> {
  return findCommunity(client, text.trim())
}

async function findCommunity(client: RpcClient, wanted: string): Promise<CommunitySummary> {
  const all = await client.call('communities.list', {})
  if (isId(communityId, wanted)) {
    const byId = all.find((c) => c.id === wanted)
    if (byId) return byId
    throw new UsageError(`no community with the id ${wanted} on this device (see: mutual communities)`)
  }
  const matches = all.filter((c) => c.name.trim().toLowerCase() === wanted.toLowerCase())
  const [only] = matches
  if (matches.length === 1 && only) return only
  if (matches.length > 1) {
    throw new UsageError(
      `more than one community is called "${wanted}"; use its id (see: mutual communities)`
    )
  }
  throw new UsageError(`no community called "${wanted}" on this device (see: mutual communities)`)
}

/** How to refer to a community in a hint: its name when that is unambiguous here, else its id. */
export async function communityRef(client: RpcClient, communityId: string): Promise<string> {
  const all = await client.call('communities.list', {})
  const mine = all.find((c) => c.id === communityId)
  if (!mine) return communityId
  const sameName = all.filter((c) => c.name.trim().toLowerCase() === mine.name.trim().toLowerCase())
  return sameName.length === 1 ? shellQuote(mine.name) : communityId
}

/**
 * A member by id or by name (any case). Names are not unique, so a name that
 * matches more than one member asks for the id instead.
 */
export async function resolveMember(
  client: RpcClient,
  communityId: string,
  text: string,
  what: string
): Promise<Member> {
  const wanted = text.trim()
  const all = await client.call('members.list', { communityId })
  if (isId(memberId, wanted.toLowerCase())) {
    const byId = all.find((m) => m.id === wanted.toLowerCase())
    if (byId) return byId
    throw new UsageError(`${what}: nobody with the id ${wanted} is in this community (see: mutual members)`)
  }
  const named = all.filter((m) => m.name.trim().toLowerCase() === wanted.toLowerCase())
  // Someone who has left and a current member may share a name; the current one is meant.
  const matches = named.some((m) => !m.left) ? named.filter((m) => !m.left) : named
  const [only] = matches
  if (matches.length === 1 && only) return only
  if (matches.length > 1) {
    throw new UsageError(
      `${what}: more than one member is called "${wanted}"; use their id (see: mutual members)`
    )
  }
  throw new UsageError(`${what}: nobody called "${wanted}" in this community (see: mutual members)`)
}

/** The words for a member who must read and accept the agreements before doing this. */
function agreementsFirstMessage(ref: string): string {
  return `please read the community agreements and say "I agree" first: read them with: mutual agreements ${ref}, then run: mutual agree ${ref}`
}

/** A community as the person typed it, quoted for pasting back into a shell. */
export function typedRef(text: string): string {
  return shellQuote(text.trim())
}

/**
 * The engine accepts some writes from a member who has not agreed yet, and
 * the community then ignores them. Check first, so nobody waits on a flag,
 * proposal or invite that will never count.
 */
export async function requireAgreed(
  client: RpcClient,
  communityId: string,
  ref: string
): Promise<GovernanceState> {
  const state = await client.call('governance.get', { communityId })
  if (state.myAgreedVersion === null && state.removed === null) {
    throw new CliError(agreementsFirstMessage(ref), EXIT_USAGE)
  }
  return state
}

/** Rewords the engine's "agreements first" refusal with the commands that fix it. */
export function explainAgreementsFirst(err: unknown, ref: string): never {
  if (err instanceof RpcError && err.code === 'agreements-first') {
    throw new CliError(agreementsFirstMessage(ref), EXIT_USAGE)
  }
  throw err
}

/**
 * Several other members, each by name or id, each once. For commands that
 * reach chosen people, so naming yourself is a mistake worth saying.
 */
export async function resolveOthers(
  client: RpcClient,
  communityId: string,
  texts: readonly string[],
  what: string
): Promise<Member[]> {
  const chosen: Member[] = []
  for (const text of texts) {
    const member = await resolveMember(client, communityId, text, what)
    if (member.isMe) throw new UsageError(`${what}: choose other members, not yourself`)
    if (member.left) throw new UsageError(`${what}: ${member.name} is no longer in this community`)
    if (!chosen.some((m) => m.id === member.id)) chosen.push(member)
  }
  return chosen
}

/** How to name a member in a hint: as typed, quoted for the shell. */
export function memberRef(text: string): string {
  return shellQuote(text.trim())
}
