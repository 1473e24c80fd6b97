// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import type { Post } from '../../core/domain/types.js'
import type { Results } from '../../core/rpc/methods.js'
import { Circle, ahead, closeEnginesAfterEach } from '../testing/engines.js'
import type { Someone } from '../testing/engines.js'
import { renderWith } from '../testing/render.js'

afterEach(cleanup)
closeEnginesAfterEach()

const feed = () => screen.findByRole('feed', { name: 'Posts in #general' })
const articles = (within_: HTMLElement) => within_.querySelectorAll('article')

/** Waits until `who`'s engine holds the post `postId`. */
const holds = (who: Someone, communityId: string, postId: string) =>
  who.until(() =>
    who.call('posts.get', { communityId, postId }).then(
      () => true,
      () => false
    )
  )

/** An answer held back until the test releases it. */
function held(): { promise: Promise<void>; release: () => void } {
  let release = (): void => undefined
  const promise = new Promise<void>((resolve) => (release = resolve))
  return { promise, release }
}

/** You posted `texts` in #general, the first first, asking to be heard; their ids. */
async function myPosts(circle: Circle, texts: string[]): Promise<string[]> {
  const ids: string[] = []
  for (const text of texts) ids.push(await circle.post('Ash', text, { mode: 'listen' }))
  return ids
}

/** Bo posted `posts` posts in #general, "Post number 1" first, asking to be heard. */
async function withBo(posts: number, others: string[] = []) {
  const circle = await Circle.with(['Bo', ...others])
  const ids: string[] = []
  for (let n = 1; n <= posts; n++) ids.push(await circle.post('Bo', `Post number ${n}`, { mode: 'listen' }))
  return { circle, ids }
}

// Bo, whose clock is a minute behind, posted three posts: the oldest asks to be heard, the middle
// one for experiences, the newest for ideas, and has two replies.
const community1 = ahead(async () => {
  const circle = await Circle.with([])
  await circle.join('Bo', { now: () => Date.now() - 60_000 })
  await circle.post('Bo', 'Post number 1', { mode: 'listen' })
  await circle.post('Bo', 'Post number 2', { mode: 'share' })
  const newest = await circle.post('Bo', 'Post number 3', { mode: 'ideas' })
  for (const text of ['Same here.', 'Try a walk?']) await circle.post('Bo', text, { replyTo: newest })
  return { circle }
})
test('ui: the feed shows posts newest first with author, time, reply mode badge and reply count', async () => {
  const { circle } = await community1()
  renderWith(circle.bridge)
  const list = await feed()
  const posts = [...articles(list)]
  expect(posts.map((p) => p.querySelector('.post-text')?.textContent)).toEqual([
    'Post number 3',
    'Post number 2',
    'Post number 1'
  ])
  const newest = within(posts[0]!)
  expect(newest.getByText('Bo')).toBeTruthy()
  expect(newest.getByText('ideas welcome')).toBeTruthy()
  expect(newest.getByText('1 minute ago')).toBeTruthy()
  expect(newest.getByRole('button', { name: '2 replies' })).toBeTruthy()
  expect(within(posts[1]!).getByText('share experiences')).toBeTruthy()
  expect(within(posts[2]!).getByText('just listen')).toBeTruthy()
})

