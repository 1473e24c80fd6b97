// A topic of 100,000 posts in the production renderer in Chromium. The page is
// served at the same RPC boundary as the other browser tests, but by a
// stand-in engine that makes posts up on request: writing 100,000 posts into
// a real engine would take minutes. What is measured is the renderer: rows in
// the DOM, paging with `before` cursors, and frame times while scrolling.
import { EventEmitter } from 'node:events'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { CommunitySummary, Post, SyncStatus } from '../../core/domain/types.js'
import { MutualError } from '../../core/errors.js'
import { methods } from '../../core/rpc/methods.js'
import type { Handlers } from '../../core/rpc/server.js'
import { Stage, reportFailures, screenshot, seriousA11yViolations } from './harness.js'
import type { Window } from './harness.js'

const TOTAL = 100_000
const COMMUNITY = 'c'.repeat(52)
const stage = new Stage()
reportFailures(stage)
const events = new EventEmitter()
/** The newest post's position; grows when the test has someone post. */
let newest = TOTAL
const cursors: (number | null)[] = []
let reader: Window

const SENTENCES = [
  'Some nights are longer than others.',
  'Thank you for writing this, it helped to read.',
  'I went for a walk before the sun came up and it was quieter than I expected.',
  'Me too. The first weeks were the hardest, and then slowly less so.',
  'Does anyone else find Sundays the hardest?',
  'Small things today: tea, a call with my sister, bed on time.'
]

function post(seq: number): Post {
  if (seq > TOTAL)
    return {
      ...post(seq - TOTAL),
      id: seq.toString(16).padStart(16, '0'),
      seq,
      text: 'Just arrived: anyone around?'
    }
  const id = seq.toString(16).padStart(16, '0')
  const text = Array.from({ length: 1 + (seq % 5) }, (_, i) => SENTENCES[(seq + i) % SENTENCES.length]).join(
    ' '
  )
  return {
    id,
    topic: 'general',
    replyTo: null,
    root: id,
    authorId: (seq % 3).toString().repeat(64),
    author: ['Ash', 'Bo', 'Cy'][seq % 3] ?? 'Ash',
    authorMarker: ['yyyy', 'b8ec', 'nf1m'][seq % 3] ?? 'yyyy',
    text: `${text} (#${seq})`,
    mode: (['listen', 'share', 'ideas'] as const)[seq % 3] ?? 'listen',
    note: seq % 11 === 0 ? 'a hard day' : null,
    createdAt: Date.now() - (TOTAL - seq) * 60_000,
    editedAt: null,
    deleted: false,
    reactions: { 'me-too': seq % 4, 'hear-you': seq % 3, thanks: seq % 2 },
    myReactions: [],
    replyCount: seq % 5,
    mine: false,
    state: 'confirmed',
    seq,
    flags: [],
    flaggedByMe: false,
    collapsed: false,
    hiddenByMe: false,
    authorMuted: false,
    mood: null,
    resource: null
  }
}

