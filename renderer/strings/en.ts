// Every word Mutual shows, in English. A translation is another file with the
// same shape (`Strings`), chosen in ./index.ts. Keep the voice of peer
// support: equals talking to equals, plain and warm, never clinical.
import type { ErrorCode } from '../../core/errors.js'
import type { JoinStage, LogKind, PostState, ReactionKind, ReplyMode } from '../../core/domain/types.js'
import { TEMPLATE_AGREEMENTS, TEMPLATE_CONFIDENTIALITY } from '../../core/domain/governance.js'
import type { DecisionRule, InviteRule, ProposalStatus, Stance } from '../../core/domain/governance.js'

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
    working: 'Starting…',
    agreements: 'Agreements (you can edit these)',
    agreementsHint:
      'Every member reads these and says “I agree” before their first post. Start from these words or write your own; later, anyone can propose changes.',
    agreementsText: 'Agreements',
    confidentialityText: 'Confidentiality, and its limits',
    agreementsNeeded: 'The agreements cannot be empty.',
    templateAgreements: TEMPLATE_AGREEMENTS,
    templateConfidentiality: TEMPLATE_CONFIDENTIALITY
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
    syncing: 'This community is still arriving on this device. Please try again in a moment.',
    'agreements-first':
      'Please read this community’s agreements and say “I agree” first. They are just above, or under Agreements.',
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

  pages: {
    label: 'In this community',
    conversation: 'Conversation',
    agreements: 'Agreements',
    openProposals: (n: number) => plural(n, 'open proposal', 'open proposals'),
    log: 'Community log'
  },

  banners: {
    offline:
      'You’re offline. Anything you write stays on this device and will be shared when someone is reachable.',
    alone:
      'No other member is reachable right now. Anything you write stays on this device and will be shared when someone is.',
    updateNeeded:
      'Some members use a newer Mutual. Update Mutual to see everything they have shared and to keep taking part.',
    notWritable: 'You can read here, but this device cannot write to the community yet.',
    agreementsChanged: 'The agreements changed since you last said “I agree”.',
    readAgreements: 'Read them'
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
    notificationsHint: 'Notifications stay on this device.',
    removed: 'removed by the community',
    muted: 'muted by you',
    notAgreed: 'still reading the agreements',
    options: (name: string) => `Options for ${name}`,
    mute: 'Mute on this device',
    unmute: 'Unmute',
    muteHint: (name: string) =>
      `Muting folds away ${name}’s posts on this device only. ${name} is not told, and nothing changes for anyone else.`,
    proposeRemoval: 'Propose removing…'
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
    close: 'Done',
    secondIntro:
      'This community asks for a second member: a new key works once another member has seconded it.',
    awaiting: 'It works once another member seconds it. They will see it under Members.',
    rowAwaiting: 'waiting for a second member',
    rowSeconded: (by: string) => `seconded by ${by}`,
    second: 'Second this invite',
    secondLabel: (by: string, expires: string) => `Second this invite, made by ${by}, expiring ${expires}`,
    pending: 'Invites waiting for a second member',
    pendingHint: 'Seconding says you are happy for this key to let someone new in.',
    pendingRow: (by: string, max: number, expires: string) =>
      `${by} made an invite for ${max === 1 ? 'one person' : `up to ${max} people`} · expires ${expires}`
  },

  agreements: {
    pageTitle: (community: string) => `Agreements of ${community}`,
    gateTitle: 'Before you share: what this community has agreed',
    gateIntro:
      'Everyone here has said “I agree” to these. Please read them. Once you agree too, you can post, reply and respond.',
    gateCompact: 'Before you reply, please read this community’s agreements.',
    gateOpen: 'Read the agreements',
    textLabel: 'The community’s agreements',
    agreements: 'Our agreements',
    confidentiality: 'Confidentiality, and its limits',
    agree: 'I agree',
    agreeing: 'Saving…',
    agreeHint: 'You can read them again any time under Agreements.',
    agreeAgain: 'I agree to this version',
    youAgreed: (version: number) =>
      version === 1 ? 'You have agreed to these.' : `You have agreed to version ${version}.`,
    changed: (mine: number, now: number) =>
      `These changed since you said “I agree” (you agreed to version ${mine}; this is version ${now}). You can keep taking part either way.`,
    current: (version: number) => `Version ${version}`,
    history: 'Earlier versions',
    founding: 'The founding text',
    fromProposal: (by: string, reason: string) => `From a proposal by ${by}: “${reason}”`,
    adoptedChange: 'Adopted by proposal',
    settingsTitle: 'How this community works',
    propose: 'Propose a change',
    loading: 'Loading the agreements…',
    syncing: 'The agreements are still arriving on this device.'
  },

  settings: {
    invite: 'Who can invite',
    flagsToHide: 'Flags that collapse a post',
    removal: 'Removing a member takes',
    consent: 'Other changes take',
    defaultReplyMode: 'Replies are asked for as',
    invites: {
      anyone: 'Any member; a new key works at once',
      'second-member': 'Any member, once another member seconds the invite'
    } satisfies Record<InviteRule, string>,
    inviteOptions: {
      anyone: 'Any member, at once',
      'second-member': 'Any member, seconded by another'
    } satisfies Record<InviteRule, string>,
    flags: (n: number) =>
      n === 1
        ? 'One member’s flag collapses a post for everyone'
        : `Flags from ${n} members collapse a post for everyone`,
    rules: {
      majority: 'Consent from a majority of members, and no objection',
      'two-thirds': 'Consent from two thirds of members, and no objection',
      everyone: 'Consent from every member'
    } satisfies Record<DecisionRule, string>,
    ruleOptions: {
      majority: 'A majority',
      'two-thirds': 'Two thirds',
      everyone: 'Everyone'
    } satisfies Record<DecisionRule, string>,
    removalNote: 'Counted among the other members; the person concerned is told and cannot respond.',
    minimum: 'Never fewer than two people, so nobody decides alone.'
  },

  proposals: {
    title: 'Proposals',
    none: 'No proposals yet. Anyone can propose a change, with a reason.',
    status: {
      open: 'Open',
      adopted: 'Adopted',
      withdrawn: 'Withdrawn',
      outdated: 'Outdated'
    } satisfies Record<ProposalStatus, string>,
    change: {
      agreements: 'Change the agreements',
      confidentiality: 'Change the confidentiality section',
      settings: 'Change how the community works',
      removal: (name: string) => `Remove ${name} from the community`,
      review: (name: string | null) =>
        name ? `Open ${name}’s collapsed post again` : 'Open a collapsed post again'
    },
    by: (name: string, when: string) => `Proposed by ${name} · ${when}`,
    revised: (revision: number) => ` · revision ${revision}`,
    reason: 'Why',
    progress: (consents: number, required: number) => `${consents} of ${required} consents needed`,
    objections: (n: number) => plural(n, 'objection', 'objections'),
    rule: 'Adopted when enough members consent and nobody objects.',
    stale:
      'The agreements changed after this was written, so it cannot be adopted as it is. It needs revising against the current text.',
    staleMine:
      'The agreements changed after you wrote this. Revise it against the current text so it can go ahead.',
    aboutMe:
      'This proposal is about you. You are told so that nothing happens behind your back; your own response is not counted.',
    mine: 'You proposed this, which counts as your consent.',
    responses: 'Responses',
    noResponses: 'No responses yet.',
    response: {
      consent: (name: string) => `${name} consents`,
      concern: (name: string) => `${name} consents, with a concern`,
      object: (name: string) => `${name} objects`
    } satisfies Record<Stance, (name: string) => string>,
    respondLegend: 'Your response',
    stances: {
      consent: 'Consent',
      concern: 'Consent with a concern',
      object: 'Object'
    } satisfies Record<Stance, string>,
    yourStance: {
      consent: 'You consented.',
      concern: 'You consented, with a concern.',
      object: 'You objected.'
    } satisfies Record<Stance, string>,
    noteLabel: {
      concern: 'Your concern (everyone will see it)',
      object: 'Why you object (everyone will see it)'
    },
    noteNeeded: {
      concern: 'Please say what your concern is.',
      object: 'Please say why you object.'
    },
    send: 'Send',
    cancel: 'Cancel',
    withdrawResponse: 'Withdraw my response',
    revise: 'Revise',
    withdraw: 'Withdraw proposal',
    before: 'Now',
    after: 'Proposed',
    removedText: 'Taken out:',
    addedText: 'Added:',
    fullText: 'Read the whole proposed text',
    noTextChange: 'The words are the same as now.',
    setting: (label: string, from: string | null, to: string) =>
      from ? `${label}: ${from} → ${to}` : `${label}: ${to}`,
    readPost: 'Read the post',
    postGone: 'That post is no longer here.'
  },

  propose: {
    title: 'Propose a change',
    reviseTitle: 'Revise your proposal',
    what: 'What would you like to change?',
    kinds: {
      agreements: 'The agreements',
      confidentiality: 'The confidentiality section',
      settings: 'How the community works'
    },
    text: {
      agreements: 'The agreements, as you propose them',
      confidentiality: 'The confidentiality section, as you propose it'
    },
    reason: 'Why? Everyone will see this.',
    reasonNeeded: 'Please give a reason.',
    textNeeded: 'The text cannot be empty.',
    unchanged: 'That is the same as now. Change something first.',
    settingsUnchanged: 'Change at least one setting first.',
    how: (required: number) =>
      `Members can consent, consent with a concern, or object. This is adopted when ${required} members consent and nobody objects. Revising asks everyone again.`,
    submit: 'Propose',
    submitRevision: 'Propose revision',
    sending: 'Proposing…',
    cancel: 'Cancel'
  },

  reasonDialog: {
    cancel: 'Cancel',
    needed: 'Please give a reason.'
  },

  flags: {
    flag: 'Flag for the community',
    unflag: 'Withdraw my flag',
    title: 'Flag this post for the community',
    intro: (n: number) =>
      `Flags are not anonymous: the author and every member see who flagged and why. When ${plural(n, 'member flags', 'members flag')} a post, it collapses for everyone, and anyone can still open it on purpose.`,
    reason: 'Why are you flagging it?',
    reasonHint: 'For example, which of the agreements it goes against.',
    submit: 'Flag post',
    flaggedByYou: 'You flagged this post.',
    collapsed: 'Collapsed by the community',
    collapsedMine: 'Members collapsed your post',
    flaggedBy: (n: number) => `${plural(n, 'member', 'members')} flagged it:`,
    line: (by: string, reason: string) => `${by}: “${reason}”`,
    open: 'Open anyway',
    close: 'Fold it again',
    askReview: 'Ask for a review',
    reviewTitle: 'Ask the community to look again',
    reviewIntro:
      'Members can consent to opening your post again for everyone. If enough consent and nobody objects, it opens and the flags are cleared. You could also edit or delete it.',
    reviewReason: 'What would you like members to know?',
    reviewSubmit: 'Ask for a review'
  },

  personal: {
    more: 'More',
    moreLabel: (author: string) => `More for the post by ${author}`,
    hide: 'Hide for me',
    mute: (name: string) => `Mute ${name}`,
    unmute: (name: string) => `Unmute ${name}`,
    onlyHere: 'Hiding and muting are only on this device. Nobody is told.',
    hidden: 'You hid this post on this device.',
    unhide: 'Show it again',
    muted: 'A post from someone you muted on this device.',
    showMuted: 'Show this post',
    foldMuted: 'Fold it again'
  },

  removal: {
    title: (name: string) => `Propose removing ${name}`,
    intro: (name: string) =>
      `${name} will be told about this proposal and will see your reason. If enough members consent and nobody objects, ${name} stops receiving anything new from the community. What they already received stays with them; nobody can take it back.`,
    reason: 'Why? Every member, including them, will see this.',
    submit: 'Propose removing',
    noticeTitle: (community: string) => `${community} decided that you are no longer a member`,
    reasonLabel: 'The reason given:',
    body: 'You can no longer post, reply or respond here, and you will not receive anything new from this community.',
    kept: 'What you already have stays on this device, for you to read whenever you want.',
    read: 'Read what you have',
    hideRead: 'Back to the notice'
  },

  log: {
    title: 'Community log',
    intro:
      'Every flag, decision and removal, with who and why, in the order they happened. Hiding and muting never appear here: they stay on each person’s own device.',
    label: 'Community log entries',
    empty: 'Nothing yet.',
    more: 'Show earlier entries',
    loading: 'Loading…',
    community: 'The community',
    entry: {
      agreed: (a: string) => `${a} said “I agree” to the agreements`,
      proposed: (a: string, what: string) => `${a} proposed: ${what}`,
      revised: (a: string, what: string) => `${a} revised a proposal: ${what}`,
      withdrawn: (a: string, what: string) => `${a} withdrew a proposal: ${what}`,
      adopted: (_a: string, what: string) => `Adopted by consent: ${what}`,
      outdated: (_a: string, what: string) => `Set aside because the agreements changed first: ${what}`,
      flagged: (a: string, m: string) => `${a} flagged a post by ${m}`,
      unflagged: (a: string, m: string) => `${a} withdrew a flag on a post by ${m}`,
      collapsed: (_a: string, m: string) => `A post by ${m} collapsed for everyone after enough flags`,
      uncollapsed: (_a: string, m: string) => `A post by ${m} opened again: fewer flags than needed`,
      restored: (_a: string, m: string) => `A post by ${m} was opened again after a review`,
      removed: (_a: string, m: string) => `The community removed ${m}`,
      'invite-seconded': (a: string, m: string) => `${a} seconded an invite made by ${m}`
    } satisfies Record<LogKind, (actor: string, subject: string) => string>,
    reason: 'Reason:',
    someone: 'someone',
    aPost: 'a collapsed post'
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
