// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { BO, COMMUNITY, FakeBridge, ME, makeMember } from '../../testing/fake-bridge.js'
import { makeReachOut } from '../../testing/fake-reaching.js'
import { renderWith } from '../../testing/render.js'

afterEach(cleanup)

const CY = 'f'.repeat(64)

async function openReaching(bridge: FakeBridge) {
  const rendered = renderWith(bridge)
  const nav = await screen.findByRole('navigation', { name: 'In this community' })
  await rendered.user.click(within(nav).getByRole('button', { name: /^Reaching out/ }))
  await screen.findByRole('heading', { level: 2, name: 'Reaching out' })
  return rendered
}

test('ui: reaching out says plainly that Mutual is not a crisis service, and points to resources', async () => {
  const bridge = FakeBridge.withCommunity(0)
  const { user } = await openReaching(bridge)
  expect(screen.getByText(/Mutual is people like you, not a crisis service/)).toBeTruthy()
  expect(screen.getByText(/passed to anyone outside this community/)).toBeTruthy()
  await user.click(screen.getByRole('button', { name: 'See the community’s resources' }))
  expect(await screen.findByRole('region', { name: 'Posts in #resources' })).toBeTruthy()
})

test('ui: availability: open to listen with a note and a limit, and presence can be turned off', async () => {
  const bridge = FakeBridge.withCommunity(0)
  const { user } = await openReaching(bridge)
  const section = screen.getByRole('region', { name: 'How you are here' })
  const none = within(section).getByRole('radio', { name: 'Not saying' }) as HTMLInputElement
  expect(none.checked).toBe(true)
  expect(within(section).queryByLabelText(/At most this many conversations/)).toBeNull()
  await user.click(within(section).getByRole('radio', { name: 'Open to listen' }))
  await user.type(within(section).getByLabelText('A short note (optional)'), 'evenings')
  await user.type(within(section).getByLabelText(/At most this many conversations/), '2')
  await user.click(within(section).getByRole('button', { name: 'Save' }))
  await within(section).findByText('Saved.')
  expect(bridge.callsOf('availability.set')).toEqual([
    { communityId: COMMUNITY, kind: 'open', note: 'evenings', limit: 2 }
  ])
  // Resting has no limit.
  await user.click(within(section).getByRole('radio', { name: 'Resting' }))
  expect(within(section).queryByLabelText(/At most this many conversations/)).toBeNull()

  const presence = within(section).getByRole('checkbox', { name: 'Show others when I’m around' })
  expect((presence as HTMLInputElement).checked).toBe(true)
  expect(within(section).getByText(/never written down anywhere/)).toBeTruthy()
  await user.click(presence)
  await waitFor(() => expect((presence as HTMLInputElement).checked).toBe(false))
  expect(bridge.callsOf('presence.set')).toEqual([{ communityId: COMMUNITY, visible: false }])
})

test('ui: the members panel shows who is around now and who is open to listen', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.members[1]!.aroundNow = true
  bridge.members[1]!.availability = { kind: 'open', note: 'evenings', limit: 2 }
  bridge.members.push(
    makeMember({
      id: CY,
      name: 'Cy',
      joinedSeq: 2,
      availability: { kind: 'resting', note: null, limit: null }
    })
  )
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: 'Members' }))
  const panel = await screen.findByRole('complementary', { name: 'Members' })
  const definition = (term: string) => within(panel).getByText(term).nextElementSibling?.textContent
  expect(definition('Around now')).toBe('Bo')
  expect(definition('Open to listen')).toBe('Bo (evenings)')
  expect(within(panel).getByText(/around now · open to listen: evenings/)).toBeTruthy()
  expect(within(panel).getByText(/resting/)).toBeTruthy()
})