// Bo's post, to which Cy and Di said "Me too".
const community2 = ahead(async () => {
  const { circle, ids } = await withBo(1, ['Cy', 'Di'])
  const [communityId, postId] = [circle.communityId, ids[0]!]
  for (const name of ['Cy', 'Di']) {
    const who = circle.member(name)
    await holds(who, communityId, postId)
    await who.call('reactions.add', { communityId, postId, kind: 'me-too' })
  }
  await circle.until(
    async () => (await circle.me.call('posts.get', { communityId, postId })).reactions['me-too'] === 2
  )
  return { circle, postId }
})
test('ui: "Me too" is the first and most visible response, and pressing it says so', async () => {
  const { circle, postId } = await community2()
  const { user, bridge } = renderWith(circle.bridge)
  const post = (await feed()).querySelector('article')!
  const responses = within(post).getByRole('group', { name: 'Responses' })
  const buttons = within(responses).getAllByRole('button')
  expect(buttons.map((b) => b.querySelector('.reaction-label')?.textContent)).toEqual([
    'Me too',
    'I hear you',
    'Thanks'
  ])
  expect(buttons[0]!.classList.contains('reaction-primary')).toBe(true)
  expect(buttons[0]!.getAttribute('aria-pressed')).toBe('false')

  // The engine shows the new count before it answers: here its answer waits until the second press.
  const answered = held()
  circle.answer('reactions.add', async (params, own) => {
    const result = await own(params)
    await answered.promise
    return result
  })
  await user.click(buttons[0]!)
  await waitFor(() =>
    expect(within(post).getByRole('button', { name: 'Me too 3' }).getAttribute('aria-pressed')).toBe('true')
  )
  expect(bridge.callsOf('reactions.add')).toEqual([
    { communityId: circle.communityId, postId, kind: 'me-too' }
  ])
  // Pressed again before the first is answered, it is taken back all the same, once that answer came.
  await user.click(within(post).getByRole('button', { name: 'Me too 3' }))
  answered.release()
  await waitFor(() => expect(bridge.callsOf('reactions.remove')).toHaveLength(1))
  await waitFor(() =>
    expect(within(post).getByRole('button', { name: 'Me too 2' }).getAttribute('aria-pressed')).toBe('false')
  )
})

// Your post: Bo and Cy said "Me too", and Bo "I hear you".
const community3 = ahead(async () => {
  const circle = await Circle.with(['Bo', 'Cy'])
  const communityId = circle.communityId
  const [postId] = await myPosts(circle, ['Post number 1'])
  for (const [name, kinds] of [
    ['Bo', ['me-too', 'hear-you']],
    ['Cy', ['me-too']]
  ] as const) {
    const who = circle.member(name)
    await holds(who, communityId, postId!)
    for (const kind of kinds) await who.call('reactions.add', { communityId, postId: postId!, kind })
  }
  await circle.until(async () => {
    const { reactions } = await circle.me.call('posts.get', { communityId, postId: postId! })
    return reactions['me-too'] === 2 && reactions['hear-you'] === 1
  })
  return { circle }
})
test('ui: on your own post, what others said is there to read, not to press', async () => {
  const { circle } = await community3()
  renderWith(circle.bridge)
  const post = (await feed()).querySelector('article')!
  expect(within(post).queryByRole('group', { name: 'Responses' })).toBeNull()
  expect(within(post).getByText('2 people said me too')).toBeTruthy()
  expect(within(post).getByText(/1 hear you/)).toBeTruthy()
})

const community4 = ahead(async () => {
  const circle = await Circle.with(['Bo'])
  await circle.post('Bo', 'The hard anniversary is tomorrow.', { note: 'loss' })
  return { circle }
})
test('ui: a post with a content note stays closed until the reader opens it', async () => {
  const { circle } = await community4()
  const { user } = renderWith(circle.bridge)
  const post = (await feed()).querySelector('article')!
  expect(within(post).getByText('loss')).toBeTruthy()
  expect(within(post).queryByText('The hard anniversary is tomorrow.')).toBeNull()
  const show = within(post).getByRole('button', { name: 'Show post' })
  expect(show.getAttribute('aria-expanded')).toBe('false')
  await user.click(show)
  expect(within(post).getByText('The hard anniversary is tomorrow.')).toBeTruthy()
  expect(within(post).getByRole('button', { name: 'Hide post' }).getAttribute('aria-expanded')).toBe('true')
})

