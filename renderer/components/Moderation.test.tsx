// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { BO, COMMUNITY, FakeBridge, ME } from '../testing/fake-bridge.js'
import { renderWith } from '../testing/render.js'

afterEach(cleanup)

const firstPost = async () =>
  (await screen.findByRole('feed', { name: 'Posts in #general' })).querySelector('article') as HTMLElement

const CY = 'c'.repeat(64)

test('ui: flagging a post asks why, says flags are not anonymous, and can be withdrawn', async () => {
  const bridge = FakeBridge.withCommunity(1)
  const { user } = renderWith(bridge)
  const post = await firstPost()
  await user.click(within(post).getByRole('button', { name: 'More for the post by Bo' }))
  await user.click(within(post).getByRole('button', { name: 'Flag for the community' }))
  const dialog = await screen.findByRole('dialog', { name: 'Flag this post for the community' })
  expect(within(dialog).getByText(/Flags are not anonymous/)).toBeTruthy()
  expect(within(dialog).getByText(/When 2 members flag a post, it collapses for everyone/)).toBeTruthy()
  await user.click(within(dialog).getByRole('button', { name: 'Flag post' }))
  expect(within(dialog).getByText('Please give a reason.')).toBeTruthy()
  expect(bridge.callsOf('flags.add')).toEqual([])
  await user.type(
    within(dialog).getByLabelText('Why are you flagging it?'),
    'Advice after a just-listen ask.'
  )
  await user.click(within(dialog).getByRole('button', { name: 'Flag post' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  // Keyboard users come back to where they were.
  expect(document.activeElement).toBe(within(post).getByRole('button', { name: 'More for the post by Bo' }))
  const postId = bridge.posts[0]!.id
  expect(bridge.callsOf('flags.add')).toEqual([
    { communityId: COMMUNITY, postId, reason: 'Advice after a just-listen ask.' }
  ])
  // One flag of two: still open, and the flag is there for anyone to read.
  await waitFor(() => expect(within(post).getByText('1 member flagged it:')).toBeTruthy())
  await user.click(within(post).getByRole('button', { name: 'More for the post by Bo' }))
  await user.click(within(post).getByRole('button', { name: 'Withdraw my flag' }))
  await waitFor(() => expect(within(post).queryByText('1 member flagged it:')).toBeNull())
  expect(bridge.callsOf('flags.remove')).toEqual([{ communityId: COMMUNITY, postId }])
})

test('ui: a collapsed post shows who flagged it and why, and opens only on purpose', async () => {
  const bridge = FakeBridge.withCommunity(1)
  Object.assign(bridge.posts[0]!, {
    text: 'You should just stop.',
    collapsed: true,
    flags: [
      { byId: ME, by: 'Ash', reason: 'Advice after a just-listen ask.' },
      { byId: CY, by: 'Cy', reason: 'Felt harsh.' }
    ],
    flaggedByMe: true
  })
  const { user } = renderWith(bridge)
  const post = await firstPost()
  expect(within(post).getByText('Collapsed by the community')).toBeTruthy()
  expect(within(post).getByText('2 members flagged it:')).toBeTruthy()
  expect(within(post).getByText('Ash: “Advice after a just-listen ask.”')).toBeTruthy()
  expect(within(post).getByText('Cy: “Felt harsh.”')).toBeTruthy()
  expect(within(post).queryByText('You should just stop.')).toBeNull()
  expect(within(post).queryByRole('button', { name: 'Ask for a review' })).toBeNull()
  await user.click(within(post).getByRole('button', { name: 'Open anyway' }))
  expect(within(post).getByText('You should just stop.')).toBeTruthy()
  await user.click(within(post).getByRole('button', { name: 'Fold it again' }))
  expect(within(post).queryByText('You should just stop.')).toBeNull()
})

test('ui: the author of a collapsed post can ask the community for a review', async () => {
  const bridge = FakeBridge.withCommunity(1)
  Object.assign(bridge.posts[0]!, {
    mine: true,
    authorId: ME,
    author: 'Ash',
    collapsed: true,
    flags: [
      { byId: BO, by: 'Bo', reason: 'Too much detail.' },
      { byId: CY, by: 'Cy', reason: 'Same.' }
    ]
  })
  const { user } = renderWith(bridge)
  const post = await firstPost()
  expect(within(post).getByText('Members collapsed your post')).toBeTruthy()
  // Nobody flags their own post.
  expect(within(post).queryByRole('button', { name: /More for the post/ })).toBeNull()
  await user.click(within(post).getByRole('button', { name: 'Ask for a review' }))
  const dialog = await screen.findByRole('dialog', { name: 'Ask the community to look again' })
  await user.type(
    within(dialog).getByLabelText('What would you like members to know?'),
    'I took out the numbers.'
  )
  await user.click(within(dialog).getByRole('button', { name: 'Ask for a review' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  expect(bridge.callsOf('proposals.create')).toEqual([
    {
      communityId: COMMUNITY,
      change: { kind: 'review', postId: bridge.posts[0]!.id },
      reason: 'I took out the numbers.'
    }
  ])
})

test('ui: hiding a post is only on this device, and can be undone', async () => {
  const bridge = FakeBridge.withCommunity(1)
  const { user } = renderWith(bridge)
  let post = await firstPost()
  await user.click(within(post).getByRole('button', { name: 'More for the post by Bo' }))
  expect(within(post).getByText('Hiding and muting are only on this device. Nobody is told.')).toBeTruthy()
  await user.click(within(post).getByRole('button', { name: 'Hide for me' }))
  await screen.findByText('You hid this post on this device.')
  post = await firstPost()
  expect(within(post).queryByText('Post number 1')).toBeNull()
  await user.click(within(post).getByRole('button', { name: 'Show it again' }))
  await waitFor(async () => expect(within(await firstPost()).getByText('Post number 1')).toBeTruthy())
  const postId = bridge.posts[0]!.id
  expect(bridge.callsOf('posts.hideForMe')).toEqual([
    { communityId: COMMUNITY, postId, hidden: true },
    { communityId: COMMUNITY, postId, hidden: false }
  ])
})

test('ui: muting someone folds their posts on this device, each can still be shown, and they can be unmuted', async () => {
  const bridge = FakeBridge.withCommunity(2)
  const { user } = renderWith(bridge)
  let post = await firstPost()
  await user.click(within(post).getByRole('button', { name: 'More for the post by Bo' }))
  await user.click(within(post).getByRole('button', { name: 'Mute Bo' }))
  await waitFor(() =>
    expect(screen.getAllByText('A post from someone you muted on this device.')).toHaveLength(2)
  )
  expect(screen.queryByText('Post number 2')).toBeNull()
  post = await firstPost()
  await user.click(within(post).getByRole('button', { name: 'Show this post' }))
  expect(within(post).getByText('Post number 2')).toBeTruthy()
  await user.click(within(post).getByRole('button', { name: 'More for the post by Bo' }))
  await user.click(within(post).getByRole('button', { name: 'Unmute Bo' }))
  await waitFor(() => expect(screen.queryByText('A post from someone you muted on this device.')).toBeNull())
  expect(bridge.callsOf('members.mute')).toEqual([
    { communityId: COMMUNITY, memberId: BO, muted: true },
    { communityId: COMMUNITY, memberId: BO, muted: false }
  ])
})

test('ui: in the members panel, muting says nobody is told, and proposing a removal is honest about its limits', async () => {
  const bridge = FakeBridge.withCommunity(0)
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: 'Members' }))
  const panel = await screen.findByRole('complementary', { name: 'Members' })
  expect(within(panel).queryByRole('button', { name: 'Options for Ash' })).toBeNull()
  await user.click(within(panel).getByRole('button', { name: 'Options for Bo' }))
  expect(within(panel).getByText(/Bo is not told, and nothing changes for anyone else/)).toBeTruthy()
  await user.click(within(panel).getByRole('button', { name: 'Mute on this device' }))
  await waitFor(() => expect(within(panel).getByText('muted by you')).toBeTruthy())
  await user.click(within(panel).getByRole('button', { name: 'Unmute' }))
  await waitFor(() => expect(within(panel).queryByText('muted by you')).toBeNull())

  await user.click(within(panel).getByRole('button', { name: 'Propose removing…' }))
  const dialog = await screen.findByRole('dialog', { name: 'Propose removing Bo' })
  expect(within(dialog).getByText(/What they already received stays with them/)).toBeTruthy()
  await user.type(
    within(dialog).getByLabelText(/Why\? Every member, including them/),
    'Repeated harsh replies.'
  )
  await user.click(within(dialog).getByRole('button', { name: 'Propose removing' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  expect(bridge.callsOf('proposals.create')).toEqual([
    { communityId: COMMUNITY, change: { kind: 'removal', member: BO }, reason: 'Repeated harsh replies.' }
  ])
})

test('ui: when the community removed you, a calm notice gives the reason and what stays with you', async () => {
  const bridge = FakeBridge.withCommunity(1)
  bridge.governance.removed = { reason: 'Repeated harsh replies.', proposalId: '1'.repeat(16) }
  const { user } = renderWith(bridge)
  const notice = await screen.findByRole('region', {
    name: 'Night owls decided that you are no longer a member'
  })
  expect(within(notice).getByText('Repeated harsh replies.')).toBeTruthy()
  expect(within(notice).getByText(/You can no longer post, reply or respond here/)).toBeTruthy()
  expect(within(notice).getByText(/What you already have stays on this device/)).toBeTruthy()
  expect(screen.queryByRole('navigation', { name: 'In this community' })).toBeNull()
  await user.click(within(notice).getByRole('button', { name: 'Read what you have' }))
  const post = await firstPost()
  expect(within(post).getByText('Post number 1')).toBeTruthy()
  expect((within(post).getByRole('button', { name: 'Me too' }) as HTMLButtonElement).disabled).toBe(true)
  expect(screen.queryByLabelText('Share with Night owls')).toBeNull()
  expect(screen.queryByRole('button', { name: 'Invite someone' })).toBeNull()
})
