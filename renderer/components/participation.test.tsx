import { expect, test } from 'vitest'
import { mayTakePart, mayWrite } from './participation.js'

const community = { writable: true, refoundedAs: null }
const status = { updateNeeded: false, revoked: false }

test('ui: writing needs a writable, current, unrevoked device in a community that kept you and did not start again', () => {
  expect(mayWrite(community, status, false)).toBe(true)
  expect(mayWrite(community, undefined, false)).toBe(true)
  expect(mayWrite({ ...community, writable: false }, status, false)).toBe(false)
  expect(mayWrite(community, { ...status, updateNeeded: true }, false)).toBe(false)
  expect(mayWrite(community, { ...status, revoked: true }, false)).toBe(false)
  expect(mayWrite(community, status, true)).toBe(false)
  expect(mayWrite({ ...community, refoundedAs: 'other' }, status, false)).toBe(false)
})

test('ui: taking part also needs your "I agree", and is not held back while the agreements load', () => {
  expect(mayTakePart(true, 1)).toBe(true)
  expect(mayTakePart(true, null)).toBe(false)
  expect(mayTakePart(true, undefined)).toBe(true)
  expect(mayTakePart(false, 1)).toBe(false)
})
