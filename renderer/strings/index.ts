// The language Mutual speaks. Add a translation as ./<lang>.ts typed as
// `Strings`, and choose it here.
import { en } from './en.js'
import type { Strings } from './en.js'

export type { Strings }
export const strings: Strings = en