const community5 = ahead(async () => {
  const circle = await Circle.with(['Bo'])
  const ids = await myPosts(circle, ['Post number 1', 'Post number 2', 'Post number 3'])
  return { circle, ids }
})
test('ui: your own posts say whether they are only on this device, have reached others, or are confirmed', async () => {
  const { circle, ids } = await community5()
  // No engine holds its posts in all three states at once (a post only moves on, within moments):
  // your engine answers the feed, with your posts, oldest first, in each state.
  const states = new Map<string, Post['state']>(
    ids.map((id, i) => [id, (['local', 'replicated', 'confirmed'] as const)[i]!])
  )
  circle.answer('posts.feed', async (params, own) => {
    const page = await own(params)
    return { ...page, posts: page.posts.map((p) => ({ ...p, state: states.get(p.id) ?? p.state })) }
  })
  renderWith(circle.bridge)
  const list = await feed()
  const badges = [...articles(list)].map((a) => a.querySelector('.state')?.textContent)
  expect(badges).toEqual(['Confirmed', 'Reached others', 'Only on this device'])
  // Other people's posts carry no such badge.
  await circle.post('Bo', 'Post number 4')
  await waitFor(() => expect(articles(list)).toHaveLength(4))
  expect(articles(list)[0]!.querySelector('.state')).toBeNull()
})

test('ui: composing a post with a reply mode and a content note, and Ctrl+Enter shares it', async () => {
  const circle = await Circle.solo()
  const { user, bridge } = renderWith(circle.bridge)
  const box = await screen.findByLabelText('Share with Night owls')
  // The box stays compact until someone starts writing.
  expect(screen.queryByRole('radio', { name: /Ideas welcome/ })).toBeNull()
  await user.click(box)
  await user.click(screen.getByRole('radio', { name: /Ideas welcome/ }))
  await user.click(screen.getByRole('checkbox', { name: 'Add a content note' }))
  await user.type(screen.getByLabelText('Content note'), 'money worries')
  await user.type(box, 'Rent went up again. How do you all manage?')
  await user.keyboard('{Control>}{Enter}{/Control}')
  await waitFor(() =>
    expect(bridge.callsOf('posts.create')).toEqual([
      {
        communityId: circle.communityId,
        text: 'Rent went up again. How do you all manage?',
        topic: 'general',
        mode: 'ideas',
        note: 'money worries'
      }
    ])
  )
  const post = (await feed()).querySelector('article')!
  expect(within(post).getByText('money worries')).toBeTruthy()
  expect(within(post).getByText('ideas welcome')).toBeTruthy()
  expect((box as HTMLTextAreaElement).value).toBe('')
})

test('ui: the box empties as a post goes, so the next can be begun while it sends; one that could not go comes back', async () => {
  const circle = await Circle.solo()
  const answered = held()
  circle.answer('posts.create', async (params, own) => {
    await answered.promise
    return own(params)
  })
  const { user } = renderWith(circle.bridge)
  const box = (await screen.findByLabelText('Share with Night owls')) as HTMLTextAreaElement
  await user.type(box, 'Made it through today.')
  await user.keyboard('{Control>}{Enter}{/Control}')
  await waitFor(() => expect(box.value).toBe(''))
  await user.type(box, 'And tomorrow')
  answered.release()
  const list = await feed()
  await waitFor(() => expect(articles(list)[0]?.textContent).toContain('Made it through today.'))
  expect(box.value).toBe('And tomorrow')

  circle.refuse('posts.create', 'not-allowed', 'you cannot post here now')
  await user.keyboard('{Control>}{Enter}{/Control}')
  expect((await screen.findByRole('alert')).textContent).toContain('you cannot post here now')
  expect(box.value).toBe('And tomorrow')
  expect(articles(list)).toHaveLength(1)
})

test('ui: an empty post is not sent, and the box says why', async () => {
  const circle = await Circle.solo()
  const { user, bridge } = renderWith(circle.bridge)
  await user.click(await screen.findByLabelText('Share with Night owls'))
  await user.click(screen.getByRole('button', { name: 'Share' }))
  expect(screen.getByText('Write something first.')).toBeTruthy()
  expect(bridge.callsOf('posts.create')).toEqual([])
})

