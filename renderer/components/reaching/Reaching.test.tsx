// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { Circle, ahead, closeEnginesAfterEach } from '../../testing/engines.js'
import { renderWith } from '../../testing/render.js'

afterEach(cleanup)
closeEnginesAfterEach()

const MINUTE = 60_000

async function openReaching(circle: Circle) {
  const rendered = renderWith(circle.bridge)
  const nav = await screen.findByRole('navigation', { name: 'In this community' })
  await rendered.user.click(within(nav).getByRole('button', { name: /^Reaching out/ }))
  await screen.findByRole('heading', { level: 2, name: 'Reaching out' })
  return rendered
}

test('ui: reaching out says plainly that Mutual is not a crisis service, and points to resources', async () => {
  const { user } = await openReaching(await Circle.solo())
  expect(screen.getByText(/Mutual is people like you, not a crisis service/)).toBeTruthy()
  expect(screen.getByText(/passed to anyone outside this community/)).toBeTruthy()
  await user.click(screen.getByRole('button', { name: 'See the community’s resources' }))
  expect(await screen.findByRole('region', { name: 'Posts in #resources' })).toBeTruthy()
})

test('ui: availability: open to listen with a note and a limit, and presence can be turned off', async () => {
  const circle = await Circle.solo()
  const { user, bridge } = await openReaching(circle)
  const section = screen.getByRole('region', { name: 'How you are here' })
  const none = (await within(section).findByRole('radio', { name: 'Not saying' })) as HTMLInputElement
  expect(none.checked).toBe(true)
  expect(within(section).queryByLabelText(/At most this many conversations/)).toBeNull()
  await user.click(within(section).getByRole('radio', { name: 'Open to listen' }))
  await user.type(within(section).getByLabelText('A short note (optional)'), 'evenings')
  await user.type(within(section).getByLabelText(/At most this many conversations/), '2')
  await user.click(within(section).getByRole('button', { name: 'Save' }))
  await within(section).findByText('Saved.')
  expect(bridge.callsOf('availability.set')).toEqual([
    { communityId: circle.communityId, kind: 'open', note: 'evenings', limit: 2 }
  ])
  // Resting has no limit.
  await user.click(within(section).getByRole('radio', { name: 'Resting' }))
  expect(within(section).queryByLabelText(/At most this many conversations/)).toBeNull()

  const presence = within(section).getByRole('checkbox', { name: 'Show others when I’m around' })
  expect((presence as HTMLInputElement).checked).toBe(true)
  expect(within(section).getByText(/never written down anywhere/)).toBeTruthy()
  await user.click(presence)
  await waitFor(() => expect((presence as HTMLInputElement).checked).toBe(false))
  expect(bridge.callsOf('presence.set')).toEqual([{ communityId: circle.communityId, visible: false }])
})

const community1 = ahead(async () => ({ circle: await Circle.with(['Bo', 'Cy']) }))
test('ui: the members panel shows who is around now and who is open to listen', async () => {
  // Bo is around and open to listen; Cy is resting and does not show when they are around.
  const circle = (await community1()).circle
  const communityId = circle.communityId
  const [bo, cy] = [circle.member('Bo'), circle.member('Cy')]
  await bo.call('availability.set', { communityId, kind: 'open', note: 'evenings', limit: 2 })
  await cy.call('availability.set', { communityId, kind: 'resting' })
  await cy.call('presence.set', { communityId, visible: false })
  await circle.until(async () => {
    const members = await circle.me.call('members.list', { communityId })
    const [b, c] = [members.find((m) => m.id === bo.id), members.find((m) => m.id === cy.id)]
    return (
      !!b?.aroundNow && b.availability?.kind === 'open' && c?.availability?.kind === 'resting' && !c.aroundNow
    )
  })
  const { user } = renderWith(circle.bridge)
  await user.click(await screen.findByRole('button', { name: 'Members' }))
  const panel = await screen.findByRole('complementary', { name: 'Members' })
  const definition = (term: string) => within(panel).getByText(term).nextElementSibling?.textContent
  expect(definition('Around now')).toBe('Bo')
  expect(definition('Open to listen')).toBe('Bo (evenings)')
  expect(within(panel).getByText(/around now · open to listen: evenings/)).toBeTruthy()
  expect(within(panel).getByText(/resting/)).toBeTruthy()
})

