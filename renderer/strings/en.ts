// Every word Mutual shows, in English. A translation is another file with the
// same shape (`Strings`), chosen in ./index.ts. Keep the voice of peer
// support: equals talking to equals, plain and warm, never clinical.
import type { ErrorCode } from '../../core/errors.js'
import type {
  JoinStage,
  LinkStage,
  LogKind,
  NotShared,
  PostState,
  ReactionKind,
  ReplyMode
} from '../../core/domain/types.js'
import { TEMPLATE_AGREEMENTS, TEMPLATE_CONFIDENTIALITY } from '../../core/domain/governance.js'
import type {
  DecisionRule,
  InviteRule,
  ProposalStatus,
  Stance,
  CountingRule
} from '../../core/domain/governance.js'
import type { AvailabilityKind, ResourceKind } from '../../core/domain/reaching.js'

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
    joinHint: 'A member gave you a key? Paste it to be let in.',
    link: 'Link to my other device',
    linkHint: 'Mutual is already on another of your devices? Be the same you here.',
    restore: 'Restore with a recovery phrase',
    restoreHint: 'Lost your device? The 24 words you wrote down bring you back.'
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
      'no-network':
        'Mutual can’t reach the network from here, so it can’t find a member yet. Check your connection; Mutual keeps trying.',
      syncing: 'You’re in. Syncing what the community has shared…',
      done: 'You’re in.'
    } satisfies Record<JoinStage, string>,
    syncing: (have: number, total: number) => `You’re in. Syncing ${have} of ${total}…`,
    isLinkCode: 'That is a code for linking one of your own devices, not an invite to a community.',
    linkInstead: 'Link to my other device with it',
    otherWays: 'Already a member, on another device?',
    link: 'Link to my other device',
    restore: 'Restore with a recovery phrase'
  },

  device: {
    open: 'This device',
    title: 'This device',
    protectionNone:
      'Mutual on this device has no passphrase. Anyone who can open your user folder can read your communities, conversations and support plan.',
    protectionKeychain:
      'Mutual on this device is sealed by your computer’s keychain: other people’s accounts can’t read it, but anyone using your account can. A passphrase keeps it from them too.',
    protectionPassphrase:
      'Mutual on this device has a passphrase. Without it, nothing Mutual keeps here can be read, not even the names of your communities.',
    passphraseHeading: 'Passphrase',
    current: 'Current passphrase',
    next: 'New passphrase',
    again: 'New passphrase again',
    passphraseHint:
      'At least 8 characters. A few words you will remember work well. If you forget it, there is no way back into Mutual on this device.',
    mismatch: 'The two new passphrases are not the same.',
    set: 'Set passphrase',
    change: 'Change passphrase',
    remove: 'Remove passphrase',
    saved: 'Saved.',
    lockHeading: 'Locking',
    lockNow: 'Lock now',
    shortcut: 'Shortcut: Ctrl+Shift+L (⌘+Shift+L on a Mac)',
    lockAfter: 'Lock after',
    never: 'Never',
    minutes: (n: number) => (n === 1 ? '1 minute without use' : `${n} minutes without use`),
    lockNeedsPassphrase: 'Set a passphrase first: a lock without one would keep nobody out.',
    wipeHeading: 'Wipe this device',
    wipeHint:
      'Removes Mutual’s whole profile from this device: every community, conversation and your support plan.',
    wipe: 'Wipe this device…',
    wipeConfirmTitle: 'Wipe Mutual from this device?',
    wipeConfirm:
      'Everything Mutual keeps on this device goes, with no way back. It cannot reach what other members already hold: posts and messages you shared stay on their devices.',
    wipeYes: 'Wipe everything on this device',
    wipeNo: 'Keep it',
    wiped: 'Mutual’s profile is gone from this device. Close Mutual; it starts fresh next time.'
  },

  myDevices: {
    heading: 'Your devices',
    intro:
      'Every device listed here is you: the same name in each community, and your reactions and consent count once. Members of your communities can see your devices’ names.',
    loading: 'Reading your devices…',
    list: 'Your devices',
    thisDevice: 'this device',
    unnamed: 'a device with no name',
    where: (n: number) =>
      n === 0
        ? 'Not writing in any community yet'
        : `Writes as you in ${plural(n, 'community', 'communities')}`,
    removed: 'Removed: it can no longer write as you',
    rename: 'Rename',
    renameLabel: (name: string) => `Rename ${name}`,
    nameLabel: 'Device name',
    save: 'Save name',
    cancel: 'Cancel',
    remove: 'Remove…',
    removeLabel: (name: string) => `Remove ${name} from your devices…`,
    removeTitle: (name: string) => `Remove “${name}” from your devices?`,
    removeBody:
      'It stops writing as you in every community, and members’ devices stop syncing with it. It cannot erase what that device already holds: what is on it now stays readable there. If you can still reach it, wiping Mutual from it clears that too.',
    removeYes: 'Remove it',
    removeNo: 'Keep it',
    removedDone: (name: string) => `“${name}” was removed from your devices.`,
    link: 'Link a device…',
    linkHint: 'Use Mutual on another of your devices as the same you, with the communities this one has.'
  },

  linkOffer: {
    heading: 'Link a device',
    making: 'Making a code…',
    intro:
      'On your other device, open Mutual and choose “Link to my other device”. Then enter this code there, or scan it.',
    same: 'That device becomes you: your name, your communities, and your reactions and consent counting once. Only link devices that are yours.',
    code: 'Link code',
    copy: 'Copy code',
    copied: 'Copied',
    qr: 'The same link code as a QR code, for your other device to scan',
    expires: (when: string) => `It works once, for one device, and expires ${when}.`,
    waiting: 'Waiting for your other device…',
    ask: (name: string) => `A device called “${name}” asks to join as you. Is it yours?`,
    askHint:
      'Say yes only if you are holding that device now. If not, say no: someone else may have seen the code.',
    yes: 'Yes, it’s mine',
    no: 'No',
    sharing: (name: string) => `Sharing your communities with “${name}”…`,
    linked: (name: string, n: number) =>
      n === 0
        ? `“${name}” is linked, but none of your communities could be shared with it yet.`
        : `“${name}” is linked. It is you in ${plural(n, 'community', 'communities')}.`,
    declined: 'You said no. Nothing was shared, and the code no longer works.',
    expired: 'The code expired before a device used it. You can make a new one.',
    stopped: (message: string) => `Linking stopped: ${message}.`,
    cancel: 'Stop linking',
    done: 'Done'
  },

  linkToOther: {
    title: 'Link to my other device',
    intro:
      'On the device that already has your communities, open This device and choose “Link a device…”. It shows a code: enter it here.',
    code: 'Code from your other device',
    codeHint: 'Paste or type the whole code. It works for 10 minutes, once.',
    codeNeeded: 'Please enter the code your other device shows.',
    name: 'A name for this device',
    nameHint: 'Like “laptop” or “phone”. Members of your communities can see it.',
    nameNeeded: 'Please give this device a name.',
    submit: 'Link',
    stop: 'Stop',
    starting: 'Starting…',
    stage: {
      looking: 'Looking for your other device…',
      'waiting-for-confirm': 'Found it. Your other device asks whether this one is yours: say yes there.',
      copying: 'Your other device said yes. Bringing your communities here…'
    } satisfies Record<LinkStage, string>,
    stopped: 'Stopped. Nothing was changed.',
    isInvite:
      'That is an invite to a community, not a code from your other device. Use it with “Join with an invite key” instead.',
    expired: 'That code has expired. Make a new one on your other device (This device → Link a device…).',
    refused:
      'Your other device said no, or another device used the code first. Make a new code there and try again.',
    offline: 'You’re offline. Linking needs both devices online, so go online first.',
    doneTitle: 'This device is you now',
    doneIn: (n: number) =>
      n === 0 ? 'No community came across yet.' : `You’re in ${plural(n, 'community', 'communities')} here:`,
    notShared: 'Not here yet',
    reason: {
      'older-version': (name: string) =>
        `${name} still uses an older version of Mutual, where one member can’t have two devices. Anyone there can propose moving to the newer version on its Agreements page; once it has, link again.`,
      'not-writable': (name: string) =>
        `${name}: your other device can’t write there itself right now, so it could not share it.`
    } satisfies Record<NotShared, (name: string) => string>,
    goIn: 'Go to your communities',
    back: 'Back'
  },

  recovery: {
    heading: 'Recovery phrase',
    loading: 'Checking your recovery phrase…',
    none: 'You don’t have a recovery phrase yet. If you ever lose all your devices, it is your way back in.',
    noCommunities:
      'Once you are in a community, a recovery phrase can bring you back if you lose all your devices.',
    covered: (n: number) =>
      `Your recovery phrase can bring you back in ${n === 1 ? 'your community' : `all ${count.format(n)} of your communities`}.`,
    partly: (n: number, missing: number) =>
      `Your recovery phrase covers ${plural(n, 'community', 'communities')}, but not ${plural(missing, 'other', 'others')} (joined since, or on an older version of Mutual). A new phrase covers what it can, and replaces the old one.`,
    get: 'Get a recovery phrase…',
    getNew: 'Get a new recovery phrase…',
    explainTitle: 'Before you see it',
    brings:
      'The phrase is 24 words. On a new device, they bring back your membership and your name in each community, and, through any member who is online, everything your communities shared.',
    notBrings:
      'They do not bring back your private conversations or your support plan: those live only on your devices. To keep them too, also save the encrypted backup; only your phrase can open it.',
    once: 'Mutual shows the phrase once and never keeps it. Anyone who has it can become you, so write it on paper and keep it somewhere private. A new phrase replaces any earlier one.',
    backup: 'Also make an encrypted backup of my private conversations and support plan',
    backupHint:
      'A file you save yourself. It holds them as they are now; make a new one later to include what comes after.',
    show: 'Show my phrase',
    making: 'Making your phrase…',
    notNow: 'Not now',
    wordsTitle: 'Your recovery phrase',
    wordsLabel: 'Your recovery phrase: 24 words, in order',
    writeDown: 'Write these words on paper, in order. Mutual won’t show them again.',
    registered: (n: number) =>
      n === 0
        ? 'None of your communities could record it yet.'
        : `It can bring you back in ${plural(n, 'community', 'communities')}.`,
    notRegistered: 'Not covered by this phrase',
    reason: {
      'older-version': (name: string) =>
        `${name} still uses an older version of Mutual. Anyone there can propose moving to the newer version on its Agreements page; then get a new phrase.`,
      'not-writable': (name: string) => `${name}: this device can’t write there right now.`
    } satisfies Record<NotShared, (name: string) => string>,
    saveBackup: 'Save the encrypted backup',
    backupFile: 'mutual-backup.txt',
    backupSaveHint: 'It is saved as mutual-backup.txt. Without your phrase, nobody can read it.',
    written: 'I’ve written it down',
    finished: 'Done. Keep your words somewhere safe and private.'
  },

  restore: {
    title: 'Restore with a recovery phrase',
    intro:
      'Enter the 24 words you wrote down. Mutual finds members of your communities who are online and brings you back in, as you.',
    phrase: 'Your 24 words',
    phraseHint: 'In order, with spaces between them.',
    phraseNeeded: 'Please enter your 24 words.',
    wordCount: (n: number) => `A recovery phrase has 24 words; this has ${count.format(n)}.`,
    phraseProblem: (message: string) =>
      `That phrase didn’t work: ${message}. Check each word against what you wrote down.`,
    backup: 'Encrypted backup file (optional)',
    backupHint:
      'If you saved mutual-backup.txt, choose it to bring back your private conversations and support plan.',
    backupChosen: (name: string) => `Using ${name}.`,
    backupUnreadable:
      'That file could not be read. Choose the mutual-backup.txt you saved, or go on without it.',
    submit: 'Restore',
    stop: 'Stop',
    stage: {
      looking: 'Looking for members of your communities who are online…',
      'waiting-for-confirm': 'Found a member. Waiting for them to let you back in…',
      copying: 'Bringing your communities back…'
    } satisfies Record<LinkStage, string>,
    stopped: 'Stopped. Nothing was changed.',
    offline: 'You’re offline. Restoring needs members of your communities online, so go online first.',
    nobody:
      'No member of your communities was online to bring you back just now. Nothing was changed; try again when someone is around.',
    doneTitle: 'Welcome back',
    conversations: (n: number) =>
      `Your private conversations in ${plural(n, 'community', 'communities')} can be read again.`,
    plan: 'Your support plan is back.',
    noBackup:
      'Private conversations and your support plan were not in a backup, so they did not come back. Members can still write to you again.',
    emptyBackup: 'The backup held no private conversations or support plan.'
  },

  lock: {
    title: 'Mutual is locked',
    hint: 'Your communities, conversations and support plan stay hidden until you unlock.',
    passphrase: 'Passphrase',
    unlock: 'Unlock',
    checking: 'Checking…'
  },

  errors: {
    'invite-malformed': 'That doesn’t look like a whole invite key. Check that you copied all of it.',
    'invite-expired': 'This invite has expired. Ask a member for a new one.',
    'invite-used': 'This invite has already been used. Ask a member for a new one.',
    'invite-revoked': 'A member withdrew this invite. Ask a member for a new one.',
    'invite-for-joined-community': 'You are already a member of this community.',
    'already-joining': 'You are already joining this community. Wait for that to finish, or cancel it.',
    offline: 'You’re offline. Joining needs a member to let you in, so go online first.',
    closed: 'Mutual’s engine was restarting, so that did not happen. Please try again in a moment.',
    'not-writable': 'You can read here, but this device cannot write to the community yet.',
    'update-needed':
      'The community agreed to move to a newer version of Mutual. Update Mutual to take part again.',
    'not-found': 'That is no longer here.',
    locked: 'Mutual is locked on this device. Enter your passphrase to open it.',
    'wrong-passphrase': 'That passphrase doesn’t open Mutual on this device. Take your time and try again.',
    'keychain-unavailable':
      'Your computer’s keychain can’t open Mutual’s data right now. It opens only for the same user on the same computer.',
    syncing: 'This community is still arriving on this device. Please try again in a moment.',
    'agreements-first':
      'Please read this community’s agreements and say “I agree” first. They are just above, or under Agreements.',
    'name-taken':
      'Another member here already has that name, or one that looks just like it. Please choose a different name.',
    'device-revoked':
      'This device was removed from your devices, so it can no longer write here. What it already holds stays readable.',
    'link-code-malformed':
      'That code isn’t complete, or has a typo. Copy the whole code again from your other device.',
    'link-code-not-invite':
      'That is a code for linking one of your own devices, not an invite to a community.',
    'invite-not-link-code':
      'That is an invite to a community, not a code from your other device. Use it with “Join with an invite key” instead.',
    'nobody-online':
      'No member of your communities was online to bring you back just now. Nothing was changed; try again when someone is around.',
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
    log: 'Community log',
    reaching: 'Reaching out',
    reachingNew: (n: number) => (n >= 100 ? '99+ new' : `${n} new`),
    plan: 'Support plan'
  },

  banners: {
    offline:
      'You’re offline. Anything you write stays on this device and will be shared when someone is reachable.',
    alone:
      'No other member is reachable right now. Anything you write stays on this device and will be shared when someone is.',
    updateNeeded:
      'The community agreed to move to a newer version of Mutual. Update Mutual to see everything shared since and to keep taking part.',
    noName:
      'You don’t have a name here yet: another member already uses the one you chose. Choose yours under Members, so others know who is writing.',
    refounded:
      'This community started again under a new key, by consent, and goes on in the new one in your list. What was written here stays on your device to read; nothing new is written here.',
    notWritable: 'You can read here, but this device cannot write to the community yet.',
    revoked:
      'This device was removed from your devices, from another of them. It can no longer write here, and members’ devices no longer sync with it. What it already holds stays here for you to read.',
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
    proposeRemoval: 'Propose removing…',
    writePrivately: 'Write privately',
    aroundNow: 'Around now',
    aroundNowNone: 'Nobody else is around right now.',
    openToListen: 'Open to listen',
    openToListenNone: 'Nobody has said they are open to listen just now.',
    around: 'around now',
    atLimit: 'has as many conversations as they chose',
    marker: (marker: string) => `marker ${marker}`,
    markerHint: 'The same on every device: it tells apart members whose names look alike.'
  },

  availability: {
    title: 'How you are here',
    intro: 'Let others know whether you can listen right now. You can change it any time.',
    legend: 'Right now I am',
    none: 'Not saying',
    kinds: {
      open: { label: 'Open to listen', short: 'open to listen' },
      talk: { label: 'Would like to talk', short: 'would like to talk' },
      resting: { label: 'Resting', short: 'resting' }
    } satisfies Record<AvailabilityKind, { label: string; short: string }>,
    note: 'A short note (optional)',
    noteHint: 'For example “evenings only” or “back on Monday”.',
    limit: 'At most this many conversations at once (optional)',
    limitHint:
      'When you reach it, others see that you have as many as you chose, and you are not notified of new reach-outs.',
    save: 'Save',
    saved: 'Saved.',
    presence: 'Show others when I’m around',
    presenceHint:
      'Only members connected to you right now see it, and it is never written down anywhere. Turn it off and you are not shown at all.',
    openNow: (n: number) => `You have ${plural(n, 'open conversation', 'open conversations')}.`
  },

  reaching: {
    title: 'Reaching out',
    notCrisis:
      'Mutual is people like you, not a crisis service. If you are in danger, please contact your local emergency services or someone you trust nearby.',
    neverOutside: 'Nothing you share here is passed to anyone outside this community.',
    resources: 'See the community’s resources',
    talk: 'I’d like to talk',
    talkTitle: 'I’d like to talk',
    talkIntro:
      'Members who are open to listen and around now are told. Anyone can answer with “I’m here”, and then the two of you talk privately.',
    context: 'A line of context (optional)',
    contextHint: 'Only if you want to, like “rough night” or “just need company”.',
    who: 'Who should know?',
    everyone: 'Everyone in the community',
    chosen: 'Only the members I choose',
    chooseMembers: 'Choose members',
    chooseNeeded: 'Please choose at least one member.',
    send: 'Send',
    sending: 'Sending…',
    cancel: 'Cancel',
    sentChosen: (names: string) => `Sent privately to ${names}. It shows in your conversations with them.`,
    listTitle: 'Reach-outs',
    none: 'No one has reached out here lately.',
    mine: 'You would like to talk',
    theirs: (name: string) => `${name} would like to talk`,
    answer: 'I’m here',
    answerLabel: (name: string) => `I’m here, answer ${name}`,
    answering: 'Opening…',
    answeredByMe: 'You answered.',
    openConversation: 'Open our conversation',
    answeredOther: 'Someone answered: they are talking privately now.',
    answeredMine: (names: string) => `${names} answered. Your conversation is below.`,
    closedMine: 'You closed this reach-out.',
    closedTheirs: 'They closed this reach-out.',
    close: 'Close this reach-out',
    waiting: 'No one has answered yet. It stays here for members to see.',
    waitingLong:
      'No one has answered yet. That can happen when people are asleep or away, and it says nothing about you. The community’s resources list has other places to turn to, and your reach-out stays open here as long as you like.',
    checkOnMe: 'Ask someone to check on me',
    conversations: 'Private conversations',
    noConversations:
      'No private conversations yet. They start when someone answers a reach-out, or when you write to a member privately.',
    conversationsHint: 'Only the two of you can read a private conversation. It is encrypted end to end.',
    unreadLines: (n: number) => plural(n, 'new line', 'new lines'),
    closedShort: 'closed',
    newNotice: (name: string, what: string) => `${name} ${what}`,
    noticeOpen: 'Open',
    noticeDismiss: 'Dismiss',
    noticeIn: (community: string) => `in ${community}`
  },

  conversation: {
    title: (name: string) => `Private conversation with ${name}`,
    back: 'Back to reaching out',
    privacy: 'Only the two of you can read this. It is encrypted end to end and works offline.',
    empty: 'Nothing here yet. You can write first.',
    label: (name: string) => `Write to ${name}`,
    placeholder: 'Write a message…',
    send: 'Send',
    sending: 'Sending…',
    shortcut: 'Ctrl+Enter sends',
    needText: 'Write something first.',
    you: 'You',
    linesLabel: 'Messages',
    line: {
      reach: (name: string, fromMe: boolean, context: string | null) =>
        fromMe
          ? `You said you would like to talk${context ? `: “${context}”` : '.'}`
          : `${name} would like to talk with you${context ? `: “${context}”` : '.'}`,
      answer: (name: string, fromMe: boolean) =>
        fromMe
          ? `You answered ${name}’s reach-out: “I’m here”.`
          : `${name} answered your reach-out: “I’m here”.`,
      close: (name: string, fromMe: boolean) =>
        fromMe ? 'You closed this conversation.' : `${name} closed this conversation.`,
      checkOnMe: (name: string, fromMe: boolean, note: string | null) =>
        fromMe
          ? `You asked ${name} to check on you${note ? `: “${note}”` : '.'}`
          : `${name} asked you to check on them${note ? `: “${note}”` : '.'}`,
      plan: (name: string, fromMe: boolean) =>
        fromMe
          ? 'You shared your support plan.'
          : `${name} shared their support plan with you. It is under Support plan.`,
      planRevoke: (name: string, fromMe: boolean) =>
        fromMe ? 'You stopped sharing your support plan.' : `${name} stopped sharing their support plan.`,
      refound: (name: string, fromMe: boolean) =>
        fromMe
          ? `You invited ${name} into the community as it starts again.`
          : `${name} invited you into the community as it starts again. Your device joins it by itself.`
    },
    closedByMe: 'You closed this conversation. Writing again opens it again.',
    closedByThem: (name: string) => `${name} closed this conversation. Writing again opens it again.`,
    close: 'Close conversation',
    closeHint: 'Either of you can close it. It stays here, and you can come back to it.',
    sharePlan: 'Share my support plan',
    planShared: 'Your support plan is shared with them.',
    noPlan: 'Write a support plan first, under Support plan, to share it.',
    checkOnMe: (name: string) => `Ask ${name} to check on me`,
    muted: (name: string) =>
      `You muted ${name} on this device, so you cannot write to them. Unmute them under Members to talk again.`,
    syncing: (name: string) =>
      `${name}’s device has not introduced itself here yet. You can write once they have been online since joining.`
  },

  checkOnMe: {
    title: 'Ask someone to check on me',
    intro:
      'The members you choose get a private request to check on you. Nothing else happens: nobody is told automatically, and nothing goes outside the community.',
    note: 'Anything they should know? (optional)',
    noteHint: 'For example “tomorrow morning?” or “a message is enough”.',
    send: 'Ask them',
    sent: 'Asked. It shows in your conversations with them.',
    cancel: 'Cancel'
  },

  plan: {
    title: 'My support plan',
    intro:
      'A few notes for the people you trust about what helps you. It is stored only on this device, encrypted, and nobody sees it unless you share it.',
    sameEverywhere: 'You have one plan, the same in every community.',
    fields: {
      helps: 'What helps',
      doesNotHelp: 'What doesn’t help',
      contacts: 'Who to contact',
      notInvolve: 'Who not to involve',
      fromSupporters: 'What I want from supporters'
    },
    save: 'Save plan',
    saving: 'Saving…',
    saved: 'Saved on this device.',
    savedShared: (n: number) =>
      `Saved. The update is on its way to ${plural(n, 'person', 'people')} you share it with.`,
    unsent: (n: number) =>
      `Saved on this device. ${plural(n, 'person', 'people')} you share it with will get the update when they are reachable.`,
    neverSaved: 'You have not written a plan yet.',
    sharesTitle: 'Shared in this community',
    sharesNone: 'Not shared with anyone here.',
    shareWith: 'Share with',
    share: 'Share',
    sharedWith: (name: string) => `Shared with ${name}`,
    shareHint: 'They see your plan as it is now, and each time you edit it they get the new version.',
    saveFirst: 'Save your plan before sharing it.',
    revoke: 'Stop sharing',
    revokeLabel: (name: string) => `Stop sharing with ${name}`,
    revokeTitle: (name: string) => `Stop sharing your plan with ${name}?`,
    revokeBody: (name: string) =>
      `From now on, your edits stop reaching ${name}. What ${name} already saw stays with them; nobody can take it back.`,
    revokeConfirm: 'Stop sharing',
    cancel: 'Keep sharing',
    revoked: (name: string) => `Stopped sharing with ${name}. Future edits no longer reach them.`,
    sharedWithMe: 'Plans shared with you',
    sharedWithMeNone: 'Nobody here has shared a plan with you.',
    theirPlan: (name: string) => `${name}’s support plan`,
    updated: (when: string) => `Updated ${when}`,
    empty: 'Nothing written.'
  },

  checkIns: {
    prompt: 'How are you arriving today?',
    moodLegend: 'A word for how you feel (optional)',
    moodHint: 'Only if you like. It is a word, not a score.',
    noMood: 'No word',
    ownWord: 'Your own word',
    ownWordHint: 'One word, letters only.',
    ownWordInvalid: 'One word, letters only, please.',
    mood: (word: string) => `feeling ${word}`
  },

  resources: {
    title: 'Community resources',
    intro:
      'Places to turn to, added by members. Anyone can add one, and the community can flag and collapse one the same way as a post.',
    add: 'Add a resource',
    kind: 'Kind',
    kinds: {
      warmline: 'Warmline',
      'peer-line': 'Peer line',
      group: 'Group',
      reading: 'Reading',
      other: 'Other'
    } satisfies Record<ResourceKind, string>,
    name: 'Name',
    contact: 'How to reach it (optional)',
    contactHint: 'A number, an address, a link or opening hours.',
    description: 'What it is, in your words',
    nameNeeded: 'Please give it a name.',
    descriptionNeeded: 'Please say a few words about it.',
    submit: 'Add resource',
    sending: 'Adding…',
    cancel: 'Cancel',
    contactLabel: 'Contact:'
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
    counting: 'Decisions are counted among',
    countings: {
      agreed: 'Members who finished joining and said “I agree”',
      admitted: 'Everyone let in, whether or not they finished joining'
    } satisfies Record<CountingRule, string>,
    countingOptions: {
      agreed: 'Members who have agreed',
      admitted: 'Everyone let in'
    } satisfies Record<CountingRule, string>,
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
        name ? `Open ${name}’s collapsed post again` : 'Open a collapsed post again',
      version: 'Move to newer rules',
      refound: 'Start the community again under a new key'
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
      settings: 'How the community works',
      version: 'Newer rules from this version of Mutual',
      refound: 'Start again under a new key'
    },
    refoundHint:
      'If adopted, one member starts the community again under a new key and invites everyone who is a member now. Whoever was removed is not invited and gets nothing written from then on, even if they kept a copy of the old key. The old community stays on your device, to read.',
    versionHint: (from: number, to: number) =>
      `The community runs at version ${from}. Version ${to} adds safeguards: invites that prove who is joining, unique names, and limits on what one member can make everyone store. Members on an older Mutual will be asked to update once it is adopted.`,
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
      'invite-seconded': (a: string, m: string) => `${a} seconded an invite made by ${m}`,
      lapsed: (_a: string, m: string) =>
        `${m} was let in but never finished joining, so their place lapsed and the invite can be used again`
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
