// Summaries of timing samples, in milliseconds unless a scenario says otherwise.

interface Summary {
  n: number
  median: number
  p95: number
  max: number
}

export function summarise(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarise')
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
  return {
    n: sorted.length,
    median: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted[sorted.length - 1]!)
  }
}

export const round = (n: number): number => Math.round(n * 100) / 100

/** Times one async step in milliseconds. */
export async function time(step: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await step()
  return performance.now() - start
}

/** Mutual's figure over the bare stack's for each figure both have: how many times the floor. */
export function ratios<K extends string>(
  mutual: Record<K, number>,
  bare: Record<K, number>
): Record<K, number> {
  const out = {} as Record<K, number>
  for (const k of Object.keys(mutual) as K[]) {
    if (typeof mutual[k] === 'number' && typeof bare[k] === 'number') out[k] = round(mutual[k] / bare[k])
  }
  return out
}

/** Ratios of the median and p95 of two summaries. */
export function summaryRatios(mutual: Summary, bare: Summary): { median: number; p95: number } {
  return { median: round(mutual.median / bare.median), p95: round(mutual.p95 / bare.p95) }
}