test('ui: editing your own post changes its text and marks it edited', async () => {
  const circle = await Circle.solo()
  const [postId] = await myPosts(circle, ['first try'])
  const { user, bridge } = renderWith(circle.bridge)
  const post = (await feed()).querySelector('article')!
  await user.click(within(post).getByRole('button', { name: 'Edit' }))
  const text = within(post).getByRole('textbox', { name: 'Edit' })
  await user.clear(text)
  await user.type(text, 'second try')
  await user.click(within(post).getByRole('button', { name: 'Save' }))
  // Until the engine has it, the editor (whose box holds the new text too) stays open.
  await waitFor(() => expect(within(post).queryByRole('textbox', { name: 'Edit' })).toBeNull())
  await waitFor(() => expect(within(post).getByText('second try')).toBeTruthy())
  expect(within(post).getByText(/edited/)).toBeTruthy()
  expect(bridge.callsOf('posts.edit')).toEqual([
    { communityId: circle.communityId, postId, text: 'second try', mode: 'listen', note: null }
  ])
})

test('ui: deleting your own post first says honestly what deleting can and cannot do', async () => {
  const circle = await Circle.solo()
  const [, postId] = await myPosts(circle, ['Post number 1', 'Post number 2'])
  const { user, bridge } = renderWith(circle.bridge)
  const list = await feed()
  await user.click(within(articles(list)[0]!).getByRole('button', { name: 'Delete' }))
  const dialog = await screen.findByRole('dialog', { name: 'Delete this post?' })
  expect(
    within(dialog).getByText(
      'Deleting removes it from every up-to-date member’s view, but cannot erase copies others already have.'
    )
  ).toBeTruthy()
  await user.click(within(dialog).getByRole('button', { name: 'Keep it' }))
  expect(bridge.callsOf('posts.delete')).toEqual([])

  await user.click(within(articles(list)[0]!).getByRole('button', { name: 'Delete' }))
  await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete post' }))
  await waitFor(() => expect(articles(list)).toHaveLength(1))
  expect(bridge.callsOf('posts.delete')).toEqual([{ communityId: circle.communityId, postId }])
})

test('ui: 100,000 posts stay a handful of rows in the page, and older pages load with before cursors while scrolling', async () => {
  const circle = await Circle.solo()
  const communityId = circle.communityId
  // No engine can be given 100,000 posts in a test: your engine answers the feed with pages of
  // posts shaped as its own real post, numbered 1 to 100,000.
  const [postId] = await myPosts(circle, ['Post number 1'])
  const real = await circle.me.call('posts.get', { communityId, postId: postId! })
  const TOTAL = 100_000
  const numbered = (seq: number): Post => {
    const id = seq.toString(16).padStart(real.id.length, '0')
    return { ...real, id, root: id, seq, text: `Post number ${seq}` }
  }
  circle.answer('posts.feed', async ({ before = TOTAL + 1, limit = 20 }): Promise<Results['posts.feed']> => {
    const posts: Post[] = []
    for (let seq = before - 1; seq >= 1 && posts.length < limit; seq--) posts.push(numbered(seq))
    const last = posts[posts.length - 1]
    return { posts, next: last && last.seq > 1 ? last.seq : null }
  })
  const { bridge } = renderWith(circle.bridge)
  const list = await feed()
  const scroller = list.closest<HTMLElement>('.post-scroller')!
  expect(articles(list).length).toBeGreaterThan(0)
  expect(articles(list).length).toBeLessThan(20)
  expect(list.getAttribute('aria-setsize')).toBeNull()
  expect(articles(list)[0]!.getAttribute('aria-setsize')).toBe('-1')

  const feedCalls = () => bridge.callsOf('posts.feed') as { before?: number; limit: number }[]
  expect(feedCalls()).toEqual([{ communityId, topic: 'general', limit: 50 }])
  // Scroll down page by page: each time the reader nears the end, the next page is asked for.
  for (let i = 1; i <= 3; i++) {
    await act(async () => {
      // To the end of what is loaded.
      scroller.scrollTop = Number.parseFloat(list.style.height) - 600
      fireEvent.scroll(scroller)
    })
    await waitFor(() => expect(feedCalls()).toHaveLength(i + 1))
    await waitFor(() => expect(list.getAttribute('aria-busy')).toBe('false'))
    expect(feedCalls()[i]).toEqual({
      communityId,
      topic: 'general',
      limit: 50,
      before: 100_001 - 50 * i
    })
  }
  await waitFor(() => expect(articles(list).length).toBeLessThan(25))
  const shown = [...articles(list)].map((a) => Number(a.getAttribute('aria-posinset')))
  expect(Math.min(...shown)).toBeGreaterThan(100)
})

