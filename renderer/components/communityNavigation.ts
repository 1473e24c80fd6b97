// Where a member is inside one community: the page, the topic and thread, the
// private conversation, the members panel and any dialog open over them. One
// reducer, so moves that change several of these at once (an in-app notice
// that opens a thread, "show resources") cannot leave them half changed.
import { RESOURCES_TOPIC } from '../../core/domain/reaching.js'
import type { Post } from '../../core/domain/types.js'
import type { ThreadTarget } from '../engine/connection.js'
import type { ModerationRequest } from './governance/ModerationDialog.js'
import type { Page } from './PageNav.js'

export interface CommunityNavigation {
  page: Page
  topic: string
  threadRoot: string | null
  /** The private conversation open on the reaching-out page. */
  conversationWith: string | null
  membersOpen: boolean
  inviting: boolean
  deleting: Post | null
  moderating: ModerationRequest | null
  /** After a removal: reading what you have instead of the notice. */
  readingRemoved: boolean
}

export type NavigationAction =
  /** From the shell or a notice: a thread in the conversation, or reaching out (with someone). */
  | { type: 'open-target'; target: ThreadTarget }
  | { type: 'select-page'; page: Page }
  | { type: 'select-topic'; topic: string }
  | { type: 'show-resources' }
  | { type: 'open-thread'; root: string }
  | { type: 'close-thread' }
  | { type: 'open-conversation'; memberId: string | null }
  | { type: 'write-privately'; memberId: string }
  | { type: 'toggle-members' }
  | { type: 'close-members' }
  | { type: 'invite' }
  | { type: 'close-invite' }
  | { type: 'delete'; post: Post }
  | { type: 'close-delete'; deleted: boolean }
  | { type: 'moderate'; request: ModerationRequest }
  | { type: 'close-moderation' }
  | { type: 'read-after-removal' }
  | { type: 'back-to-removal' }

export const initialNavigation: CommunityNavigation = {
  page: 'conversation',
  topic: 'general',
  threadRoot: null,
  conversationWith: null,
  membersOpen: false,
  inviting: false,
  deleting: null,
  moderating: null,
  readingRemoved: false
}

export function navigate(state: CommunityNavigation, action: NavigationAction): CommunityNavigation {
  switch (action.type) {
    case 'open-target': {
      const { target } = action
      if ('root' in target) return { ...state, page: 'conversation', threadRoot: target.root }
      return { ...state, page: 'reaching', conversationWith: 'memberId' in target ? target.memberId : null }
    }
    case 'select-page':
      // Choosing reaching out again while on it goes back from a conversation to the list.
      if (action.page === 'reaching' && state.page === 'reaching') return { ...state, conversationWith: null }
      return { ...state, page: action.page }
    case 'select-topic':
      return { ...state, topic: action.topic, threadRoot: null }
    case 'show-resources':
      return { ...state, page: 'conversation', topic: RESOURCES_TOPIC, threadRoot: null }
    case 'open-thread':
      return { ...state, threadRoot: action.root }
    case 'close-thread':
      return { ...state, threadRoot: null }
    case 'open-conversation':
      return { ...state, conversationWith: action.memberId }
    case 'write-privately':
      return { ...state, page: 'reaching', conversationWith: action.memberId }
    case 'toggle-members':
      return { ...state, membersOpen: !state.membersOpen }
    case 'close-members':
      return { ...state, membersOpen: false }
    case 'invite':
      return { ...state, inviting: true }
    case 'close-invite':
      return { ...state, inviting: false }
    case 'delete':
      return { ...state, deleting: action.post }
    case 'close-delete': {
      // A deleted thread root leaves nothing to read in its thread.
      const gone = action.deleted && state.deleting !== null && state.deleting.id === state.threadRoot
      return { ...state, deleting: null, threadRoot: gone ? null : state.threadRoot }
    }
    case 'moderate':
      return { ...state, moderating: action.request }
    case 'close-moderation':
      return { ...state, moderating: null }
    case 'read-after-removal':
      return { ...state, readingRemoved: true, page: 'conversation' }
    case 'back-to-removal':
      return { ...state, readingRemoved: false }
  }
}
