// A friend online sees it within a blink: post on A to visible in B's feed.
import { circle, nextEvent } from '../fixtures.js'
import type { BenchLab } from '../fixtures.js'
import type { Sizes } from '../sizes.js'
import { mutualMember } from '../stacks.js'
import type { Member } from '../stacks.js'
import { summarise } from '../stats.js'

/** The first posts warm the JIT and caches, and are not counted. */
const WARM_UP = 10

export async function propagation(lab: BenchLab, sizes: Sizes) {
  const [a, b] = await Promise.all([lab.local(), lab.remote()])
  const id = await circle(a, [b], 'Propagation')
  const text = (i: number) => `hello ${i}`
  const samples = await backToBack(mutualMember(a, id), mutualMember(b, id), sizes.propagationPosts, text)
  return { ms: summarise(samples), target: { p50: 50, p95: 200 } }
}

/** Each post sent once the one before it is visible on `b`: post called to newest in b's feed, in ms. */
export async function backToBack(
  a: Member,
  b: Member,
  n: number,
  text: (i: number) => string
): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < n + WARM_UP; i++) {
    const start = performance.now()
    const postId = await a.post(text(i))
    for (;;) {
      const page = await b.page(1)
      if (page.ids[0] === postId) break
      await nextEvent([b], 50)
    }
    if (i >= WARM_UP) samples.push(performance.now() - start)
  }
  return samples
}

/**
 * One post every `intervalMs` whether or not the last has arrived, as a
 * conversation goes: each post's time from being sent on `a` to being seen
 * in b's newest page, in ms. b is watched the way a front-end watches it, a
 * page read on each change.
 */
export async function paced(
  a: Member,
  b: Member,
  n: number,
  intervalMs: number,
  text: (i: number) => string
): Promise<number[]> {
  const seenAt = new Map<string, number>()
  const sent: { id: string; at: number }[] = []
  let sending = true
  let abandoned = false
  const watch = async (): Promise<void> => {
    while (!abandoned) {
      const page = await b.page(50)
      const now = performance.now()
      for (const id of page.ids) if (!seenAt.has(id)) seenAt.set(id, now)
      if (!sending && sent.every((s) => seenAt.has(s.id))) return
      await nextEvent([b], 50)
    }
  }
  const watching = watch()
  let timer: NodeJS.Timeout | undefined
  try {
    const start = performance.now()
    for (let i = 0; i < n + WARM_UP; i++) {
      const due = start + i * intervalMs
      if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()))
      const at = performance.now()
      sent.push({ id: await a.post(text(i)), at })
    }
    sending = false
    await Promise.race([
      watching,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('paced posts had not all arrived after 60 s')), 60_000)
      })
    ])
  } finally {
    clearTimeout(timer)
    abandoned = true
    watching.catch(() => undefined)
  }
  return sent.slice(WARM_UP).map((s) => seenAt.get(s.id)! - s.at)
}
