// Reads that answer only from the view blocks this device holds. Some
// decisions gate the network itself: whether a connection is let in to
// replicate is decided from my view, and a newcomer's view arrives over those
// very connections. Such a decision must never wait on a block still to be
// fetched, or a newcomer whose first connection dropped after learning the
// view's length, before fetching its blocks, waits forever: nobody is let in
// because the view can't be read, and it can't be read because nobody is let in.
//
// The reads go through a snapshot of their own: Hyperbee lets one read of a
// block at a time, so a read that waits on the network for a block would hold
// up a held-only read of the same block behind it.
import type Hyperbee from 'hyperbee'

export type Held<T> = { held: true; value: T } | { held: false }

export async function readHeld<T>(
  bee: Hyperbee,
  read: (reader: Hyperbee.BeeReader) => Promise<T>
): Promise<Held<T>> {
  const snapshot = bee.snapshot()
  const here = { wait: false }
  try {
    const value = await read({
      get: (key) => snapshot.get(key, here),
      createReadStream: (range) => snapshot.createReadStream(range, here)
    })
    return { held: true, value }
  } catch (err) {
    if (isNotHeld(err)) return { held: false }
    throw err
  } finally {
    await snapshot.close()
  }
}

/** The error a held-only read fails with when a block it needs is not here yet. */
export function isNotHeld(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'BLOCK_NOT_AVAILABLE'
}
