// Every word Mutual shows, in English. A translation is another file with the
// same shape (`Strings`), chosen in ./index.ts. Keep the voice of peer
// support: equals talking to equals, plain and warm, never clinical.
import type { ErrorCode } from '../../core/errors.js'
import type { JoinStage, PostState, ReactionKind, ReplyMode } from '../../core/domain/types.js'

const count = new Intl.NumberFormat('en')
const plural = (n: number, one: string, many: string): string => `${count.format(n)} ${n === 1 ? one : many}`

export const en = {
  locale: 'en',
  appName: 'Mutual',
  skipToContent: 'Skip to the conversation',

  welcome: {
    title: 'Welcome to Mutual',
    intro:
      'Mutual is a quiet place for people who share lived experience to support each other as equals, with “me too”, listening and hope.',
    noCompany:
      'There is no server and no company in the middle: what your community shares lives only on its members’ own computers.',
    start: 'Start a community',
    startHint: 'Begin a new circle and invite the people you trust.',
    join: 'Join with an invite key',
    joinHint: 'A member gave you a key? Paste it to be let in.'
  },

  appearance: {
    legend: 'How you appear in this community',
    hint: 'Members see this name. You can use a different one in each community.',
    name: 'Your name here',
    colour: 'Colour (optional)',
    noColour: 'No colour',
    colours: {
      '#b4532a': 'Clay',
      '#4f7a3a': 'Moss',
      '#2f6f9f': 'Sky',
      '#7a4f8f': 'Plum',
      '#a86f12': 'Honey',
      '#52606d': 'Slate'
    } as Record<string, string>,
    nameNeeded: 'Please choose a name to appear as.'
  },

  create: {
    title: 'Start a community',
    name: 'Community name',
    nameHint: 'Something the members will recognise, like “Night owls”.',
    nameNeeded: 'Please give the community a name.',
    submit: 'Start community',
    working: 'Starting…'
  },

  join: {
    title: 'Join a community',
    invite: 'Invite key',
    inviteHint: 'Paste the whole key a member gave you. It stays between you and this community.',
    inviteNeeded: 'Please paste an invite key.',
    submit: 'Join',
    cancel: 'Stop trying',
    stopped: 'Stopped trying. Nothing was changed.',
    stage: {
      'looking-for-member': 'Looking for a member who can let you in…',
      'no-member-online':
        'No member is online right now. Mutual keeps trying, and you will be let in as soon as someone is.',
      syncing: 'You’re in. Syncing what the community has shared…',
      done: 'You’re in.'
    } satisfies Record<JoinStage, string>,
    syncing: (have: number, total: number) => `You’re in. Syncing ${have} of ${total}…`
  },

  errors: {
    'invite-malformed': 'That doesn’t look like a whole invite key. Check that you copied all of it.',
    'invite-expired': 'This invite has expired. Ask a member for a new one.',
    'invite-used': 'This invite has already been used. Ask a member for a new one.',
    'invite-revoked': 'A member withdrew this invite. Ask a member for a new one.',
    'invite-for-joined-community': 'You are already a member of this community.',
    offline: 'You’re offline. Joining needs a member to let you in, so go online first.',
    closed: 'Mutual’s engine was restarting, so that did not happen. Please try again in a moment.',
    'not-writable': 'You can read here, but this device cannot write to the community yet.',
    'update-needed': 'Some members use a newer Mutual. Update Mutual to take part again.',
    'not-found': 'That is no longer here.',
    generic: (message: string) => `Something went wrong: ${message}`
  } satisfies Partial<Record<ErrorCode, string>> & { generic: (message: string) => string },

  communities: {
    heading: 'Your communities',
    label: 'Communities',
    unread: (n: number) => (n >= 100 ? '99+ new' : `${n} new`),
    unreadLabel: (n: number) => (n >= 100 ? 'more than 99 unread' : plural(n, 'unread post', 'unread posts')),
    start: 'Start a community',
    join: 'Join with an invite',
    syncingName: 'a community still syncing'
  },

  header: {
    members: (n: number) => plural(n, 'member', 'members'),
    connected: (n: number) => `Connected to ${plural(n, 'member', 'members')}`,
    alone: 'Online. No other member is reachable right now',
    offline: 'Offline',
    goOffline: 'Go offline',
    goOnline: 'Go online',
    invite: 'Invite someone',
    membersPanel: 'Members',
    toolbar: 'Community actions'
  },

  banners: {
    offline:
      'You’re offline. Anything you write stays on this device and will be shared when someone is reachable.',
    alone:
      'No other member is reachable right now. Anything you write stays on this device and will be shared when someone is.',
    updateNeeded:
      'Some members use a newer Mutual. Update Mutual to see everything they have shared and to keep taking part.',
    notWritable: 'You can read here, but this device cannot write to the community yet.'
  },

  engine: {
    restarting:
      'Mutual is restarting its engine. Everything you wrote is safe on this device. This takes a moment.',
    failed:
      'Mutual’s engine stopped and could not start again. Everything you wrote is safe on this device. Closing and reopening Mutual should help.',
    back: 'Mutual is running again.'
  },

  topics: {
    label: 'Topics',
    topic: (name: string) => `#${name}`,
    count: (n: number) => plural(n, 'post', 'posts'),
    add: 'New topic',
    name: 'Topic name',
    nameHint: 'Lowercase letters, digits and dashes, like “first-steps”.',
    create: 'Add topic',
    cancel: 'Cancel'
  },

  compose: {
    label: (community: string) => `Share with ${community}`,
    placeholder: 'What’s on your mind?',
    replyLabel: (author: string) => `Reply to ${author}`,
    replyPlaceholder: 'Write a reply…',
    modeLegend: 'What would help?',
    addNote: 'Add a content note',
    noteLabel: 'Content note',
    noteHint: 'A few words so others can choose when to read, like “loss” or “self-harm”.',
    submit: 'Share',
    reply: 'Reply',
    sending: 'Sharing…',
    shortcut: 'Ctrl+Enter shares',
    empty: 'Write something first.'
  },

  modes: {
    listen: { badge: 'just listen', label: 'Just listen', hint: 'I’d like to be heard.' },
    share: { badge: 'share experiences', label: 'Share experiences', hint: 'Has anyone been through this?' },
    ideas: { badge: 'ideas welcome', label: 'Ideas welcome', hint: 'I’m open to suggestions.' }
  } satisfies Record<ReplyMode, { badge: string; label: string; hint: string }>,

  replyHints: {
    listen: (author: string) =>
      `${author} asked to just be heard. “Me too” and listening are welcome; hold back advice unless asked.`,
    share: (author: string) => `${author} would like to hear others’ experiences.`,
    ideas: (author: string) => `${author} is open to ideas.`
  } satisfies Record<ReplyMode, (author: string) => string>,

  post: {
    feedLabel: (topic: string) => `Posts in #${topic}`,
    threadLabel: 'Thread',
    by: (author: string) => `Post by ${author}`,
    you: 'you',
    edited: 'edited',
    noteLabel: 'Content note',
    show: 'Show post',
    hide: 'Hide post',
    reply: 'Reply',
    replies: (n: number) => (n === 0 ? 'Reply' : plural(n, 'reply', 'replies')),
    edit: 'Edit',
    delete: 'Delete',
    save: 'Save',
    cancel: 'Cancel',
    deleted: 'This post was deleted by its author.',
    empty: 'Nothing here yet. When you are ready, you could be the first to share.',
    loadingMore: 'Loading earlier posts…',
    end: 'This is the beginning of the topic.',
    loading: 'Loading…',
    reactionsLabel: 'Responses',
    newPosts: (n: number) => `${plural(n, 'new post', 'new posts')} above`
  },

  reactions: {
    'me-too': 'Me too',
    'hear-you': 'I hear you',
    thanks: 'Thanks'
  } satisfies Record<ReactionKind, string>,
  /** Under your own posts, what others said. */
  reactionSummary: {
    'me-too': (n: number) => `${plural(n, 'person', 'people')} said me too`,
    'hear-you': (n: number) => `${n} hear you`,
    thanks: (n: number) => `${plural(n, 'thank you', 'thank yous')}`
  } satisfies Record<ReactionKind, (n: number) => string>,

  states: {
    local: { label: 'Only on this device', hint: 'Shared when another member is reachable.' },
    replicated: { label: 'Reached others', hint: 'Another member holds this post.' },
    confirmed: { label: 'Confirmed', hint: 'The community has agreed on its place.' }
  } satisfies Record<PostState, { label: string; hint: string }>,

  deleteDialog: {
    title: 'Delete this post?',
    body: 'Deleting removes it from every up-to-date member’s view, but cannot erase copies others already have.',
    confirm: 'Delete post',
    cancel: 'Keep it'
  },

  thread: {
    back: (topic: string) => `Back to #${topic}`,
    title: 'Thread',
    replyingTo: 'Replies'
  },

  members: {
    title: 'Members',
    close: 'Close members',
    you: '(you)',
    left: 'has left',
    newcomer: 'a new member',
    yourProfile: 'How you appear here',
    save: 'Save',
    saved: 'Saved.',
    notifications: 'Notify me about replies and mentions in this community',
    notificationsHint: 'Notifications stay on this device.'
  },

  invite: {
    title: (community: string) => `Invite someone to ${community}`,
    intro:
      'Anyone with this key can ask to join. Any member who is online can let them in, so it doesn’t have to be you.',
    expiry: 'Expires after',
    expiries: [
      { ms: 60 * 60 * 1000, label: '1 hour' },
      { ms: 24 * 60 * 60 * 1000, label: '1 day' },
      { ms: 7 * 24 * 60 * 60 * 1000, label: '7 days' },
      { ms: 30 * 24 * 60 * 60 * 1000, label: '30 days' },
      { ms: 90 * 24 * 60 * 60 * 1000, label: '90 days' }
    ],
    uses: 'Can be used',
    usesOption: (n: number) => (n === 1 ? 'once' : `${n} times`),
    create: 'Create invite key',
    creating: 'Creating…',
    key: 'Invite key',
    keyHint: (expires: string) => `Share it privately, by message or in person. It expires ${expires}.`,
    copy: 'Copy key',
    copied: 'Copied',
    open: 'Open invites',
    none: 'No open invites.',
    row: (by: string, uses: number, max: number, expires: string) =>
      `Made by ${by} · ${uses} of ${max} used · expires ${expires}`,
    revoke: 'Withdraw',
    revokeLabel: (expires: string) => `Withdraw the invite that expires ${expires}`,
    close: 'Done'
  },

  dialog: {
    close: 'Close'
  },

  time: {
    justNow: 'just now',
    full: (ms: number) => formats().full.format(new Date(ms)),
    relative: (ms: number, now: number) => relativeTime(ms, now)
  }
}

// Intl formatters are costly to build, and every post on screen uses them.
let cached: {
  full: Intl.DateTimeFormat
  date: Intl.DateTimeFormat
  relative: Intl.RelativeTimeFormat
} | null = null
function formats() {
  cached ??= {
    full: new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }),
    date: new Intl.DateTimeFormat('en', { dateStyle: 'medium' }),
    relative: new Intl.RelativeTimeFormat('en', { numeric: 'auto' })
  }
  return cached
}

function relativeTime(ms: number, now: number): string {
  const diff = ms - now
  const abs = Math.abs(diff)
  if (abs < 45_000) return 'just now'
  const { relative, date } = formats()
  if (abs < 45 * 60_000) return relative.format(Math.round(diff / 60_000), 'minute')
  if (abs < 22 * 3_600_000) return relative.format(Math.round(diff / 3_600_000), 'hour')
  if (abs < 6 * 86_400_000) return relative.format(Math.round(diff / 86_400_000), 'day')
  return date.format(new Date(ms))
}

export type Strings = typeof en