test('ui: "I\'d like to talk" goes to the community, or privately to chosen members', async () => {
  const bridge = FakeBridge.withCommunity(0)
  const { user } = await openReaching(bridge)
  await user.click(screen.getByRole('button', { name: 'I’d like to talk' }))
  const form = screen.getByRole('form', { name: 'I’d like to talk' })
  await user.type(within(form).getByLabelText('A line of context (optional)'), 'rough night')
  await user.click(within(form).getByRole('button', { name: 'Send' }))
  expect(await screen.findByRole('article', { name: 'You would like to talk' })).toBeTruthy()
  expect(bridge.callsOf('reachouts.create')).toEqual([{ communityId: COMMUNITY, context: 'rough night' }])

  await user.click(screen.getByRole('button', { name: 'I’d like to talk' }))
  const again = screen.getByRole('form', { name: 'I’d like to talk' })
  await user.click(within(again).getByRole('radio', { name: 'Only the members I choose' }))
  await user.click(within(again).getByRole('button', { name: 'Send' }))
  expect(within(again).getByText('Please choose at least one member.')).toBeTruthy()
  await user.click(within(again).getByRole('checkbox', { name: 'Bo' }))
  await user.click(within(again).getByRole('button', { name: 'Send' }))
  expect(await screen.findByText(/Sent privately to Bo/)).toBeTruthy()
  expect(bridge.callsOf('reachouts.create')[1]).toEqual({ communityId: COMMUNITY, to: [BO] })
})

test('ui: your unanswered reach-out says so honestly, and after a while points gently to resources', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.reaching.reachOuts = [
    makeReachOut(2, {
      authorId: ME,
      author: 'Ash',
      mine: true,
      context: 'just now',
      createdAt: Date.now() - 60_000
    }),
    makeReachOut(1, {
      authorId: ME,
      author: 'Ash',
      mine: true,
      context: 'a while ago',
      createdAt: Date.now() - 20 * 60_000
    })
  ]
  await openReaching(bridge)
  const [recent, older] = await screen.findAllByRole('article', { name: 'You would like to talk' })
  expect(within(recent!).getByText('No one has answered yet. It stays here for members to see.')).toBeTruthy()
  expect(within(recent!).queryByRole('button', { name: 'See the community’s resources' })).toBeNull()
  expect(within(older!).getByText(/it says nothing about you/)).toBeTruthy()
  expect(within(older!).getByRole('button', { name: 'See the community’s resources' })).toBeTruthy()
  // Answered: the author learns who, and nobody is escalated to.
  bridge.reaching.reachOuts[0]!.answered = true
  bridge.reaching.reachOuts[0]!.answeredBy = ['Bo']
  bridge.changed()
  expect(await within(recent!).findByText('Bo answered. Your conversation is below.')).toBeTruthy()
})

test('ui: "I\'m here" answers, opens the private conversation, and lines can be written and read', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.reaching.reachOuts = [makeReachOut(1, { context: 'rough night' })]
  bridge.reaching.reachOuts.push(makeReachOut(2, { authorId: CY, author: 'Cy', answered: true }))
  bridge.members.push(makeMember({ id: CY, name: 'Cy', joinedSeq: 2 }))
  const { user } = await openReaching(bridge)
  const cy = screen.getByRole('article', { name: 'Cy would like to talk' })
  expect(within(cy).getByText('Someone answered: they are talking privately now.')).toBeTruthy()
  expect(within(cy).queryByRole('button', { name: /I’m here/ })).toBeNull()
  const bo = screen.getByRole('article', { name: 'Bo would like to talk' })
  expect(within(bo).getByText('“rough night”')).toBeTruthy()
  await user.click(within(bo).getByRole('button', { name: 'I’m here, answer Bo' }))

  expect(await screen.findByRole('heading', { name: 'Private conversation with Bo' })).toBeTruthy()
  expect(screen.getByText(/Only the two of you can read this/)).toBeTruthy()
  expect(screen.getByText('You answered Bo’s reach-out: “I’m here”.')).toBeTruthy()
  await user.type(screen.getByLabelText('Write to Bo'), 'I am with you')
  await user.click(screen.getByRole('button', { name: 'Send' }))
  const lines = await screen.findByRole('list', { name: 'Messages' })
  await within(lines).findByText('I am with you')
  bridge.reaching.arrive(BO, { kind: 'message', text: 'thank you for coming' })
  await within(lines).findByText('thank you for coming')
  // Reading marks it read.
  await waitFor(() => expect(bridge.callsOf('conversations.markRead').length).toBeGreaterThan(0))

  await user.click(screen.getByRole('button', { name: 'Close conversation' }))
  expect(await screen.findByText('You closed this conversation. Writing again opens it again.')).toBeTruthy()
  await user.click(screen.getByRole('button', { name: /Back to reaching out/ }))
  const list = screen.getByRole('region', { name: 'Private conversations' })
  expect(within(list).getByRole('button', { name: /Bo/ }).textContent).toMatch(/closed/)
})

