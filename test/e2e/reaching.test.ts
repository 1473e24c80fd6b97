// Reaching out in the production renderer, three members on real engines over
// a local testnet: Ash says "open to listen"; Bo says "I'd like to talk"; Ash
// is told, answers "I'm here", and the two write privately; Cy sees that the
// reach-out was answered and cannot read a word of the conversation. Then the
// support plan: shared, and the honest words for stopping a share.
import { expect, test } from 'vitest'
import {
  agreeIn,
  expectAccessible,
  joinWith,
  makeInvite,
  sceneFor,
  screenshot,
  startCommunity,
  tabOn
} from './harness.js'
import type { Member } from './harness.js'

const NAME = 'Harbour lights'
let ash: Member
let bo: Member
let cy: Member
const { timings } = sceneFor(
  'reaching-out',
  [['Ash'], ['Bo', { colorScheme: 'dark' }], ['Cy']],
  (m) => ([ash, bo, cy] = m as [Member, Member, Member])
)

const tab = tabOn

async function join(m: Member, key: string): Promise<void> {
  await joinWith(m, key, NAME)
  await agreeIn(m, NAME)
}

const SECRET = 'The thing I have never told anyone: nights are the hardest.'

test('e2e: open to listen, "I’d like to talk", "I’m here", a private conversation, and a third member who only sees it was answered', async () => {
  await startCommunity(ash, NAME, 'Ash')
  const key = await makeInvite(ash, NAME, '5 times')
  await Promise.all([join(bo, key), join(cy, key)])
  await ash.page.getByText('3 members').waitFor()

  // Ash says "open to listen", with a note; nothing else is needed to be told.
  await tab(ash, /^Reaching out/).click()
  const how = ash.page.getByRole('region', { name: 'How you are here' })
  await how.getByRole('radio', { name: 'Open to listen' }).check()
  await how.getByLabel('A short note (optional)').fill('evenings')
  await how.getByRole('button', { name: 'Save' }).click()
  await how.getByText('Saved.').waitFor()
  await ash.page.getByText(/Mutual is people like you, not a crisis service/).waitFor()
  await how.scrollIntoViewIfNeeded()
  await screenshot(ash, '31-open-to-listen-light')
  await expectAccessible(ash)

  // Bo's members panel shows who is around now and who is open to listen.
  const setAt = Date.now()
  await bo.page.getByRole('button', { name: 'Members' }).click()
  const panel = bo.page.getByRole('complementary', { name: 'Members' })
  await panel.locator('dd', { hasText: 'Ash (evenings)' }).waitFor()
  await panel.locator('dt', { hasText: 'Around now' }).locator('xpath=..').getByText(/Ash/).waitFor()
  timings.push(`availability: "open to listen" reached another member's panel in ${Date.now() - setAt} ms`)
  await screenshot(bo, '32-members-around-dark')
  await expectAccessible(bo)
  await panel.getByRole('button', { name: 'Close members' }).click()

  // Bo would like to talk, with a line of context.
  await tab(bo, /^Reaching out/).click()
  await bo.page.getByRole('button', { name: 'I’d like to talk' }).click()
  const form = bo.page.getByRole('form', { name: 'I’d like to talk' })
  await form.getByLabel('A line of context (optional)').fill('rough night')
  await screenshot(bo, '33-reach-out-form-dark')
  await expectAccessible(bo)
  const reachAt = Date.now()
  await form.getByRole('button', { name: 'Send' }).click()
  const mine = bo.page.getByRole('article', { name: 'You would like to talk' })
  await mine.getByText('No one has answered yet. It stays here for members to see.').waitFor()

  // Ash, open to listen, is told in the app, and answers.
  const notice = ash.page.locator('.reach-notice', { hasText: 'would like to talk: rough night' })
  await notice.waitFor()
  timings.push(`reach-out: the listener was notified ${Date.now() - reachAt} ms after "I'd like to talk"`)
  await notice.getByText('Bo').waitFor()
  await screenshot(ash, '34-reach-notice-light')
  await expectAccessible(ash)
  await notice.getByRole('button', { name: 'Open' }).click()
  const theirs = ash.page.getByRole('article', { name: 'Bo would like to talk' })
  await theirs.getByText('“rough night”').waitFor()
  const answerAt = Date.now()
  await theirs.getByRole('button', { name: 'I’m here, answer Bo' }).click()
  await ash.page.getByRole('heading', { name: 'Private conversation with Bo' }).waitFor()
  await ash.page.getByText('You answered Bo’s reach-out: “I’m here”.').waitFor()
  await ash.page.getByLabel('Write to Bo').fill('I’m here. Take your time.')
  await ash.page.getByRole('button', { name: 'Send', exact: true }).click()
  const ashLines = ash.page.getByRole('list', { name: 'Messages' })
  await ashLines.getByText('I’m here. Take your time.').waitFor()

  // Bo learns who answered, and the conversation is there to open.
  await mine.getByText('Ash answered. Your conversation is below.').waitFor()
  timings.push(`answer: Bo saw "Ash answered" ${Date.now() - answerAt} ms after "I'm here"`)
  const conversations = bo.page.getByRole('region', { name: 'Private conversations' })
  await conversations.getByRole('button', { name: /Ash/ }).click()
  await bo.page.getByRole('heading', { name: 'Private conversation with Ash' }).waitFor()
  const boLines = bo.page.getByRole('list', { name: 'Messages' })
  await boLines.getByText('Ash answered your reach-out: “I’m here”.').waitFor()
  await boLines.getByText('I’m here. Take your time.').waitFor()
  await bo.page.getByLabel('Write to Ash').fill(SECRET)
  const sentAt = Date.now()
  await bo.page.getByRole('button', { name: 'Send', exact: true }).click()
  await boLines.getByText(SECRET).waitFor()
  await ashLines.getByText(SECRET).waitFor()
  timings.push(`private message: on the other screen ${Date.now() - sentAt} ms after Send`)
  await screenshot(ash, '35-private-conversation-light')
  await expectAccessible(ash)
  await screenshot(bo, '36-private-conversation-dark')
  await expectAccessible(bo)

  // Cy sees that Bo's reach-out was answered, not by whom, and no conversation to read.
  await tab(cy, /^Reaching out/).click()
  const onCy = cy.page.getByRole('article', { name: 'Bo would like to talk' })
  await onCy.getByText('Someone answered: they are talking privately now.').waitFor()
  expect(await onCy.getByRole('button', { name: /I’m here/ }).count()).toBe(0)
  await cy.page.getByText(/No private conversations yet/).waitFor()
  const cyText = await cy.page.locator('body').innerText()
  expect(cyText).not.toContain(SECRET)
  expect(cyText).not.toContain('Take your time')
  expect(cyText).not.toContain('Ash answered')
  // Not through the engine either: Cy holds the community key, not the pair's.
  const cyCommunity = (await cy.handlers['communities.list']({}))[0]
  expect(cyCommunity).toBeDefined()
  const cyConversations = await cy.handlers['conversations.list']({ communityId: cyCommunity!.id })
  expect(cyConversations).toEqual([])
  await screenshot(cy, '37-reach-answered-for-others-light')
  await expectAccessible(cy)
  for (const m of [ash, bo, cy]) expect(m.problems).toEqual([])
})

