import { expect, test } from 'vitest'
import { aloneBackoff, lonelyStage } from './join.js'

test('joining: a joiner connected to someone is told nothing, whatever the network says', () => {
  expect(lonelyStage(true, false, 60_000)).toBeNull()
  expect(lonelyStage(true, null, 60_000)).toBeNull()
})

test('joining: "no member is online" only once the network is reached, "cannot reach the network" when it is not', () => {
  expect(lonelyStage(false, true, 5_000)).toBe('no-member-online')
  expect(lonelyStage(false, false, 5_000)).toBe('no-network')
})

test('joining: still making first contact is just looking, until it has taken too long to be anything but unreachable', () => {
  expect(lonelyStage(false, null, 5_000)).toBeNull()
  expect(lonelyStage(false, null, 14_999)).toBeNull()
  expect(lonelyStage(false, null, 15_000)).toBe('no-network')
})

test('joining: a joiner left alone asks the DHT again soon, then ever less often, and soon again after the next loss', () => {
  let clock = 0
  const asked: number[] = []
  const tick = aloneBackoff(
    () => asked.push(clock),
    () => clock
  )
  // Checked every 5 s, as the join does.
  const run = (until: number, connected: boolean) => {
    for (; clock <= until; clock += 5000) tick(connected)
  }
  run(10_000, true)
  expect(asked).toEqual([])
  run(200_000, false)
  expect(asked).toEqual([20_000, 30_000, 50_000, 90_000, 150_000])
  run(205_000, true)
  run(230_000, false)
  expect(asked.slice(5)).toEqual([215_000, 225_000])
})
