import { expect, test } from 'vitest'
import { RESOURCES_TOPIC } from '../../core/domain/reaching.js'
import type { Post } from '../../core/domain/types.js'
import { initialNavigation, navigate } from './communityNavigation.js'
import type { CommunityNavigation, NavigationAction } from './communityNavigation.js'

const run = (...actions: NavigationAction[]): CommunityNavigation =>
  actions.reduce(navigate, initialNavigation)

test('ui: a notice opens its thread in the conversation, or reaching out with the member who wrote', () => {
  expect(
    run(
      { type: 'select-page', page: 'log' },
      { type: 'open-target', target: { communityId: 'c', root: 'p1' } }
    )
  ).toMatchObject({ page: 'conversation', threadRoot: 'p1' })
  expect(run({ type: 'open-target', target: { communityId: 'c', memberId: 'm1' } })).toMatchObject({
    page: 'reaching',
    conversationWith: 'm1'
  })
})

test('ui: choosing reaching out again while on it goes back to the list; other pages keep the conversation', () => {
  const talking = run({ type: 'write-privately', memberId: 'm1' })
  expect(navigate(talking, { type: 'select-page', page: 'reaching' })).toMatchObject({
    page: 'reaching',
    conversationWith: null
  })
  expect(navigate(talking, { type: 'select-page', page: 'plan' })).toMatchObject({
    page: 'plan',
    conversationWith: 'm1'
  })
})

test('ui: a topic or the resources close the thread; deleting the thread root closes it too', () => {
  const reading = run({ type: 'open-thread', root: 'p1' })
  expect(navigate(reading, { type: 'select-topic', topic: 'music' })).toMatchObject({
    topic: 'music',
    threadRoot: null
  })
  expect(navigate(reading, { type: 'show-resources' })).toMatchObject({
    page: 'conversation',
    topic: RESOURCES_TOPIC,
    threadRoot: null
  })
  const root = { id: 'p1' } as Post
  const reply = { id: 'r1' } as Post
  expect(
    run(
      { type: 'open-thread', root: 'p1' },
      { type: 'delete', post: reply },
      { type: 'close-delete', deleted: true }
    )
  ).toMatchObject({ threadRoot: 'p1', deleting: null })
  expect(
    run(
      { type: 'open-thread', root: 'p1' },
      { type: 'delete', post: root },
      { type: 'close-delete', deleted: false }
    )
  ).toMatchObject({ threadRoot: 'p1', deleting: null })
  expect(
    navigate(navigate(reading, { type: 'delete', post: root }), { type: 'close-delete', deleted: true })
  ).toMatchObject({ threadRoot: null, deleting: null })
})

test('ui: after a removal, reading what you have goes to the conversation, and the notice can come back', () => {
  const reading = run({ type: 'select-page', page: 'log' }, { type: 'read-after-removal' })
  expect(reading).toMatchObject({ readingRemoved: true, page: 'conversation' })
  expect(navigate(reading, { type: 'back-to-removal' }).readingRemoved).toBe(false)
})