function standIn(): Handlers {
  const refuse = async (): Promise<never> => {
    throw new MutualError('not-allowed', 'not part of this test')
  }
  const base = Object.fromEntries(Object.keys(methods).map((name) => [name, refuse])) as unknown as Handlers
  const community: CommunitySummary = {
    id: COMMUNITY,
    name: 'Long-standing circle',
    myName: 'Reader',
    writable: true,
    memberCount: 3,
    unread: 0,
    latestSeq: TOTAL,
    notifications: true,
    refoundedAs: null
  }
  const status: SyncStatus = {
    communityId: COMMUNITY,
    name: community.name,
    online: true,
    peers: 2,
    knownMembers: 3,
    writable: true,
    revoked: false,
    updateNeeded: false,
    posts: { local: 0, replicated: 0, confirmed: 0 },
    viewVersion: '1'
  }
  return {
    ...base,
    'lock.status': async () => ({ protection: 'none', locked: false, lockAfterMinutes: 15 }),
    'communities.list': async () => [community],
    'sync.status': async () => [status],
    'topics.list': async () => [{ name: 'general', postCount: TOTAL }],
    'members.list': async () =>
      ['Ash', 'Bo', 'Cy'].map((name, i) => ({
        id: i.toString().repeat(64),
        name,
        marker: ['yyyy', 'b8ec', 'nf1m'][i] ?? 'yyyy',
        color: ['#4f7a3a', '#2f6f9f', null][i] ?? null,
        joinedSeq: i,
        isMe: false,
        left: false,
        removed: false,
        agreed: true,
        muted: false,
        availability: null,
        aroundNow: false,
        atLimit: false
      })),
    'posts.thread': async ({ postId }) => ({ root: post(Number.parseInt(postId, 16)), replies: [] }),
    'posts.feed': async ({ limit = 20, before }) => {
      cursors.push(before ?? null)
      const top = Math.min(newest, (before ?? newest + 1) - 1)
      const posts: Post[] = []
      for (let seq = top; seq >= 1 && posts.length < limit; seq--) posts.push(post(seq))
      const last = posts[posts.length - 1]
      return { posts, next: last && last.seq > 1 ? last.seq : null }
    }
  }
}

beforeAll(async () => {
  await stage.open({ testnet: false })
  reader = await stage.window('Reader', { handlers: standIn(), events })
})

afterAll(() => stage.close())

interface ScrollStats {
  frames: number
  p50: number
  p95: number
  max: number
  over50: number
  maxArticles: number
  deepest: number
  longTasks: number[]
  ms: number
}

/**
 * Runs in the page: scrolls the feed by `step` pixels every animation frame
 * until the post at position `target` has been on screen, recording frame
 * times, long tasks and the most rows ever in the DOM. (Plain JavaScript: it
 * is sent to the page as text.)
 */
const SCROLL = `async ({ target, step, maxMs }) => {
  const scroller = document.querySelector('.post-scroller')
  const feed = document.querySelector('[role="feed"]')
  const gaps = []
  const longTasks = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(Math.round(entry.duration))
  })
  observer.observe({ type: 'longtask' })
  let maxArticles = 0
  let deepest = 0
  const start = performance.now()
  let last = start
  await new Promise((resolve) => {
    const tick = (now) => {
      gaps.push(now - last)
      last = now
      const rows = feed.querySelectorAll('article')
      maxArticles = Math.max(maxArticles, rows.length)
      for (const row of rows) deepest = Math.max(deepest, Number(row.getAttribute('aria-posinset')))
      if (deepest >= target || now - start > maxMs) return resolve()
      scroller.scrollTop += step
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  observer.disconnect()
  gaps.shift()
  const sorted = [...gaps].sort((a, b) => a - b)
  const at = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0)
  return {
    frames: gaps.length,
    p50: at(0.5),
    p95: at(0.95),
    max: Math.round(sorted[sorted.length - 1] ?? 0),
    over50: gaps.filter((g) => g > 50).length,
    maxArticles,
    deepest,
    longTasks,
    ms: Math.round(performance.now() - start)
  }
}`

