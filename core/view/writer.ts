// What apply's steps share: a batch with a write-through cache, the context
// of the op being applied, and the few writes several steps make.
import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'
import { keys } from './records.js'
import type { LogRecord, MemberRecord, MetaRecord } from './records.js'

const DELETED = Symbol('deleted')

/**
 * A batch plus a write-through cache, so reads inside one apply see earlier
 * writes. From op version 4 a node's writes are held until the node is done
 * and each key is written once, however often the node changed it (a post
 * touches the meta record more than once). Per node, never across nodes:
 * peers group nodes into apply calls differently, and the view must not
 * depend on that.
 */
export class ViewWriter {
  private readonly cache = new Map<string, unknown>()
  private held: Map<string, unknown> | null = null
  /** Characters of keys and JSON values written so far: what the ops applied made every peer keep. */
  written = 0
  constructor(private readonly batch: Hyperbee.Batch) {}

  async get<T>(key: string): Promise<T | null> {
    if (this.cache.has(key)) return this.cache.get(key) as T | null
    const entry = await this.batch.get(key)
    const value = entry ? (entry.value as T) : null
    this.cache.set(key, value)
    return value
  }
  async put(key: string, value: unknown): Promise<void> {
    this.cache.set(key, value)
    this.written += key.length + JSON.stringify(value).length
    if (this.held) this.held.set(key, value)
    else await this.batch.put(key, value)
  }
  async del(key: string): Promise<void> {
    this.cache.set(key, null)
    this.written += key.length
    if (this.held) this.held.set(key, DELETED)
    else await this.batch.del(key)
  }
  /** Starts a node: `once` holds its writes so each key is written once (op version 4). */
  beginNode(once: boolean): void {
    this.held = once ? new Map() : null
  }
  /** Writes what the node held, in the order each key was first changed. */
  async endNode(): Promise<void> {
    const held = this.held
    if (!held) return
    this.held = null
    await this.release(held)
  }
  private async release(held: Map<string, unknown>): Promise<void> {
    for (const [key, value] of held) {
      if (value === DELETED) await this.batch.del(key)
      else await this.batch.put(key, value)
    }
  }
  /** Ordered keys under `prefix`, as the batch sees them now. */
  async keysUnder(prefix: string): Promise<string[]> {
    // A range read goes to the batch, so what the node holds is written first.
    if (this.held) {
      await this.release(this.held)
      this.held = new Map()
    }
    const out: string[] = []
    for await (const entry of this.batch.createReadStream({ gt: prefix, lt: prefix + '\uffff' }))
      out.push(entry.key)
    return out
  }
  flush(): Promise<void> {
    return this.batch.flush()
  }
}

export interface Ctx {
  view: ViewWriter
  host: Autobase.ApplyHost
  /** The member the op speaks for: its writer, or the member who linked that writer (op version 5). */
  author: string
  /** The writer that appended the op, proven by Autobase. */
  writer: string
  node: Autobase.AutobaseNode
  /** The op version the community runs at: which rules apply. */
  version: number
  /** Lean posts this node kept (+1) or deleted (-1), counted on the author's quota record. */
  postsKept?: number
}

/** Reads the meta record fresh, so steps that log and count never write back a stale copy. */
export async function updateMeta(ctx: Ctx, change: (meta: MetaRecord) => MetaRecord): Promise<MetaRecord> {
  const meta = await ctx.view.get<MetaRecord>(keys.meta)
  if (!meta) throw new Error('apply: meta missing after init')
  const next = change(meta)
  await ctx.view.put(keys.meta, next)
  return next
}

/** Appends an entry to the community log every member can read. */
export async function logEvent(ctx: Ctx, entry: Omit<LogRecord, 'n'>): Promise<number> {
  const meta = await updateMeta(ctx, (m) => ({ ...m, events: m.events + 1 }))
  const n = meta.events
  await ctx.view.put(keys.log(n), { n, ...entry })
  return n
}

export const blankLog = {
  actor: null,
  member: null,
  postId: null,
  proposalId: null,
  reason: null,
  at: null
} satisfies Omit<LogRecord, 'n' | 'kind'>

export async function putMember(ctx: Ctx, member: MemberRecord): Promise<void> {
  await ctx.view.put(keys.member(member.key), member)
  await ctx.view.put(keys.memberOrder(member.order), member.key)
}
