// Flag values the CLI checks itself before asking the daemon.
import { describe, expect, it } from 'vitest'
import { UsageError } from '../cli/failure.js'
import { formatDuration, parseDuration, parseWholeNumber } from '../cli/values.js'

describe('cli values: behaviour', () => {
  it('reads durations written as 30m, 1h, 7d, 2w or 1h30m', () => {
    expect(parseDuration('--expires', '30m')).toBe(30 * 60_000)
    expect(parseDuration('--expires', '1h')).toBe(3_600_000)
    expect(parseDuration('--expires', '7d')).toBe(7 * 86_400_000)
    expect(parseDuration('--expires', '2w')).toBe(14 * 86_400_000)
    expect(parseDuration('--expires', '1h30m')).toBe(90 * 60_000)
  })

  it('rejects durations without a unit or with words, naming the flag', () => {
    for (const bad of ['', '10', 'soon', '1 h', '-1h', '1y']) {
      expect(() => parseDuration('--expires', bad)).toThrow(UsageError)
    }
    expect(() => parseDuration('--expires', 'soon')).toThrow(/--expires/)
  })

  it('accepts only whole numbers within bounds', () => {
    expect(parseWholeNumber('--limit', '20', 1, 200)).toBe(20)
    for (const bad of ['0', '201', 'ten', '1.5', '-3', '']) {
      expect(() => parseWholeNumber('--limit', bad, 1, 200)).toThrow(
        /--limit must be a whole number from 1 to 200/
      )
    }
  })

  it('writes durations back in the largest whole unit', () => {
    expect(formatDuration(90 * 86_400_000)).toBe('90d')
    expect(formatDuration(90 * 60_000)).toBe('90m')
  })
})
