import { describe, expect, test } from 'vitest'
import { OP_VERSION, decodeOp, encodeOp, opVersion, opensUpgrade } from './ops.js'
import type { Op } from './ops.js'

const bytes = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v))

describe('ops', () => {
  test('ops: an encoded op decodes to itself', () => {
    const op = { type: 'reaction/add', postId: '0123456789abcdef', kind: 'me-too' } as const
    expect(decodeOp(encodeOp(op))).toEqual({ kind: 'op', op, version: 1 })
  })

  test('ops: junk, unknown types and extra fields are invalid, never thrown', () => {
    for (const junk of [
      '',
      '{',
      'null',
      '[]',
      '"text"',
      { v: 1 },
      { v: 1, type: 'post/delete' },
      { v: 1, type: 'post/delete', id: '0123456789abcdef', author: 'x' }
    ]) {
      expect(decodeOp(bytes(junk))).toEqual({ kind: 'invalid' })
    }
  })

  test('ops: a newer version is told apart from junk so apply can stop for an update', () => {
    expect(decodeOp(bytes({ v: OP_VERSION + 1, type: 'anything' }))).toEqual({
      kind: 'newer',
      version: OP_VERSION + 1
    })
    expect(decodeOp(bytes({ v: 0, type: 'post/delete', id: '0123456789abcdef' }))).toEqual({
      kind: 'invalid'
    })
  })

  test('ops: each op carries the oldest version that reads it, so older builds stop only for what they cannot apply', () => {
    const post: Op = {
      type: 'post/create',
      id: '0123456789abcdef',
      topic: 'general',
      replyTo: null,
      mode: 'share',
      note: null,
      text: 'hello',
      at: 1
    }
    expect(opVersion(post)).toBe(1)
    expect(opVersion({ ...post, topic: 'check-ins', mood: 'tired' })).toBe(2)
    expect(opVersion({ type: 'reach/answer', id: '0123456789abcdef' })).toBe(2)
    const sealed: Op = { type: 'private/send', tag: 'ab'.repeat(16), nonce: 'cd'.repeat(24), sealed: 'AAAA' }
    expect(decodeOp(encodeOp(sealed))).toEqual({ kind: 'op', op: sealed, version: 2 })
    expect(JSON.parse(encodeOp(sealed).toString()).v).toBe(2)
    // A mood is one word, not a score.
    expect(decodeOp(bytes({ v: 2, ...post, topic: 'check-ins', mood: '3/10' }))).toEqual({ kind: 'invalid' })
    // Devices came with version 5: an older stamp on a device op is junk, not a device.
    const revoke: Op = { type: 'device/revoke', writerKey: 'ab'.repeat(32) }
    expect(opVersion(revoke)).toBe(5)
    expect(decodeOp(bytes({ v: 4, ...revoke }))).toEqual({ kind: 'invalid' })
  })

  test('ops: post text is capped at 20,000 characters', () => {
    const post = (text: string) => ({
      v: 1,
      type: 'post/create',
      id: '0123456789abcdef',
      topic: 'general',
      replyTo: null,
      mode: 'share',
      note: null,
      text,
      at: 0
    })
    expect(decodeOp(bytes(post('x'.repeat(20_000)))).kind).toBe('op')
    expect(decodeOp(bytes(post('x'.repeat(20_001)))).kind).toBe('invalid')
  })
})

describe('op versions', () => {
  test('ops: an op stamped older than the features it uses is invalid, so nobody sneaks new rules under an old version', () => {
    const answered = { type: 'reach/answered', id: '0123456789abcdef' } as const
    expect(opVersion(answered)).toBe(3)
    expect(decodeOp(bytes({ v: 2, ...answered })).kind).toBe('invalid')
    expect(decodeOp(bytes({ v: 3, ...answered }))).toEqual({ kind: 'op', op: answered, version: 3 })
    const upgrade = {
      type: 'proposal/create',
      id: '0123456789abcdef',
      change: { kind: 'version', version: 3 },
      reason: 'newer safeguards',
      at: 1
    } as const
    expect(opVersion(upgrade)).toBe(3)
    expect(opensUpgrade(upgrade)).toBe(true)
  })

  test('ops: a key that changes what an object is, however it is spelled, makes the op invalid', () => {
    const raw = '{"v":1,"type":"post/delete","id":"0123456789abcdef","__proto__":{"author":"x"}}'
    const escaped = raw.replace('__proto__', '\\u005f_proto__')
    expect(decodeOp(bytes(raw))).toEqual({ kind: 'invalid' })
    expect(decodeOp(bytes(escaped))).toEqual({ kind: 'invalid' })
  })

  test('ops: a block nested deeper than any op is invalid, never a stack overflow that would halt apply', () => {
    const deep = `{"v":5,"type":"member/leave","x":${'['.repeat(12_000)}${']'.repeat(12_000)}}`
    expect(deep.length).toBeLessThan(65_536)
    expect(decodeOp(bytes(deep))).toEqual({ kind: 'invalid' })
    // The deepest real op (a settings change inside a proposal) still reads.
    const proposal = {
      v: 3,
      type: 'proposal/create',
      id: '0123456789abcdef',
      change: { kind: 'settings', settings: { counting: 'agreed' } },
      reason: 'Count those who agreed',
      at: 1
    }
    expect(decodeOp(bytes(JSON.stringify(proposal))).kind).toBe('op')
  })
})