const community2 = ahead(async () => ({ circle: await Circle.with(['Bo']) }))
test('ui: "I\'d like to talk" goes to the community, or privately to chosen members', async () => {
  const circle = (await community2()).circle
  const communityId = circle.communityId
  const { user, bridge } = await openReaching(circle)
  await user.click(screen.getByRole('button', { name: 'I’d like to talk' }))
  const form = screen.getByRole('form', { name: 'I’d like to talk' })
  await user.type(within(form).getByLabelText('A line of context (optional)'), 'rough night')
  await user.click(within(form).getByRole('button', { name: 'Send' }))
  expect(await screen.findByRole('article', { name: 'You would like to talk' })).toBeTruthy()
  expect(bridge.callsOf('reachouts.create')).toEqual([{ communityId, context: 'rough night' }])

  await user.click(screen.getByRole('button', { name: 'I’d like to talk' }))
  const again = screen.getByRole('form', { name: 'I’d like to talk' })
  await user.click(within(again).getByRole('radio', { name: 'Only the members I choose' }))
  await user.click(within(again).getByRole('button', { name: 'Send' }))
  expect(within(again).getByText('Please choose at least one member.')).toBeTruthy()
  await user.click(within(again).getByRole('checkbox', { name: 'Bo' }))
  await user.click(within(again).getByRole('button', { name: 'Send' }))
  expect(await screen.findByText(/Sent privately to Bo/)).toBeTruthy()
  expect(bridge.callsOf('reachouts.create')[1]).toEqual({ communityId, to: [circle.member('Bo').id] })
})

/** Your engine's clock in the next test, moved back to reach out in the past. */
let ago = 0
const community3 = ahead(async () => ({ circle: await Circle.with(['Bo'], { now: () => Date.now() - ago }) }))
test('ui: your unanswered reach-out says so honestly, and after a while points gently to resources', async () => {
  // You reached out twenty minutes ago, then again a minute ago.
  const circle = (await community3()).circle
  const communityId = circle.communityId
  ago = 20 * MINUTE
  await circle.me.call('reachouts.create', { communityId, context: 'a while ago' })
  ago = MINUTE
  const { id: recentId } = await circle.me.call('reachouts.create', { communityId, context: 'just now' })
  ago = 0
  await openReaching(circle)
  const [recent, older] = await screen.findAllByRole('article', { name: 'You would like to talk' })
  expect(within(recent!).getByText('No one has answered yet. It stays here for members to see.')).toBeTruthy()
  expect(within(recent!).queryByRole('button', { name: 'See the community’s resources' })).toBeNull()
  expect(within(older!).getByText(/it says nothing about you/)).toBeTruthy()
  expect(within(older!).getByRole('button', { name: 'See the community’s resources' })).toBeTruthy()
  // Answered: the author learns who, and nobody is escalated to.
  await circle
    .member('Bo')
    .until(async () =>
      (await circle.member('Bo').call('reachouts.list', { communityId })).some((r) => r.id === recentId)
    )
  await circle.member('Bo').call('reachouts.answer', { communityId, reachId: recentId! })
  expect(await within(recent!).findByText('Bo answered. Your conversation is below.')).toBeTruthy()
})

const community4 = ahead(async () => ({ circle: await Circle.with(['Bo', 'Cy']) }))
test('ui: "I\'m here" answers, opens the private conversation, and lines can be written and read', async () => {
  // Bo would like to talk; Cy did too, and Bo answered Cy.
  const circle = (await community4()).circle
  const communityId = circle.communityId
  const [bo, cy] = [circle.member('Bo'), circle.member('Cy')]
  const { id: cysId } = await cy.call('reachouts.create', { communityId })
  await bo.until(async () => (await bo.call('reachouts.list', { communityId })).some((r) => r.id === cysId))
  await bo.call('reachouts.answer', { communityId, reachId: cysId! })
  const { id: bosId } = await bo.call('reachouts.create', { communityId, context: 'rough night' })
  await circle.until(async () => {
    const reachOuts = await circle.me.call('reachouts.list', { communityId })
    return reachOuts.some((r) => r.id === bosId) && reachOuts.some((r) => r.id === cysId && r.answered)
  })
  const { user, bridge } = await openReaching(circle)
  const cys = await screen.findByRole('article', { name: 'Cy would like to talk' })
  expect(within(cys).getByText('Someone answered: they are talking privately now.')).toBeTruthy()
  expect(within(cys).queryByRole('button', { name: /I’m here/ })).toBeNull()
  const bos = await screen.findByRole('article', { name: 'Bo would like to talk' })
  expect(within(bos).getByText('“rough night”')).toBeTruthy()
  await user.click(within(bos).getByRole('button', { name: 'I’m here, answer Bo' }))

  expect(await screen.findByRole('heading', { name: 'Private conversation with Bo' })).toBeTruthy()
  expect(screen.getByText(/Only the two of you can read this/)).toBeTruthy()
  // The answer is a sealed line in the log: it shows once your engine has read it back.
  expect(await screen.findByText('You answered Bo’s reach-out: “I’m here”.')).toBeTruthy()
  await user.type(screen.getByLabelText('Write to Bo'), 'I am with you')
  await user.click(screen.getByRole('button', { name: 'Send' }))
  const lines = await screen.findByRole('list', { name: 'Messages' })
  await within(lines).findByText('I am with you')
  await bo.call('conversations.send', { communityId, memberId: circle.me.id, text: 'thank you for coming' })
  await within(lines).findByText('thank you for coming')
  // Reading marks it read.
  await waitFor(() => expect(bridge.callsOf('conversations.markRead').length).toBeGreaterThan(0))

  await user.click(screen.getByRole('button', { name: 'Close conversation' }))
  expect(await screen.findByText('You closed this conversation. Writing again opens it again.')).toBeTruthy()
  await user.click(screen.getByRole('button', { name: /Back to reaching out/ }))
  const list = screen.getByRole('region', { name: 'Private conversations' })
  expect(within(list).getByRole('button', { name: /Bo/ }).textContent).toMatch(/closed/)
})

