// Text handling that comes out the same on every JavaScript engine. Apply
// compares names (names.ts) and checks moods (ops.ts), so what it does with
// text must not depend on the Unicode version of the engine's ICU: Node 18.0
// ships Unicode 14, this Node 20 Unicode 17, and a member on the older engine
// must build the same view as one on the newer. (Example: U+1AD0 is a
// combining mark in Unicode 17 and unassigned in 14, so "Ash\u1AD0" came out
// as "Ash" on one and as itself on the other.)
//
// So text is first cut into code points (`for...of`, plain ECMAScript), and
// each one is
// - dropped if it is on INVISIBLE, a fixed list of format characters,
//   default-ignorables and controls (the same code points on every engine,
//   known to it or not);
// - kept as itself if it is on STABLE, a frozen allowlist of characters all
//   assigned by Unicode 7.0, most since 1.1, whose normalization and case
//   mappings were checked to be the same in Unicode 14 and 17;
// - otherwise escaped: kept as a token written `<hex>` (e.g. `<1ad0>`), which
//   no step can change, drop or join to its neighbours. '<' and '>' are not on
//   STABLE, so a token cannot be typed in.
//
// THE RULE: an ICU-dependent operation (String.prototype.normalize,
// toUpperCase, toLowerCase, their locale forms, localeCompare, Intl, and in a
// regex `\p{...}`, `\s`, or the `i` flag with `u`) may only ever be given a
// run of STABLE code points, and only inside this module. What it returns is
// cut up again, so anything it makes outside STABLE is escaped before the
// next step. Sets of characters (spaces, marks, letters) are the fixed ranges
// below, never `\p{...}`. Why that gives the same result on every engine:
// - Normalization: under Unicode's normalization stability policy a string of
//   characters assigned in one version normalizes the same in every later
//   version, and every run holds assigned characters only. Runs are
//   normalized one by one, so a letter never meets a combining mark from
//   outside the list: 'A' then U+1AD0 stays "A<1ad0>" everywhere, where a
//   newer engine would drop or attach the mark.
// - Case: the engine maps only letters that are one of a case pair
//   (toUpperCase(x) = X, toLowerCase(X) = x) in both Unicode 14 and 17, each
//   letter on its own; Unicode's case pair stability policy keeps such pairs
//   for ever. One-way mappings (ß to SS, İ to i̇, ς to Σ...) have no such
//   promise, so they come from the fixed ONE_WAY table; cased letters with no
//   partner (NO_CASE) are never mapped; whether Σ ends a word (ς) is decided
//   here from fixed sets; everything else on STABLE is caseless.
//
// The test (stable-text.test.ts) checks the lists against the engine it runs
// on. Changing a list changes names' keys and which moods are valid, so needs
// a new op version. Pure JS, no Node: fit for the engine and the renderer.

type Range = readonly [first: number, last: number]

/** Ranges written as hex code points, 'first-last' or one alone, separated by spaces. */
function ranges(...parts: string[]): readonly Range[] {
  return parts
    .join(' ')
    .split(' ')
    .filter((part) => part !== '')
    .map((part): Range => {
      const [first, last = first] = part.split('-').map((hex) => Number.parseInt(hex, 16))
      return [first!, last!]
    })
    .sort((a, b) => a[0] - b[0])
}