const community6 = ahead(() => withBo(2))
test('ui: a new post from another member appears at the top without a reload', async () => {
  const { circle } = await community6()
  renderWith(circle.bridge)
  const list = await feed()
  await circle.post('Bo', 'Rough night. Anyone else up?')
  await waitFor(() => expect(articles(list)[0]!.textContent).toContain('Rough night. Anyone else up?'))
})

const community7 = ahead(async () => {
  const circle = await Circle.with(['Bo'])
  const rootId = await circle.post('Bo', 'Rough night.', { mode: 'listen' })
  return { circle, rootId }
})
test('ui: a thread shows the post and its replies, and the reply box recalls what the author asked for', async () => {
  const { circle, rootId } = await community7()
  const { user, bridge } = renderWith(circle.bridge)
  const list = await feed()
  await user.click(within(articles(list)[0]!).getByRole('button', { name: 'Reply (Bo)' }))
  const thread = await screen.findByRole('feed', { name: 'Thread' })
  expect(within(thread).getByText('Rough night.')).toBeTruthy()
  expect(screen.getByText(/Bo asked to just be heard/)).toBeTruthy()
  await user.type(screen.getByLabelText('Reply to Bo'), 'Me too. I’m up.')
  await user.click(screen.getByRole('button', { name: 'Reply' }))
  await waitFor(() => expect(within(thread).getByText('Me too. I’m up.')).toBeTruthy())
  expect(bridge.callsOf('posts.create')).toEqual([
    { communityId: circle.communityId, text: 'Me too. I’m up.', replyTo: rootId }
  ])

  await user.keyboard('{Escape}')
  expect(await screen.findByRole('feed', { name: 'Posts in #general' })).toBeTruthy()
  await waitFor(() => expect(screen.getByRole('button', { name: '1 reply' })).toBeTruthy())
})

test('ui: Page Down and Page Up move between posts in the feed', async () => {
  const circle = await Circle.solo()
  await myPosts(
    circle,
    [1, 2, 3, 4, 5].map((n) => `Post number ${n}`)
  )
  const { user } = renderWith(circle.bridge)
  const list = await feed()
  const [first, second] = [...articles(list)]
  first!.focus()
  await user.keyboard('{PageDown}')
  await waitFor(() => expect(document.activeElement).toBe(second))
  await user.keyboard('{PageUp}')
  await waitFor(() => expect(document.activeElement).toBe(first))
})

test('ui: topics list with counts; choosing one shows its feed; a new topic can be added', async () => {
  const circle = await Circle.solo()
  await myPosts(circle, ['Post number 1'])
  await circle.me.call('topics.create', { communityId: circle.communityId, name: 'first-steps' })
  const { user } = renderWith(circle.bridge)
  const topics = await screen.findByRole('navigation', { name: 'Topics' })
  expect(
    within(topics)
      .getByRole('button', { name: /#general/ })
      .getAttribute('aria-current')
  ).toBe('page')
  await user.click(await within(topics).findByRole('button', { name: /#first-steps/ }))
  expect(await screen.findByRole('region', { name: 'Posts in #first-steps' })).toBeTruthy()
  expect(screen.getByText(/you could be the first to share/)).toBeTruthy()
  await user.click(within(topics).getByRole('button', { name: /New topic/ }))
  await user.type(within(topics).getByRole('textbox', { name: 'Topic name' }), 'sleep')
  await user.click(within(topics).getByRole('button', { name: 'Add topic' }))
  expect(await screen.findByRole('region', { name: 'Posts in #sleep' })).toBeTruthy()
})
