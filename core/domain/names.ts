// When two members' names count as the same, and the short marker that tells
// members apart at a glance. Apply uses the keys here to keep each name to one
// current member, so they must come out the same on every device: the
// look-alike table is pinned (unhomoglyph, Unicode's confusables.txt 13.0),
// and changing it, or any step below, changes which names clash and so needs a
// new op version. Pure JS, no Node: runs in the engine, never in the renderer.
import unhomoglyph from 'unhomoglyph'

/** Invisible or decorating code points: format characters, ignorables, combining marks, controls. */
const UNSEEN = /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}\p{Cc}]/gu
const SPACES = /\s+/gu

/** What shows of a name: compatibility forms folded (NFKC), nothing invisible, one space between words. */
function visible(text: string): string {
  return text
    .normalize('NFKC')
    .replace(SPACES, ' ')
    .normalize('NFD')
    .replace(UNSEEN, '')
    .replace(SPACES, ' ')
    .trim()
}

/** Each character replaced by the prototype it looks like (UTS #39 skeleton), marks dropped again. */
function skeleton(text: string): string {
  return visible(unhomoglyph(text))
}

const lower = (text: string): string => text.toLowerCase()
/** Full case folding, near enough: 'ß' and 'SS' meet at 'ss', 'İ' and 'i' at 'i'. */
const fold = (text: string): string => visible(text.toUpperCase().toLowerCase())

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
  const shown = visible(name)
  if (shown === '') return []
  const byLower = nameKey(shown)
  const byUpper = fold(skeleton(lower(skeleton(shown.toUpperCase())))).normalize('NFC')
  return byUpper === byLower ? [byLower] : [byLower, byUpper]
}

/** A name's main key: NFKC, case folded, invisible characters and marks dropped, look-alikes mapped. */
export function nameKey(name: string): string {
  return fold(skeleton(fold(skeleton(fold(visible(name)))))).normalize('NFC')
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
