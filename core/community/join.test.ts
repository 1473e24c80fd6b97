import { expect, test } from 'vitest'
import { lookAgainBackoff, lonelyStage } from './join.js'

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

test('joining: until the key comes, a joiner asks the DHT again soon, then ever less often, whoever holds a connection to it', () => {
  let clock = 0
  const asked: number[] = []
  const tick = lookAgainBackoff(
    () => asked.push(clock),
    () => clock
  )
  // Checked every 5 s, as the join does.
  for (; clock <= 300_000; clock += 5000) tick()
  expect(asked).toEqual([5_000, 15_000, 35_000, 75_000, 135_000, 195_000, 255_000])
})
