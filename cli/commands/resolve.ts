// Lets people write a community's name instead of its 52-letter id, as long
// as the name is unambiguous on this device.
import type { RpcClient } from '../../core/rpc/client.js'
import { UsageError } from '../failure.js'

const COMMUNITY_ID = /^[a-z0-9]{52}$/

export async function resolveCommunity(client: RpcClient, text: string): Promise<string> {
  const wanted = text.trim()
  if (COMMUNITY_ID.test(wanted)) return wanted
  const all = await client.call('communities.list', {})
  const matches = all.filter((c) => c.name.trim().toLowerCase() === wanted.toLowerCase())
  const [only] = matches
  if (matches.length === 1 && only) return only.id
  if (matches.length > 1) {
    throw new UsageError(
      `more than one community is called "${wanted}"; use its id (see: mutual communities)`
    )
  }
  throw new UsageError(`no community called "${wanted}" on this device (see: mutual communities)`)
}
