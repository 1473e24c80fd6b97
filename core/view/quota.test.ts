import { describe, expect, test } from 'vitest'
import { MAX_REFUSED_RANGES, addRefused } from './quota.js'
import type { RefusedRecord } from './quota.js'

describe('quota', () => {
  test('refused: a run of refused blocks, acks between them included, is one range', () => {
    let ranges: RefusedRecord = []
    for (const i of [5, 6, 7, 9, 10]) ranges = addRefused(ranges, i, 2)
    expect(ranges).toEqual([[5, 11]])
  })

  test('refused: a kept op starts a new range', () => {
    const ranges = addRefused(addRefused([], 5, 2), 9, 7)
    expect(ranges).toEqual([
      [5, 6],
      [9, 10]
    ])
  })

  test('refused: the record stays bounded however the refusals interleave with kept ops', () => {
    let ranges: RefusedRecord = []
    for (let i = 0; i < 1000; i += 2) ranges = addRefused(ranges, i, i - 1)
    expect(ranges).toHaveLength(MAX_REFUSED_RANGES)
    expect(ranges[ranges.length - 1]![1]).toBe(999)
  })
})
