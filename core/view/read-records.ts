// The plain lookups every reader of the view shares: a record by key, the
// records under a prefix, and who a member is. The feed's reader and the
// governance reader both stand on these.
import type Hyperbee from 'hyperbee'
import { keys, prefixEnd } from './records.js'
import type { MemberRecord, MetaRecord } from './records.js'

export class RecordReader {
  private readonly names = new Map<string, string>()

  constructor(readonly bee: Hyperbee.BeeReader) {}

  async value<T>(key: string): Promise<T | null> {
    const entry = await this.bee.get(key)
    return entry ? (entry.value as T) : null
  }

  range(prefix: string): AsyncIterable<Hyperbee.Entry<unknown>> {
    return this.bee.createReadStream({ gt: prefix, lt: prefixEnd(prefix) })
  }

  async meta(): Promise<MetaRecord | null> {
    return this.value<MetaRecord>(keys.meta)
  }

  async member(key: string): Promise<MemberRecord | null> {
    return this.value<MemberRecord>(keys.member(key))
  }

  /** A member's display name, or how to speak of someone who has gone. */
  async nameOf(key: string): Promise<string> {
    const cached = this.names.get(key)
    if (cached !== undefined) return cached
    const member = await this.member(key)
    const name = member ? displayName(member) : 'someone who has left'
    this.names.set(key, name)
    return name
  }
}

export function displayName(m: MemberRecord): string {
  return m.name ?? 'a new member'
}
