// When two members' names count as the same, and the short marker that tells
// members apart at a glance. Apply uses the keys here to keep each name to one
// current member, so they must come out the same on every device and every
// JavaScript engine: the look-alike table is pinned (unhomoglyph, Unicode's
// confusables.txt 13.0), every Unicode-dependent step goes through
// stable-text.ts (read its rule before changing anything here: no
// `normalize`, `toLowerCase`, `\p{...}` or `\s` in this file), and changing
// the table, or any step below, changes which names clash and so needs a new
// op version. Pure JS, no Node: runs in the engine, never in the renderer.
//
// Characters off the stable allowlist are kept as escaped tokens (`<1ad0>`):
// they are never normalized, case folded or dropped as marks, so a name
// holding one still has a key, the same everywhere, only without that
// folding. The look-alike table, being fixed data, still maps them.
import unhomoglyph from 'unhomoglyph'
import {
  fromUnits,
  isMark,
  isSpace,
  mapCodePoints,
  normalize,
  toLower,
  toUnits,
  toUpper
} from './stable-text.js'
import type { Unit } from './stable-text.js'

/** Each run of white space as one ' '. */
function collapseSpaces(units: readonly Unit[]): Unit[] {
  const out: Unit[] = []
  for (const unit of units) {
    if (!isSpace(unit)) out.push(unit)
    else if (out.at(-1) !== ' ') out.push(' ')
  }
  return out
}

function trimSpaces(units: readonly Unit[]): Unit[] {
  let start = 0
  let end = units.length
  while (start < end && isSpace(units[start]!)) start++
  while (end > start && isSpace(units[end - 1]!)) end--
  return units.slice(start, end)
}

/** What shows of a name: compatibility forms folded (NFKC), nothing invisible, one space between words. */
function visible(units: readonly Unit[]): Unit[] {
  const folded = collapseSpaces(normalize(units, 'NFKC'))
  return trimSpaces(collapseSpaces(normalize(folded, 'NFD').filter((unit) => !isMark(unit))))
}

/** Each character replaced by the prototype it looks like (UTS #39 skeleton), marks dropped again. */
function skeleton(units: readonly Unit[]): Unit[] {
  return visible(mapCodePoints(units, unhomoglyph))
}

/** Full case folding, near enough: 'ß' and 'SS' meet at 'ss', 'İ' and 'i' at 'i'. */
const fold = (units: readonly Unit[]): Unit[] => visible(toLower(toUpper(units)))

const key = (units: readonly Unit[]): string => fromUnits(normalize(units, 'NFC'))

const mainKey = (shown: readonly Unit[]): string => key(fold(skeleton(fold(skeleton(fold(visible(shown)))))))

/**
 * The keys a name claims: two names clash when they share one.
 *
 * Case-insensitive look-alikes cannot be caught by one key: Greek 'ν' looks
 * like 'v' and its capital 'Ν' like 'N', so one key would make "Van" and
 * "Nan" the same name. So a name has a key from its lower-case form (catches
 * 'ν' for 'v', 'Аsh' with a Cyrillic 'А') and one from its capitals (catches
 * 'Во' with a Cyrillic 'В' for "Bo", 'AIice' with a capital I for "Alice").
 * Each is a function of the case-folded name, so case never matters. Empty
 * when nothing of the name is visible.
 */
export function nameKeys(name: string): string[] {
  const shown = visible(toUnits(name))
  if (shown.length === 0) return []
  const byLower = mainKey(shown)
  const byUpper = key(fold(skeleton(toLower(skeleton(toUpper(shown))))))
  return byUpper === byLower ? [byLower] : [byLower, byUpper]
}

/** A name's main key: NFKC, case folded, invisible characters and marks dropped, look-alikes mapped. */
export function nameKey(name: string): string {
  return mainKey(toUnits(name))
}

/** Whether two names would be taken for the same name. */
export function namesClash(a: string, b: string): boolean {
  const theirs = new Set(nameKeys(b))
  return nameKeys(a).some((key) => theirs.has(key))
}

/** z-base-32: letters and digits chosen to be easy to read and say, none easily mistaken for another. */
const Z32 = 'ybndrfg8ejkmcpqxot1uwisza345h769'

/**
 * A short marker for a member, the same on every device: four z-base-32
 * characters from the first 20 bits of their key in this community. It tells
 * apart two members whose names look alike; it is not a secret and not proof
 * of anything (a determined person could make a key to match one).
 */
export function memberMarker(memberKeyHex: string): string {
  const bits = Number.parseInt(memberKeyHex.slice(0, 6).padEnd(6, '0'), 16)
  let out = ''
  for (let i = 0; i < 4; i++) out += Z32[(bits >> (19 - i * 5)) & 31]
  return out
}
