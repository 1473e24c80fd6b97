// Checks flag values before anything is sent, so mistakes are reported in the
// words the person typed (--limit) rather than the RPC's field names.
import { isId, reachId } from '../core/domain/ids.js'
import { UsageError } from './failure.js'

const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000
}

/** "90m", "1h", "1h30m", "7d", "2w" -> milliseconds. */
export function parseDuration(flag: string, value: string): number {
  const text = value.trim().toLowerCase()
  if (!/^(\d+[smhdw])+$/.test(text)) {
    throw new UsageError(`${flag} must be a duration like 30m, 1h, 7d or 1h30m (got "${value}")`)
  }
  let total = 0
  for (const [, amount, unit] of text.matchAll(/(\d+)([smhdw])/g))
    total += Number(amount) * (UNIT_MS[unit ?? ''] ?? 0)
  return total
}

export function formatDuration(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000]
  ] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`
  }
  return `${Math.round(ms / 1000)}s`
}

export function parseWholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max} (got "${value}")`)
  }
  return n
}

export function parseChoice<T extends string>(what: string, value: string, choices: readonly T[]): T {
  const found = choices.find((c) => c === value.trim().toLowerCase())
  if (!found) throw new UsageError(`${what} must be one of ${choices.join(', ')} (got "${value}")`)
  return found
}

/** Reach-out ids, like post ids, are 16 hex characters. */
export function parseReachId(value: string): string {
  const id = value.trim().toLowerCase()
  if (!isId(reachId, id)) throw new UsageError(`a reach-out id is 16 hex characters (got "${value}")`)
  return id
}
