// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { BO, COMMUNITY, FakeBridge, ME } from '../testing/fake-bridge.js'
import { renderWith } from '../testing/render.js'

afterEach(cleanup)

const feed = () => screen.findByRole('feed', { name: 'Posts in #general' })
const articles = (within_: HTMLElement) => within_.querySelectorAll('article')

test('ui: the feed shows posts newest first with author, time, reply mode badge and reply count', async () => {
  const bridge = FakeBridge.withCommunity(3)
  bridge.posts[2]!.mode = 'ideas'
  bridge.posts[2]!.replyCount = 2
  bridge.posts[1]!.mode = 'share'
  renderWith(bridge)
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

test('ui: "Me too" is the first and most visible response, and pressing it says so', async () => {
  const bridge = FakeBridge.withCommunity(1)
  bridge.posts[0]!.reactions['me-too'] = 2
  const { user } = renderWith(bridge)
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

  await user.click(buttons[0]!)
  await waitFor(() =>
    expect(within(post).getByRole('button', { name: 'Me too 3' }).getAttribute('aria-pressed')).toBe('true')
  )
  expect(bridge.callsOf('reactions.add')).toEqual([
    { communityId: COMMUNITY, postId: bridge.posts[0]!.id, kind: 'me-too' }
  ])
  await user.click(within(post).getByRole('button', { name: 'Me too 3' }))
  await waitFor(() => expect(bridge.callsOf('reactions.remove')).toHaveLength(1))
})

test('ui: on your own post, what others said is there to read, not to press', async () => {
  const bridge = FakeBridge.withCommunity(1)
  Object.assign(bridge.posts[0]!, {
    mine: true,
    authorId: ME,
    author: 'Ash',
    reactions: { 'me-too': 2, 'hear-you': 1, thanks: 0 }
  })
  renderWith(bridge)
  const post = (await feed()).querySelector('article')!
  expect(within(post).queryByRole('group', { name: 'Responses' })).toBeNull()
  expect(within(post).getByText('2 people said me too')).toBeTruthy()
  expect(within(post).getByText(/1 hear you/)).toBeTruthy()
})

test('ui: a post with a content note stays closed until the reader opens it', async () => {
  const bridge = FakeBridge.withCommunity(1)
  bridge.posts[0]!.note = 'loss'
  bridge.posts[0]!.text = 'The hard anniversary is tomorrow.'
  const { user } = renderWith(bridge)
  const post = (await feed()).querySelector('article')!
  expect(within(post).getByText('loss')).toBeTruthy()
  expect(within(post).queryByText('The hard anniversary is tomorrow.')).toBeNull()
  const show = within(post).getByRole('button', { name: 'Show post' })
  expect(show.getAttribute('aria-expanded')).toBe('false')
  await user.click(show)
  expect(within(post).getByText('The hard anniversary is tomorrow.')).toBeTruthy()
  expect(within(post).getByRole('button', { name: 'Hide post' }).getAttribute('aria-expanded')).toBe('true')
})

test('ui: your own posts say whether they are only on this device, have reached others, or are confirmed', async () => {
  const bridge = FakeBridge.withCommunity(3)
  const states = ['local', 'replicated', 'confirmed'] as const
  bridge.posts.forEach((p, i) =>
    Object.assign(p, { mine: true, authorId: ME, author: 'Ash', state: states[i] })
  )
  renderWith(bridge)
  const list = await feed()
  const badges = [...articles(list)].map((a) => a.querySelector('.state')?.textContent)
  expect(badges).toEqual(['Confirmed', 'Reached others', 'Only on this device'])
  // Other people's posts carry no such badge.
  bridge.arrive({ authorId: BO })
  await waitFor(() => expect(articles(list)).toHaveLength(4))
  expect(articles(list)[0]!.querySelector('.state')).toBeNull()
})

test('ui: composing a post with a reply mode and a content note, and Ctrl+Enter shares it', async () => {
  const { user, bridge } = renderWith(FakeBridge.withCommunity(0))
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
        communityId: COMMUNITY,
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

test('ui: an empty post is not sent, and the box says why', async () => {
  const { user, bridge } = renderWith(FakeBridge.withCommunity(0))
  await user.click(await screen.findByLabelText('Share with Night owls'))
  await user.click(screen.getByRole('button', { name: 'Share' }))
  expect(screen.getByText('Write something first.')).toBeTruthy()
  expect(bridge.callsOf('posts.create')).toEqual([])
})

test('ui: editing your own post changes its text and marks it edited', async () => {
  const bridge = FakeBridge.withCommunity(1)
  Object.assign(bridge.posts[0]!, { mine: true, authorId: ME, author: 'Ash', text: 'first try' })
  const { user } = renderWith(bridge)
  const post = (await feed()).querySelector('article')!
  await user.click(within(post).getByRole('button', { name: 'Edit' }))
  const text = within(post).getByRole('textbox', { name: 'Edit' })
  await user.clear(text)
  await user.type(text, 'second try')
  await user.click(within(post).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(within(post).getByText('second try')).toBeTruthy())
  expect(within(post).getByText(/edited/)).toBeTruthy()
  expect(bridge.callsOf('posts.edit')).toEqual([
    { communityId: COMMUNITY, postId: bridge.posts[0]!.id, text: 'second try', mode: 'listen', note: null }
  ])
})

test('ui: deleting your own post first says honestly what deleting can and cannot do', async () => {
  const bridge = FakeBridge.withCommunity(2)
  Object.assign(bridge.posts[1]!, { mine: true, authorId: ME, author: 'Ash' })
  const { user } = renderWith(bridge)
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
  expect(bridge.callsOf('posts.delete')).toEqual([{ communityId: COMMUNITY, postId: bridge.posts[1]!.id }])
})

test('ui: 100,000 posts stay a handful of rows in the page, and older pages load with before cursors while scrolling', async () => {
  const bridge = FakeBridge.withCommunity(100_000)
  renderWith(bridge)
  const list = await feed()
  const scroller = list.closest<HTMLElement>('.post-scroller')!
  expect(articles(list).length).toBeGreaterThan(0)
  expect(articles(list).length).toBeLessThan(20)
  expect(list.getAttribute('aria-setsize')).toBeNull()
  expect(articles(list)[0]!.getAttribute('aria-setsize')).toBe('-1')

  const feedCalls = () => bridge.callsOf('posts.feed') as { before?: number; limit: number }[]
  expect(feedCalls()).toEqual([{ communityId: COMMUNITY, topic: 'general', limit: 50 }])
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
      communityId: COMMUNITY,
      topic: 'general',
      limit: 50,
      before: 100_001 - 50 * i
    })
  }
  await waitFor(() => expect(articles(list).length).toBeLessThan(25))
  const shown = [...articles(list)].map((a) => Number(a.getAttribute('aria-posinset')))
  expect(Math.min(...shown)).toBeGreaterThan(100)
})

test('ui: a new post from another member appears at the top without a reload', async () => {
  const bridge = FakeBridge.withCommunity(2)
  renderWith(bridge)
  const list = await feed()
  bridge.arrive({ text: 'Rough night. Anyone else up?' })
  await waitFor(() => expect(articles(list)[0]!.textContent).toContain('Rough night. Anyone else up?'))
})

test('ui: a thread shows the post and its replies, and the reply box recalls what the author asked for', async () => {
  const bridge = FakeBridge.withCommunity(1)
  const root = bridge.posts[0]!
  root.text = 'Rough night.'
  const { user } = renderWith(bridge)
  const list = await feed()
  await user.click(within(articles(list)[0]!).getByRole('button', { name: 'Reply (Bo)' }))
  const thread = await screen.findByRole('feed', { name: 'Thread' })
  expect(within(thread).getByText('Rough night.')).toBeTruthy()
  expect(screen.getByText(/Bo asked to just be heard/)).toBeTruthy()
  await user.type(screen.getByLabelText('Reply to Bo'), 'Me too. I’m up.')
  await user.click(screen.getByRole('button', { name: 'Reply' }))
  await waitFor(() => expect(within(thread).getByText('Me too. I’m up.')).toBeTruthy())
  expect(bridge.callsOf('posts.create')).toEqual([
    { communityId: COMMUNITY, text: 'Me too. I’m up.', replyTo: root.id }
  ])

  await user.keyboard('{Escape}')
  expect(await screen.findByRole('feed', { name: 'Posts in #general' })).toBeTruthy()
  await waitFor(() => expect(screen.getByRole('button', { name: '1 reply' })).toBeTruthy())
})

test('ui: Page Down and Page Up move between posts in the feed', async () => {
  const { user } = renderWith(FakeBridge.withCommunity(5))
  const list = await feed()
  const [first, second] = [...articles(list)]
  first!.focus()
  await user.keyboard('{PageDown}')
  await waitFor(() => expect(document.activeElement).toBe(second))
  await user.keyboard('{PageUp}')
  await waitFor(() => expect(document.activeElement).toBe(first))
})

test('ui: topics list with counts; choosing one shows its feed; a new topic can be added', async () => {
  const bridge = FakeBridge.withCommunity(1)
  bridge.topics.push({ name: 'first-steps', postCount: 0 })
  const { user } = renderWith(bridge)
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