/** The frozen allowlist: all assigned by Unicode 7.0, most since 1.1. */
const STABLE = ranges(
  // white space and ASCII, less '<' and '>' (they write tokens)
  '0009-000d 0020-003b 003d 003f-007e',
  // Latin-1 less the soft hyphen, µ (one-way case) and ¼ ½ ¾, Latin Extended-A and -B
  '00a0-00ac 00ae-00b4 00b6-00bb 00bf-024f',
  // IPA letters: the small letters of Latin Extended-B capitals, and those look-alikes map to
  '0253-0254 0256-0257 0259 025b-025c 0260 0263 0268-0269 026f 0272 0275 0278 0280 0283 0288-028d',
  '0292 0299 029c',
  // modifier letters ʻ ʼ, and ʾ ˉ ˳, which compatibility and look-alike mappings make
  '02bb-02bc 02be 02c9 02f3',
  // combining diacritical marks, less U+0345 (one-way case) and U+034F (invisible)
  '0300-0344 0346-034e 0350-036f',
  // Greek, Cyrillic, Hebrew letters
  '0384-038a 038c 038e-03a1 03a3-03ce 0400-04ff 05d0-05ea',
  // Arabic letters and harakat, Arabic-Indic digits, and what look-alikes map to
  '0621-0655 0660-0669 0670 0674 06db',
  // Devanagari
  '0901-0939 093c-094d 0950-0954 0958-0970',
  // the Hangul jamo that Hangul syllables decompose to
  '1100-1112 1161-1175 11a8-11c2',
  // small capitals look-alikes map to, Latin Extended Additional
  '1d0e 1d19 1d1b 1e00-1eff',
  // spaces, general punctuation
  '1680 2000-200a 2010-2029 202f 2044 205f',
  // symbols look-alikes map to, the other letters of case pairs above
  '2080 2202 276c 2c65-2c66 2c7e-2c7f a792-a793 a7ab ab51',
  // CJK punctuation, kana, CJK ideographs as in Unicode 3.0 (Extension A) and 1.1
  '3000-3002 3005-3007 3041-3096 3099-30ff 3400-4db5 4e00-9fa5',
  // Hangul syllables, half-width kana voiced sound marks
  'ac00-d7a3 ff9e-ff9f'
)

/** Dropped wherever they are: format characters, default-ignorables, controls other than spaces. */
const INVISIBLE = ranges(
  '0000-0008 000e-001f 007f-009f 00ad 034f 0600-0605 061c 06dd 070f 0890-0891 08e2 115f-1160',
  '17b4-17b5 180b-180f 200b-200f 202a-202e 2060-206f 3164 fe00-fe0f feff ffa0 fff0-fffb 110bd 110cd',
  '13430-1343f 1bca0-1bca3 1d173-1d17a e0000-e0fff'
)

// The lists below are subsets of STABLE, frozen from the Unicode properties
// named; the test checks them against the engine it runs on.

/** White space (what `\s` matches). */
const SPACES = ranges('0009-000d 0020 00a0 1680 2000-200a 2028-2029 202f 205f 3000')

/** Non-spacing and enclosing marks (Mn, Me): nothing of them shows on its own. */
const MARKS = ranges(
  '0300-0344 0346-034e 0350-036f 0483-0489 064b-0655 0670 06db 0901-0902 093c 0941-0948 094d',
  '0951-0954 0962-0963 3099-309a'
)

/** Letters (L): what a mood word is made of, with WORD_MARKS. */
const LETTERS = ranges(
  '0041-005a 0061-007a 00aa 00ba 00c0-00d6 00d8-00f6 00f8-024f 0253-0254 0256-0257 0259 025b-025c',
  '0260 0263 0268-0269 026f 0272 0275 0278 0280 0283 0288-028d 0292 0299 029c 02bb-02bc 02be 02c9',
  '0386 0388-038a 038c 038e-03a1 03a3-03ce 0400-0481 048a-04ff 05d0-05ea 0621-064a 0674 0904-0939',
  '093d 0950 0958-0961 1100-1112 1161-1175 11a8-11c2 1d0e 1d19 1d1b 1e00-1eff 2c65-2c66 2c7e-2c7f',
  '3005-3006 3041-3096 309d-309f 30a1-30fa 30fc-30ff 3400-4db5 4e00-9fa5 a792-a793 a7ab ab51',
  'ac00-d7a3 ff9e-ff9f'
)

/** Marks of every kind (M): a mood word may carry them. */
const WORD_MARKS = ranges(
  '0300-0344 0346-034e 0350-036f 0483-0489 064b-0655 0670 06db 0901-0903 093c 093e-094d 0951-0954',
  '0962-0963 3099-309a'
)

/** Cased letters (Cased): only these are ever case mapped, and they decide a final sigma. */
const CASED = ranges(
  '0041-005a 0061-007a 00aa 00ba 00c0-00d6 00d8-00f6 00f8-01ba 01bc-01bf 01c4-024f 0253-0254',
  '0256-0257 0259 025b-025c 0260 0263 0268-0269 026f 0272 0275 0278 0280 0283 0288-028d 0292 0299',
  '029c 0386 0388-038a 038c 038e-03a1 03a3-03ce 0400-0481 048a-04ff 1d0e 1d19 1d1b 1e00-1eff',
  '2c65-2c66 2c7e-2c7f a792-a793 a7ab ab51'
)