test('e2e: a support plan shared in a conversation reaches its reader; stopping says what it can and cannot do', async () => {
  await tab(bo, /^Support plan/).click()
  await bo.page.getByLabel('What helps').fill('A walk, quiet company, tea.')
  await bo.page.getByLabel('What I want from supporters').fill('Check in, do not fix.')
  await bo.page.getByRole('button', { name: 'Save plan' }).click()
  await bo.page.getByText('Saved on this device.').waitFor()
  const plan = bo.page.getByRole('region', { name: 'My support plan' })
  await plan.getByLabel('Share with').selectOption({ label: 'Ash' })
  await plan.getByRole('button', { name: 'Share', exact: true }).click()
  await plan.getByText('Shared with Ash').waitFor()

  await tab(ash, /^Support plan/).click()
  const shared = ash.page.getByRole('article', { name: 'Bo’s support plan' })
  await shared.getByText('Check in, do not fix.').waitFor()
  await shared.scrollIntoViewIfNeeded()
  await screenshot(ash, '38-plan-shared-with-me-light')
  await expectAccessible(ash)
  // Cy was never given it.
  await tab(cy, /^Support plan/).click()
  await cy.page.getByText('Nobody here has shared a plan with you.').waitFor()

  await plan.getByRole('button', { name: 'Stop sharing with Ash' }).click()
  const stop = bo.page.getByRole('dialog', { name: 'Stop sharing your plan with Ash?' })
  await stop
    .getByText(
      'From now on, your edits stop reaching Ash. What Ash already saw stays with them; nobody can take it back.'
    )
    .waitFor()
  await screenshot(bo, '39-plan-stop-sharing-dark')
  await expectAccessible(bo)
  await stop.getByRole('button', { name: 'Stop sharing' }).click()
  await bo.page.getByText('Stopped sharing with Ash. Future edits no longer reach them.').waitFor()
  await ash.page.getByText('Nobody here has shared a plan with you.').waitFor()
  for (const m of [ash, bo, cy]) expect(m.problems).toEqual([])
})
