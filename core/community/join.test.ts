import { expect, test } from 'vitest'
import { lonelyStage } from './join.js'

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
