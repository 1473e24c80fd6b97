import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { decodeOp } from './ops.js'
import {
  STABLE_TEXT_LISTS,
  fromUnits,
  isMark,
  isSpace,
  isWord,
  mapCodePoints,
  normalize,
  toLower,
  toUnits,
  toUpper
} from './stable-text.js'

const { STABLE, INVISIBLE, SPACES, MARKS, LETTERS, WORD_MARKS, CASED, NO_CASE, CASE_IGNORABLE, ONE_WAY } =
  STABLE_TEXT_LISTS

type Ranges = readonly (readonly [number, number])[]
const codePoints = (ranges: Ranges): number[] =>
  ranges.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => first + i))
const stable = codePoints(STABLE)
const has = (ranges: Ranges, cp: number) => ranges.some(([first, last]) => cp >= first && cp <= last)
const char = (cp: number) => String.fromCodePoint(cp)
const hex = (cp: number) => cp.toString(16).padStart(4, '0')
const text = (units: readonly (string | number)[]) => fromUnits(units)

describe('stable text', () => {
  test('stable text: code points off the allowlist are escaped, invisible ones dropped', () => {
    expect(toUnits('A\u1ad0b')).toEqual(['A', 0x1ad0, 'b'])
    expect(text(toUnits('A\u1ad0b'))).toBe('A<1ad0>b')
    expect(toUnits('A\u200bs\ufeffh\u00ad\u2066\u{e0041}')).toEqual(['A', 's', 'h'])
    // '<' and '>' are escaped too, so a token cannot be typed in.
    expect(text(toUnits('<1ad0>'))).toBe('<3c>1ad0<3e>')
    // A lone surrogate is a code point like any other.
    expect(text(toUnits('a\ud800'))).toBe('a<d800>')
  })

  test('stable text: an allowlisted letter never joins a mark from outside the list', () => {
    expect(normalize(toUnits('e\u0301'), 'NFC')).toEqual(['\u00e9'])
    expect(normalize(toUnits('e\u1ad0\u0301'), 'NFC')).toEqual(['e', 0x1ad0, '\u0301'])
    expect(normalize(toUnits('A\u1ad0'), 'NFKC')).toEqual(['A', 0x1ad0])
    // What a step makes off the list is escaped before the next step.
    expect(normalize(toUnits('\u0149'), 'NFKC')).toEqual(['\u02bc', 'n'])
    expect(mapCodePoints(toUnits('\u1ad0x'), (c) => (c === '\u1ad0' ? '<' : c))).toEqual([0x3c, 'x'])
  })

  test('stable text: case mapping as toUpperCase and toLowerCase do it, one-way mappings from the table', () => {
    expect(text(toUpper(toUnits('straße ı i')))).toBe('STRASSE I I')
    expect(text(toLower(toUnits('İSTANBUL ẞ')))).toBe('i\u0307stanbul ß')
    expect(text(toLower(toUnits('ΟΔΥΣΣΕΑΣ ΣΑ Σ')))).toBe('οδυσσεας σα σ')
    expect(text(toLower(toUnits("ΑΣ'")))).toBe("ας'")
    expect(text(toLower(toUnits("ΑΣ'Α")))).toBe("ασ'α")
    // Cased letters with no partner are never mapped: Unicode 16 gave 'ƛ' a capital, 14 has none.
    expect(text(toUpper(toUnits('\u019b')))).toBe('\u019b')
    // Escaped code points are never mapped.
    expect(text(toUpper(toUnits('a\u10d0')))).toBe('A<10d0>')
  })

  test('stable text: a mood word is letters and marks of the allowlist, apostrophes and hyphens', () => {
    for (const word of [
      'tired',
      'Tired',
      'well-rested',
      "don't",
      'é',
      'müde',
      'épuisé',
      'e\u0301puise\u0301', // decomposed
      'усталый',
      'κουρασμένος',
      '疲れた',
      'ルーシー',
      '피곤해',
      'עייף',
      'متعب',
      'थका',
      'a'.repeat(24)
    ]) {
      expect(isWord(word, 24), word).toBe(true)
    }
    for (const word of ['', '3/10', '7', 'tired!', 'very tired', 'a'.repeat(25), '\u200b', '😴', 'a\u1ad0']) {
      expect(isWord(word, 24), JSON.stringify(word)).toBe(false)
    }
    const post = {
      v: 2,
      type: 'post/create',
      id: '0123456789abcdef',
      topic: 'check-ins',
      replyTo: null,
      mode: 'share',
      note: null,
      text: 'hello',
      at: 1
    }
    const decode = (mood: string) => decodeOp(Buffer.from(JSON.stringify({ ...post, mood }))).kind
    expect(decode('müde')).toBe('op')
    expect(decode('усталый')).toBe('op')
    expect(decode('3/10')).toBe('invalid')
  })

  test('stable text: the lists are sorted, disjoint, inside the allowlist, and never let in < or >', () => {
    const { ONE_WAY: _map, ...lists } = STABLE_TEXT_LISTS
    for (const ranges of Object.values(lists)) {
      ranges.forEach(([first, last], i) => {
        expect(first).toBeLessThanOrEqual(last)
        if (i > 0) expect(first).toBeGreaterThan(ranges[i - 1]![1] + 1)
      })
    }
    const outside = (cps: number[], ranges: Ranges) => cps.filter((cp) => !has(ranges, cp)).map(hex)
    for (const ranges of [SPACES, MARKS, LETTERS, WORD_MARKS, CASED, NO_CASE, CASE_IGNORABLE])
      expect(outside(codePoints(ranges), STABLE)).toEqual([])
    expect(stable.filter((cp) => has(INVISIBLE, cp)).map(hex)).toEqual([])
    expect(outside([...codePoints(NO_CASE), ...ONE_WAY.keys()], CASED)).toEqual([])
    expect(has(STABLE, 0x3c) || has(STABLE, 0x3e)).toBe(false)
    expect(isSpace('\u3000') && isMark('\u0301') && !isMark(0x1ad0)).toBe(true)
  })

  // On the engine running the test: what the module's argument rests on.
  test('stable text: every allowlisted code point is assigned, and every case mapping the engine makes is a round trip', () => {
    expect(stable.filter((cp) => /\p{Cn}/u.test(char(cp))).map(hex)).toEqual([])
    const notRoundTrips = stable.filter((cp) => {
      if (!has(CASED, cp) || has(NO_CASE, cp) || ONE_WAY.has(cp)) return false
      const c = char(cp)
      const upper = c.toUpperCase()
      const lower = c.toLowerCase()
      if (upper !== c && lower !== c) return true
      return (upper === c ? lower.toUpperCase() : upper.toLowerCase()) !== c
    })
    expect(notRoundTrips.map(hex)).toEqual([])
    for (const [cp, [upper, lower]] of ONE_WAY) {
      expect([char(cp).toUpperCase(), char(cp).toLowerCase()], hex(cp)).toEqual([upper, lower])
    }
  })

  // The lists were frozen from Unicode 17 and checked against Unicode 14. If
  // this fails on a newer engine, nothing splits (the lists stay as they are),
  // but read stable-text.ts before changing one: a change needs an op version.
  test('stable text: the lists are the Unicode properties they were frozen from, on this engine', () => {
    const sameAs = (ranges: Ranges, property: RegExp) =>
      expect(stable.filter((cp) => property.test(char(cp))).map(hex)).toEqual(codePoints(ranges).map(hex))
    sameAs(SPACES, /\s/u)
    sameAs(MARKS, /[\p{Mn}\p{Me}]/u)
    sameAs(LETTERS, /\p{L}/u)
    sameAs(WORD_MARKS, /\p{M}/u)
    sameAs(CASED, /\p{Cased}/u)
    sameAs(CASE_IGNORABLE, /\p{Case_Ignorable}/u)
    const shown = codePoints(INVISIBLE).filter(
      (cp) => !/[\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]/u.test(char(cp))
    )
    expect(shown.map(hex)).toEqual([])
  })

  test('stable text: no Unicode-dependent call in the files apply checks text with, outside stable-text.ts', () => {
    for (const file of ['names.ts', 'ops.ts']) {
      const code = readFileSync(new URL(file, import.meta.url), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
      expect(code, file).not.toMatch(
        /\.normalize\(|toLowerCase|toUpperCase|toLocale|localeCompare|Intl\.|\\p\{|\\P\{|\\s|\\w|\\b/
      )
    }
  })
})