/**
 * Cased letters with no case partner, in Unicode 14 at least: never case
 * mapped, so a capital Unicode adds for one later changes nothing here (as
 * Unicode 16 added one for 'ƛ').
 */
const NO_CASE = ranges(
  '00aa 00ba 0138 018d 019b 01aa-01ab 01ba 01be 0221 0234-0239 0278 028d 0299 029c 1d0e 1d19 1d1b',
  '1e9c-1e9d 1e9f ab51'
)

/** Case-ignorable (Case_Ignorable): looked past to decide a final sigma. */
const CASE_IGNORABLE = ranges(
  '0027 002e 003a 005e 0060 00a8 00af 00b4 00b7-00b8 02bb-02bc 02be 02c9 02f3 0300-0344 0346-034e',
  '0350-036f 0384-0385 0387 0483-0489 0640 064b-0655 0670 06db 0901-0902 093c 0941-0948 094d',
  '0951-0954 0962-0963 2018-2019 2024 2027 3005 3099-309e 30fc-30fe ff9e-ff9f'
)

/** Cased STABLE letters whose case mapping is one-way: [upper, lower], fixed here rather than asked of the engine. */
const ONE_WAY: ReadonlyMap<number, readonly [upper: string, lower: string]> = new Map([
  [0x00df, ['SS', '\u00df']], // ß
  [0x0130, ['\u0130', 'i\u0307']], // İ
  [0x0131, ['I', '\u0131']], // ı
  [0x0149, ['\u02bcN', '\u0149']], // ŉ
  [0x017f, ['S', '\u017f']], // ſ
  [0x01c5, ['\u01c4', '\u01c6']], // ǅ
  [0x01c8, ['\u01c7', '\u01c9']], // ǈ
  [0x01cb, ['\u01ca', '\u01cc']], // ǋ
  [0x01f0, ['J\u030c', '\u01f0']], // ǰ
  [0x01f2, ['\u01f1', '\u01f3']], // ǲ
  [0x0390, ['\u0399\u0308\u0301', '\u0390']], // ΐ
  [0x03b0, ['\u03a5\u0308\u0301', '\u03b0']], // ΰ
  [0x03c2, ['\u03a3', '\u03c2']], // ς
  [0x1e96, ['H\u0331', '\u1e96']], // ẖ
  [0x1e97, ['T\u0308', '\u1e97']], // ẗ
  [0x1e98, ['W\u030a', '\u1e98']], // ẘ
  [0x1e99, ['Y\u030a', '\u1e99']], // ẙ
  [0x1e9a, ['A\u02be', '\u1e9a']], // ẚ
  [0x1e9b, ['\u1e60', '\u1e9b']], // ẛ
  [0x1e9e, ['\u1e9e', '\u00df']] // ẞ
])

/** Whether `cp` lies in one of `ranges` (sorted and disjoint). */
function within(ranges: readonly Range[], cp: number): boolean {
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const [first, last] = ranges[middle]!
    if (cp < first) high = middle - 1
    else if (cp > last) low = middle + 1
    else return true
  }
  return false
}

/** A piece of text: an allowlisted code point, as a string, or an escaped one, as its number. */
export type Unit = string | number

/** The units of `text`: invisible code points dropped, those off the allowlist escaped. */
export function toUnits(text: string): Unit[] {
  const units: Unit[] = []
  for (const char of text) {
    const cp = char.codePointAt(0)!
    if (within(INVISIBLE, cp)) continue
    units.push(within(STABLE, cp) ? char : cp)
  }
  return units
}

/** Units as text, each escaped code point written `<hex>`: the same string on every engine. */
export function fromUnits(units: readonly Unit[]): string {
  return units.map((unit) => (typeof unit === 'string' ? unit : `<${unit.toString(16)}>`)).join('')
}

