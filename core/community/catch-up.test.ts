import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { CatchUp } from './catch-up.js'
import type { CommunityBase } from './base.js'

/** Autobase as far as catching up sees it: writers' applied and known lengths, and the switch. */
function fakeBase() {
  const writers = [{ length: 0, core: { length: 0 } }]
  const switches: boolean[] = []
  const base = {
    closing: false,
    activeWriters: writers,
    setBigBatches: (on = true) => void switches.push(on)
  }
  return { base: base as unknown as CommunityBase, writers, switches }
}

describe('catch-up', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  test('catch-up: big batches from going online, for a bounded time', () => {
    const { base, switches } = fakeBase()
    const catchUp = new CatchUp(base)
    catchUp.start()
    expect(switches).toEqual([true])
    catchUp.start()
    expect(switches).toEqual([true])
    vi.advanceTimersByTime(20_000)
    expect(switches).toEqual([true, false])
  })

  test('catch-up: a backlog in the writers’ logs turns big batches on; a live post does not', () => {
    const { base, writers, switches } = fakeBase()
    const catchUp = new CatchUp(base)
    writers[0]!.core.length = 3
    catchUp.check()
    expect(switches).toEqual([])
    writers[0]!.core.length = 500
    catchUp.check()
    expect(switches).toEqual([true])
  })

  test('catch-up: after a run that timed out, not again until the backlog has cleared once', () => {
    const { base, writers, switches } = fakeBase()
    const catchUp = new CatchUp(base)
    writers[0]!.core.length = 500
    catchUp.check()
    vi.advanceTimersByTime(20_000)
    catchUp.check()
    expect(switches).toEqual([true, false])
    writers[0]!.length = 500
    catchUp.check()
    writers[0]!.core.length = 1000
    catchUp.check()
    expect(switches).toEqual([true, false, true])
  })

  test('catch-up: closing turns big batches off', () => {
    const { base, switches } = fakeBase()
    const catchUp = new CatchUp(base)
    catchUp.start()
    catchUp.close()
    expect(switches).toEqual([true, false])
    vi.advanceTimersByTime(20_000)
    expect(switches).toEqual([true, false])
  })
})