test('ui: a conversation says why a line could not go: a device still syncing, or a member you muted', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.reaching.unintroduced.add(BO)
  bridge.members.push(makeMember({ id: CY, name: 'Cy', joinedSeq: 2, muted: true }))
  const { user } = renderWith(bridge)
  await screen.findByRole('heading', { level: 1, name: 'Night owls' })
  bridge.openThread({ communityId: COMMUNITY, memberId: BO })
  await user.type(await screen.findByLabelText('Write to Bo'), 'hello')
  await user.click(screen.getByRole('button', { name: 'Send' }))
  expect(await screen.findByText(/Bo’s device has not introduced itself here yet/)).toBeTruthy()

  bridge.openThread({ communityId: COMMUNITY, memberId: CY })
  expect(await screen.findByText(/You muted Cy on this device, so you cannot write to them/)).toBeTruthy()
  expect(screen.queryByLabelText('Write to Cy')).toBeNull()
})

test('ui: an in-app notice names who would like to talk, never what was said privately, and opens it', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.reaching.reachOuts = [makeReachOut(1, { context: 'rough night' })]
  const { user } = renderWith(bridge)
  await screen.findByRole('heading', { level: 1, name: 'Night owls' })
  bridge.emit({
    type: 'notice',
    notice: {
      communityId: COMMUNITY,
      communityName: 'Night owls',
      kind: 'reach',
      postId: null,
      root: null,
      author: 'Bo',
      excerpt: 'would like to talk: rough night'
    }
  })
  await screen.findByText('would like to talk: rough night')
  await user.click(screen.getByRole('button', { name: 'Open' }))
  expect(await screen.findByRole('button', { name: 'I’m here, answer Bo' })).toBeTruthy()
  expect(screen.queryByText('would like to talk: rough night')).toBeNull()

  bridge.emit({
    type: 'notice',
    notice: {
      communityId: COMMUNITY,
      communityName: 'Night owls',
      kind: 'private',
      postId: null,
      root: null,
      memberId: BO,
      author: 'Bo',
      excerpt: 'asked you to check on them'
    }
  })
  await screen.findByText('asked you to check on them')
  await user.click(screen.getByRole('button', { name: 'Open' }))
  expect(await screen.findByRole('heading', { name: 'Private conversation with Bo' })).toBeTruthy()
})

test('ui: "check on me" goes to chosen members and says nothing else happens', async () => {
  const bridge = FakeBridge.withCommunity(0)
  const { user } = await openReaching(bridge)
  await user.click(screen.getByRole('button', { name: 'Ask someone to check on me' }))
  const dialog = screen.getByRole('dialog', { name: 'Ask someone to check on me' })
  expect(
    within(dialog).getByText(/nobody is told automatically, and nothing goes outside the community/)
  ).toBeTruthy()
  await user.click(within(dialog).getByRole('checkbox', { name: 'Bo' }))
  await user.type(within(dialog).getByLabelText(/Anything they should know/), 'tomorrow morning?')
  await user.click(within(dialog).getByRole('button', { name: 'Ask them' }))
  expect(await screen.findByText(/Asked. It shows in your conversations with them./)).toBeTruthy()
  expect(bridge.callsOf('checkOnMe.send')).toEqual([
    { communityId: COMMUNITY, to: [BO], note: 'tomorrow morning?' }
  ])
})
