import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { CommunitySummary, Notice } from '../core/domain/types.js'
import { BadgeUpdater, isBadgeCount, totalUnread } from './badge.js'
import { EngineWatch } from './engine-watch.js'
import { Notifier, noticeTarget, noticeText } from './notifications.js'
import { EngineSupervisor } from './supervisor.js'
import { channels, forks, notifications } from './testing/fake-electron.js'
import type { FakeMessagePortMain } from './testing/fake-electron.js'

vi.mock('electron', () => import('./testing/fake-electron.js'))

beforeEach(() => {
  vi.useFakeTimers()
  forks.length = 0
  channels.length = 0
  notifications.length = 0
})
afterEach(() => {
  vi.useRealTimers()
})

const summary = (unread: number): CommunitySummary => ({
  id: 'x',
  name: 'x',
  myName: 'Ash',
  writable: true,
  memberCount: 2,
  unread,
  latestSeq: 10,
  notifications: true,
  refoundedAs: null
})

const notice: Notice = {
  communityId: 'c'.repeat(52),
  communityName: 'Night owls',
  kind: 'reply',
  postId: '0123456789abcdef',
  root: 'fedcba9876543210',
  author: 'Bo',
  excerpt: 'Me too. It gets easier.'
}

test('shell: the badge shows the sum of unread across communities', () => {
  expect(totalUnread([summary(3), summary(0), summary(100)])).toBe(103)
  expect(totalUnread([])).toBe(0)
})

test('shell: badge counts from outside are checked before use', () => {
  for (const ok of [0, 1, 250]) expect(isBadgeCount(ok)).toBe(true)
  for (const bad of [-1, 1.5, Number.NaN, Infinity, '3', null, 1e9]) expect(isBadgeCount(bad)).toBe(false)
})

test('shell: a burst of change events refreshes the badge once', async () => {
  const fetch = vi.fn(async () => 4)
  const shown: number[] = []
  const badge = new BadgeUpdater(fetch, (n) => shown.push(n), 250)
  for (let i = 0; i < 10; i++) badge.refresh()
  await vi.advanceTimersByTimeAsync(250)
  expect(fetch).toHaveBeenCalledTimes(1)
  expect(shown).toEqual([4])
  // The same number again is not pushed to the OS again.
  badge.refresh()
  await vi.advanceTimersByTimeAsync(250)
  expect(shown).toEqual([4])
})

test('shell: while the engine is unreachable the badge keeps its last number', async () => {
  const shown: number[] = []
  const badge = new BadgeUpdater(
    () => Promise.reject(new Error('restarting')),
    (n) => shown.push(n),
    10
  )
  badge.refresh()
  await vi.advanceTimersByTimeAsync(10)
  expect(shown).toEqual([])
})

function watchedEngine() {
  const supervisor = new EngineSupervisor({
    modulePath: '/engine-host.cjs',
    config: { storage: '/p', bootstrap: null, offline: true, keychain: false },
    log: () => undefined
  })
  const seen = { notices: [] as Notice[], locked: 0, changed: 0 }
  const watch = new EngineWatch(supervisor, {
    notice: (n) => seen.notices.push(n),
    lockedNotice: () => seen.locked++,
    changed: () => seen.changed++
  })
  supervisor.start()
  const child = forks[0]
  if (!child) throw new Error('the engine was not started')
  return { watch, seen, child }
}

test('shell: the main process listens to the engine for notices and unread changes', () => {
  const { seen, child } = watchedEngine()
  const clientPort = clientEndOf()
  clientPort.emit('message', { data: { t: 'evt', event: { type: 'notice', notice } } })
  clientPort.emit('message', { data: { t: 'evt', event: { type: 'community-changed', communityId: 'x' } } })
  clientPort.emit('message', { data: { t: 'evt', event: { type: 'communities-changed' } } })
  clientPort.emit('message', { data: { t: 'evt', event: { type: 'sync-changed', communityId: 'x' } } })
  clientPort.emit('message', { data: { t: 'evt', event: { type: 'notice-while-locked' } } })
  expect(seen.notices).toEqual([notice])
  expect(seen.locked).toBe(1)
  expect(seen.changed).toBe(2)
  child.emit('message', { type: 'ready' })
  expect(seen.changed).toBe(3)
})

test('shell: the unread count comes from communities.list', async () => {
  const { watch } = watchedEngine()
  const clientPort = clientEndOf()
  const unread = watch.unread()
  const request = clientPort.posted[0] as { id: number; method: string }
  expect(request.method).toBe('communities.list')
  clientPort.emit('message', {
    data: { t: 'res', id: request.id, ok: true, result: [summary(2), summary(5)] }
  })
  await expect(unread).resolves.toBe(7)
})

test('shell: after an engine restart the main process reconnects to the new engine', () => {
  const { child } = watchedEngine()
  child.emit('exit', 1)
  expect(forks).toHaveLength(2)
  expect(forks[1]?.messages.some((m) => (m.message as { type: string }).type === 'connect')).toBe(true)
})

test('shell: a notice becomes an OS notification; clicking it asks to open the thread', () => {
  const opened: Notice[] = []
  new Notifier((n) => opened.push(n)).show(notice)
  expect(notifications).toHaveLength(1)
  expect(notifications[0]?.options).toEqual({
    title: 'Bo replied to you in Night owls',
    body: 'Me too. It gets easier.'
  })
  expect(notifications[0]?.shown).toBe(true)
  notifications[0]?.emit('click')
  expect(opened).toEqual([notice])
  expect(noticeText({ ...notice, kind: 'mention' }).title).toBe('Bo mentioned you in Night owls')
})

test('shell: while the app is locked, a notification says only that something came, and a click opens nothing', () => {
  const opened: Notice[] = []
  new Notifier((n) => opened.push(n)).show(null)
  expect(notifications.at(-1)?.options).toEqual({
    title: 'Mutual',
    body: 'Something new for you. Unlock Mutual to see it.'
  })
  notifications.at(-1)?.emit('click')
  expect(opened).toEqual([])
})

test('shell: locking takes back the notifications already on screen', () => {
  const notifier = new Notifier(() => undefined)
  notifier.show(notice)
  const shown = notifications.at(-1)
  notifier.clear()
  expect(shown?.closed).toBe(true)
})

test('shell: a private notice names who, never what, and opens their conversation; a reach-out opens the reach-outs', () => {
  const memberId = 'b'.repeat(64)
  const quiet = {
    ...notice,
    kind: 'private',
    postId: null,
    root: null,
    memberId,
    excerpt: 'sent you a private message'
  } as const
  expect(noticeText(quiet)).toEqual({
    title: 'Bo, privately, in Night owls',
    body: 'sent you a private message'
  })
  expect(noticeTarget(quiet)).toEqual({ communityId: notice.communityId, memberId })
  const reach = {
    ...notice,
    kind: 'reach',
    postId: null,
    root: null,
    excerpt: 'would like to talk: rough night'
  } as const
  expect(noticeText(reach).title).toBe('Bo would like to talk, in Night owls')
  expect(noticeTarget(reach)).toEqual({ communityId: notice.communityId, reachOuts: true })
  expect(noticeTarget(notice)).toEqual({ communityId: notice.communityId, root: notice.root })
  expect(noticeTarget({ ...notice, kind: 'removed', postId: null, root: null })).toBeNull()
})

/** The main process's end of the newest channel (the engine got port1). */
function clientEndOf(): FakeMessagePortMain {
  const port = channels.at(-1)?.port2
  if (!port) throw new Error('no channel')
  return port
}
