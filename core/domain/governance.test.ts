import { describe, expect, test } from 'vitest'
import { requiredConsents } from './governance.js'
import { decodeOp, encodeOp } from './ops.js'

describe('thresholds', () => {
  test('consent: a majority of the members counted, and never fewer than two', () => {
    expect([1, 2, 3, 4, 5, 10].map((n) => requiredConsents('majority', n))).toEqual([2, 2, 2, 3, 3, 6])
  })
  test('consent: two thirds rounds up; everyone means every member counted', () => {
    expect([3, 4, 6, 7].map((n) => requiredConsents('two-thirds', n))).toEqual([2, 3, 4, 5])
    expect([2, 3, 9].map((n) => requiredConsents('everyone', n))).toEqual([2, 3, 9])
  })
})

describe('governance ops', () => {
  const bytes = (value: unknown) => Buffer.from(JSON.stringify(value))

  test('ops: proposals round-trip, and a settings change must change something known', () => {
    const op = {
      type: 'proposal/create' as const,
      id: 'aaaaaaaaaaaaaaaa',
      change: { kind: 'settings' as const, settings: { flagsToHide: 3 } },
      reason: 'Slower to hide.',
      at: 1
    }
    expect(decodeOp(encodeOp(op))).toEqual({ kind: 'op', op, version: 1 })
    for (const settings of [
      {},
      { flagsToHide: 0 },
      { flagsToHide: 21 },
      { admin: 'me' },
      { invite: 'nobody' }
    ])
      expect(decodeOp(bytes({ v: 1, ...op, change: { kind: 'settings', settings } })).kind).toBe('invalid')
  })

  test('ops: objections, flags and reasons are bounded and never empty', () => {
    const respond = {
      v: 1,
      type: 'proposal/respond',
      id: 'aaaaaaaaaaaaaaaa',
      revision: 1,
      stance: 'object',
      at: 1
    }
    expect(decodeOp(bytes({ ...respond, note: 'Not yet.' })).kind).toBe('op')
    expect(decodeOp(bytes({ ...respond, note: '' })).kind).toBe('invalid')
    expect(decodeOp(bytes({ ...respond, stance: 'veto', note: 'x' })).kind).toBe('invalid')
    const flag = { v: 1, type: 'flag/add', postId: 'bbbbbbbbbbbbbbbb', at: 1 }
    expect(decodeOp(bytes({ ...flag, reason: 'x'.repeat(501) })).kind).toBe('invalid')
    expect(decodeOp(bytes({ ...flag, reason: '' })).kind).toBe('invalid')
  })

  test('ops: a founding op without its agreements is refused whole', () => {
    expect(decodeOp(bytes({ v: 1, type: 'community/init', name: 'Circle', displayName: 'Ash' })).kind).toBe(
      'invalid'
    )
  })
})
