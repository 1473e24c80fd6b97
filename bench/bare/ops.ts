// The bare stack's log format: JSON ops, and an apply that does the least a
// feed needs. A post goes into the Hyperbee view under a key that sorts by
// time, so the newest page is one reverse range read; a writer is added by a
// trusted op, with no governance around it.
import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'
import hcrypto from 'hypercore-crypto'

/** Every bare post is exactly this many bytes, about the size of a Mutual post op. */
export const POST_BYTES = 200

type BareOp =
  | { type: 'post'; id: string; at: number; text: string }
  | { type: 'add-writer'; key: string; indexer: boolean }

export const POST_PREFIX = 'post/'
/** Sorts after every post key. */
export const POST_END = 'post0'

function postKey(op: { id: string; at: number }): string {
  return `${POST_PREFIX}${String(op.at).padStart(15, '0')}/${op.id}`
}

/** A post op of exactly POST_BYTES bytes: `text` (ASCII) is repeated or cut to fit. */
export function encodePost(text: string, at = Date.now()): { id: string; block: Buffer } {
  const id = hcrypto.randomBytes(8).toString('hex')
  const room = POST_BYTES - Buffer.byteLength(JSON.stringify({ type: 'post', id, at, text: '' }))
  const body = text.padEnd(room, ` ${text}`).slice(0, room)
  const block = Buffer.from(JSON.stringify({ type: 'post', id, at, text: body }))
  if (block.length !== POST_BYTES) throw new Error(`bare post is ${block.length} bytes, not ${POST_BYTES}`)
  return { id, block }
}

export function encodeAddWriter(key: string, indexer: boolean): Buffer {
  return Buffer.from(JSON.stringify({ type: 'add-writer', key, indexer } satisfies BareOp))
}

export async function apply(
  nodes: Autobase.AutobaseNode[],
  view: Hyperbee,
  host: Autobase.ApplyHost
): Promise<void> {
  const batch = view.batch({ update: false })
  for (const node of nodes) {
    if (node.value === null) continue // an ack
    let op: BareOp
    try {
      op = JSON.parse(node.value.toString()) as BareOp
    } catch {
      continue
    }
    if (op.type === 'add-writer') await host.addWriter(Buffer.from(op.key, 'hex'), { indexer: op.indexer })
    else if (op.type === 'post') await batch.put(postKey(op), node.value)
  }
  await batch.flush()
}