/** `f` applied to each run of allowlisted units on its own, its output cut up again; escaped units stay. */
function mapRuns(units: readonly Unit[], f: (run: string) => string): Unit[] {
  const out: Unit[] = []
  let run = ''
  const flush = () => {
    if (run !== '') out.push(...toUnits(f(run)))
    run = ''
  }
  for (const unit of units) {
    if (typeof unit === 'string') run += unit
    else {
      flush()
      out.push(unit)
    }
  }
  flush()
  return out
}

/**
 * `table` applied to every code point, allowlisted or escaped, its output cut
 * up again. Only for fixed tables that are plain data and code, the same on
 * every engine (the pinned look-alike table), never for anything that asks ICU.
 */
export function mapCodePoints(units: readonly Unit[], table: (char: string) => string): Unit[] {
  return units.flatMap((unit) => toUnits(table(typeof unit === 'string' ? unit : String.fromCodePoint(unit))))
}

/** Unicode normalization of the allowlisted runs. */
export function normalize(units: readonly Unit[], form: 'NFC' | 'NFD' | 'NFKC'): Unit[] {
  return mapRuns(units, (run) => run.normalize(form))
}

/** Whether the engine may case map `cp`: a letter of a case pair that Unicode keeps for ever. */
const paired = (cp: number): boolean => within(CASED, cp) && !within(NO_CASE, cp) && !ONE_WAY.has(cp)

const upperChar = (char: string, cp: number): string =>
  ONE_WAY.get(cp)?.[0] ?? (paired(cp) ? char.toUpperCase() : char)

const lowerChar = (char: string, cp: number): string =>
  ONE_WAY.get(cp)?.[1] ?? (paired(cp) ? char.toLowerCase() : char)

/** Full upper-case mapping of the allowlisted runs, as `toUpperCase` does it. */
export function toUpper(units: readonly Unit[]): Unit[] {
  return mapRuns(units, (run) => {
    let out = ''
    for (const char of run) out += upperChar(char, char.codePointAt(0)!)
    return out
  })
}

/** Full lower-case mapping of the allowlisted runs, as `toLowerCase` does it, Σ at the end of a word to ς. */
export function toLower(units: readonly Unit[]): Unit[] {
  return mapRuns(units, (run) => {
    const cps = Array.from(run, (char) => char.codePointAt(0)!)
    let out = ''
    cps.forEach((cp, i) => {
      if (cp === 0x03a3) out += endsWord(cps, i) ? '\u03c2' : '\u03c3'
      else out += lowerChar(String.fromCodePoint(cp), cp)
    })
    return out
  })
}

/** Unicode's Final_Sigma: a cased letter before (case-ignorables skipped), none after. */
function endsWord(cps: readonly number[], at: number): boolean {
  const cased = (i: number) => within(CASED, cps[i]!)
  const ignorable = (i: number) => within(CASE_IGNORABLE, cps[i]!)
  let before = at - 1
  while (before >= 0 && ignorable(before)) before--
  if (before < 0 || !cased(before)) return false
  let after = at + 1
  while (after < cps.length && ignorable(after)) after++
  return after === cps.length || !cased(after)
}

/** Whether the unit is allowlisted white space. */
export const isSpace = (unit: Unit): boolean =>
  typeof unit === 'string' && within(SPACES, unit.codePointAt(0)!)

/** Whether the unit is an allowlisted non-spacing or enclosing mark. */
export const isMark = (unit: Unit): boolean => typeof unit === 'string' && within(MARKS, unit.codePointAt(0)!)

/** Whether `text` is one word of 1 to `max` code points: allowlisted letters and marks, apostrophes, hyphens. */
export function isWord(text: string, max: number): boolean {
  let length = 0
  for (const char of text) {
    const cp = char.codePointAt(0)!
    if (!(cp === 0x27 || cp === 0x2d || within(LETTERS, cp) || within(WORD_MARKS, cp))) return false
    length++
  }
  return length >= 1 && length <= max
}

/** The lists, for the test that checks them against the engine it runs on. */
export const STABLE_TEXT_LISTS = {
  STABLE,
  INVISIBLE,
  SPACES,
  MARKS,
  LETTERS,
  WORD_MARKS,
  CASED,
  NO_CASE,
  CASE_IGNORABLE,
  ONE_WAY
}
