// How a post asks to be answered. A post property, and a community setting
// (the default for new posts), so both posts and governance take it from here.

/** listen: I'd like to be heard; share: others' experience welcome; ideas: open to suggestions. */
export const REPLY_MODES = ['listen', 'share', 'ideas'] as const
export type ReplyMode = (typeof REPLY_MODES)[number]
