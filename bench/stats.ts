// Summaries of timing samples, in milliseconds unless a scenario says otherwise.

export interface Summary {
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
