import { expect, test } from 'vitest'
import { diffLines } from './textDiff.js'

test('ui: a text diff shows what goes before what comes, and folds unchanged lines far from any change', () => {
  const before = 'one\ntwo\nthree\nfour\nfive\nsix'
  const after = 'one\ntwo\nthree\nfour\n\nFIVE\nsix\nseven'
  expect(diffLines(before, after)).toEqual([
    { kind: 'folded', count: 3 },
    { kind: 'same', text: 'four' },
    { kind: 'removed', text: 'five' },
    { kind: 'added', text: 'FIVE' },
    { kind: 'same', text: 'six' },
    { kind: 'added', text: 'seven' }
  ])
  expect(
    diffLines('same\n\nwords', 'same\nwords').every((l) => l.kind !== 'added' && l.kind !== 'removed')
  ).toBe(true)
})