const community5 = ahead(async () => ({ circle: await Circle.with(['Bo', 'Cy']) }))
test('ui: a conversation says why a line could not go: a device still syncing, or a member you muted', async () => {
  // You muted Cy. Bo's device not having introduced itself is a state no real engine here stays in,
  // so your engine answers sending with the refusal it gives then.
  const circle = (await community5()).circle
  const communityId = circle.communityId
  const [bo, cy] = [circle.member('Bo'), circle.member('Cy')]
  await circle.me.call('members.mute', { communityId, memberId: cy.id, muted: true })
  circle.refuse(
    'conversations.send',
    'syncing',
    'their device has not introduced itself here yet; you can write once they have been online since joining'
  )
  const { user, bridge } = renderWith(circle.bridge)
  await screen.findByRole('heading', { level: 1, name: 'Night owls' })
  bridge.openThread({ communityId, memberId: bo.id })
  await user.type(await screen.findByLabelText('Write to Bo'), 'hello')
  await user.click(screen.getByRole('button', { name: 'Send' }))
  expect(await screen.findByText(/Bo’s device has not introduced itself here yet/)).toBeTruthy()

  bridge.openThread({ communityId, memberId: cy.id })
  expect(await screen.findByText(/You muted Cy on this device, so you cannot write to them/)).toBeTruthy()
  expect(screen.queryByLabelText('Write to Cy')).toBeNull()
})

const community6 = ahead(async () => ({ circle: await Circle.with(['Bo']) }))
test('ui: an in-app notice names who would like to talk, never what was said privately, and opens it', async () => {
  // The notices are your engine's own, on what Bo does. A reach-out to the community is news only to
  // members open to listen, so you are.
  const circle = (await community6()).circle
  const communityId = circle.communityId
  const bo = circle.member('Bo')
  await circle.me.call('availability.set', { communityId, kind: 'open' })
  const { user } = renderWith(circle.bridge)
  await screen.findByRole('heading', { level: 1, name: 'Night owls' })
  await bo.call('reachouts.create', { communityId, context: 'rough night' })
  await screen.findByText('would like to talk: rough night')
  await user.click(screen.getByRole('button', { name: 'Open' }))
  expect(await screen.findByRole('button', { name: 'I’m here, answer Bo' })).toBeTruthy()
  expect(screen.queryByText('would like to talk: rough night')).toBeNull()

  await bo.call('checkOnMe.send', { communityId, to: [circle.me.id] })
  await screen.findByText('asked you to check on them')
  await user.click(screen.getByRole('button', { name: 'Open' }))
  expect(await screen.findByRole('heading', { name: 'Private conversation with Bo' })).toBeTruthy()
})

const community7 = ahead(async () => ({ circle: await Circle.with(['Bo']) }))
test('ui: "check on me" goes to chosen members and says nothing else happens', async () => {
  const circle = (await community7()).circle
  const { user, bridge } = await openReaching(circle)
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
    { communityId: circle.communityId, to: [circle.member('Bo').id], note: 'tomorrow morning?' }
  ])
})
