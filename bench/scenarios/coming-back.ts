// Coming back: a member stops cleanly, another writes while it is away, and it
// starts again. How long from starting until it holds what it missed.
import { nextEvent, viewsAgree } from '../fixtures.js'
import type { Member } from '../stacks.js'

/**
 * `rounds` times: `away` stops, `writer` writes `posts` posts, `restart` opens
 * `away` again from its folder (and online). Times are from the restart call
 * to every one of those posts being in its newest page, in ms; `openMs` is
 * the part until the restart call returned.
 */
export async function comingBack(
  writer: Member,
  away: Member,
  restart: () => Promise<Member>,
  rounds: number,
  posts: number
): Promise<{ ms: number[]; openMs: number[]; member: Member }> {
  const ms: number[] = []
  const openMs: number[] = []
  let member = away
  for (let r = 0; r < rounds; r++) {
    await viewsAgree([writer, member], 120_000)
    await member.close()
    await writer.fill(posts, { label: `away${r}`, inFlight: 64 })
    const missed = (await writer.page(posts)).ids
    const start = performance.now()
    member = await restart()
    openMs.push(performance.now() - start)
    for (;;) {
      const held = new Set((await member.page(posts)).ids)
      if (missed.every((id) => held.has(id))) break
      if (performance.now() - start > 120_000) throw new Error('missed posts not held 120 s after restart')
      await nextEvent([member], 50)
    }
    ms.push(performance.now() - start)
    process.stderr.write(`bench: coming back: round ${r} in ${Math.round(ms[ms.length - 1]!)} ms\n`)
  }
  return { ms, openMs, member }
}
