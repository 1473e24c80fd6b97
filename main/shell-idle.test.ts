import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { powerMonitor } from './testing/fake-electron.js'
import { watchIdle } from './idle-lock.js'

vi.mock('electron', () => import('./testing/fake-electron.js'))

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.useRealTimers()
  powerMonitor.idleSeconds = 0
})

test('shell: the app locks once the computer has been idle for the chosen minutes, and not before', async () => {
  let locks = 0
  const stop = watchIdle(
    async () => 5,
    () => locks++
  )
  powerMonitor.idleSeconds = 4 * 60
  await vi.advanceTimersByTimeAsync(30_000)
  expect(locks).toBe(0)
  powerMonitor.idleSeconds = 5 * 60
  await vi.advanceTimersByTimeAsync(30_000)
  expect(locks).toBe(1)
  stop()
})

test('shell: no idle lock when it is set to never, or the app cannot lock now', async () => {
  let locks = 0
  powerMonitor.idleSeconds = 24 * 3600
  const stops = [
    watchIdle(
      async () => 0,
      () => locks++
    ),
    watchIdle(
      async () => null,
      () => locks++
    )
  ]
  await vi.advanceTimersByTimeAsync(60_000)
  expect(locks).toBe(0)
  for (const stop of stops) stop()
})