test('e2e: 100,000 posts scroll smoothly: a bounded number of rows, older pages by before cursor; a thread and a new post both leave your place alone', async () => {
  const feed = reader.page.getByRole('feed', { name: 'Posts in #general' })
  await feed.locator('article').first().waitFor()
  expect(await feed.locator('article').count()).toBeLessThan(30)

  const target = 1_200
  const stats = (await reader.page.evaluate(
    `(${SCROLL})(${JSON.stringify({ target, step: 500, maxMs: 40_000 })})`
  )) as ScrollStats
  console.log(
    `e2e: scrolled ${stats.deepest} of ${TOTAL} posts in ${stats.ms} ms over ${stats.frames} frames: ` +
      `frame p50 ${stats.p50} ms, p95 ${stats.p95} ms, max ${stats.max} ms, ${stats.over50} frames over 50 ms; ` +
      `at most ${stats.maxArticles} posts in the DOM; long tasks ${JSON.stringify(stats.longTasks)}; ${cursors.length} pages read`
  )
  expect(stats.deepest).toBeGreaterThanOrEqual(target)
  // Only what is near the screen exists, however far the reader has come.
  expect(stats.maxArticles).toBeLessThan(40)
  // Pages were read newest first, each from where the last one ended.
  expect(cursors[0]).toBeNull()
  const befores = cursors.slice(1)
  expect(befores.length).toBeGreaterThanOrEqual(target / 50 - 1)
  befores.forEach((before, i) => expect(before).toBe(TOTAL + 1 - 50 * (i + 1)))
  // Smooth: frames at display rate, and no stall. (Unloaded, p50 and p95 are 17 ms and max about 33 ms;
  // the bounds leave room for the rest of the suite sharing two cores, not for rendering rows by the hundred.)
  expect(stats.p50).toBeLessThanOrEqual(34)
  // Rows by the hundred are what maxArticles above guards, and the median what smooth means; these
  // two only catch a stall, with room for two cores shared with the suite and other busy processes
  // (under a benchmark running beside it, one frame took 867 ms).
  expect(stats.p95).toBeLessThan(200)
  expect(stats.max).toBeLessThan(1500)

  await screenshot(reader, '15-long-feed-deep')
  expect(await seriousA11yViolations(reader)).toEqual([])

  // Into a thread and back with Escape: the same place in the feed, focus where it was.
  const scrollTop = () =>
    reader.page
      .locator('.post-scroller')
      .first()
      .evaluate((el) => el.scrollTop)
  const opener = feed.getByRole('button', { name: /repl/ }).nth(2)
  const postId = await opener.evaluate((el) => el.closest('article')?.getAttribute('data-post-id'))
  await opener.click()
  await reader.page.getByRole('heading', { name: 'Thread' }).waitFor()
  // (Measured once the thread is open: clicking scrolled the button into view.)
  const before = await scrollTop()
  expect(before).toBeGreaterThan(100_000)
  await reader.page.keyboard.press('Escape')
  await reader.page.getByRole('heading', { name: 'Thread' }).waitFor({ state: 'detached' })
  expect(await scrollTop()).toBe(before)
  await reader.page.waitForFunction((id) => {
    const doc = (
      globalThis as unknown as {
        document: {
          activeElement: { closest(s: string): { getAttribute(a: string): string | null } | null } | null
        }
      }
    ).document
    return doc.activeElement?.closest('article')?.getAttribute('data-post-id') === id
  }, postId)

  // Someone posts while the reader is deep in the feed: what they are reading stays where it is.
  const anchor = feed.locator('article').nth(2)
  const anchorId = await anchor.getAttribute('data-post-id')
  const topBefore = (await anchor.boundingBox())?.y
  const pagesBefore = cursors.length
  const place = Number(await anchor.getAttribute('aria-posinset'))
  newest++
  events.emit('event', { type: 'community-changed', communityId: COMMUNITY })
  const same = feed.locator(`article[data-post-id="${anchorId}"]`)
  // Once the new post is in, everything below it is one place further down the feed...
  await expect.poll(() => same.getAttribute('aria-posinset')).toBe(String(place + 1))
  expect(cursors.length).toBeGreaterThanOrEqual(pagesBefore + 2)
  // ...but not on the screen.
  await expect.poll(async () => (await same.boundingBox())?.y).toBe(topBefore)
  // And at the top, the new post is there.
  await reader.page
    .locator('.post-scroller')
    .first()
    .evaluate((el) => el.scrollTo({ top: 0 }))
  await feed.locator('article', { hasText: 'Just arrived: anyone around?' }).waitFor()
  expect(reader.problems).toEqual([])
})
