// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { Circle, ahead, closeEnginesAfterEach } from '../../testing/engines.js'
import type { Someone } from '../../testing/engines.js'
import { renderWith } from '../../testing/render.js'

afterEach(cleanup)
closeEnginesAfterEach()

/** The agreements these tests found their community with. */
const AGREEMENTS = {
  text: 'We are peers.\n\nSpeak from your own experience\nSay “I” rather than “you should”.',
  confidentiality: 'What is shared here stays here.\n\nEvery member keeps a copy on their own device.'
}
const HOUR = 3_600_000

/** Waits until `who` holds the proposal, then responds to it. */
async function respond(
  who: Someone,
  communityId: string,
  proposalId: string,
  stance: 'consent' | 'concern' | 'object',
  note?: string
) {
  await who.until(async () =>
    (await who.call('proposals.list', { communityId })).some((p) => p.id === proposalId)
  )
  await who.call('proposals.respond', { communityId, proposalId, stance, ...(note ? { note } : {}) })
}

/** Waits until your engine holds the proposal in `status`. */
async function holds(
  circle: Circle,
  proposalId: string,
  check: (p: { status: string; stale: boolean }) => boolean
) {
  const communityId = circle.communityId
  await circle.until(async () =>
    (await circle.me.call('proposals.list', { communityId })).some((p) => p.id === proposalId && check(p))
  )
}

async function agreementsPage(circle: Circle) {
  const rendered = renderWith(circle.bridge)
  await rendered.user.click(await screen.findByRole('button', { name: 'Agreements' }))
  const page = await screen.findByRole('region', { name: 'Agreements of Night owls' })
  return { ...rendered, page }
}

const card = (page: HTMLElement, title: string) => within(page).findByRole('article', { name: title })

// Four members, so a change takes 3 consents. Bo proposed an hour ago (by Bo's clock); Cy consented
// with a concern, Dee objected. An earlier settings change was adopted by all.
const community1 = ahead(async () => {
  let behind = 0
  const circle = await Circle.with([], { agreements: AGREEMENTS })
  const communityId = circle.communityId
  const bo = await circle.join('Bo', { now: () => Date.now() - behind })
  const [cy, dee] = [await circle.join('Cy'), await circle.join('Dee')]
  await circle.adopt(
    { kind: 'settings', settings: { defaultReplyMode: 'listen' } },
    { by: 'Bo', reason: 'Quieter replies.' }
  )
  behind = HOUR
  const { id } = await bo.call('proposals.create', {
    communityId,
    change: { kind: 'agreements', text: 'We are peers.\n\nWe listen first.' },
    reason: 'Say listening comes first.'
  })
  behind = 0
  await respond(cy, communityId, id, 'concern', 'Keep it short.')
  // Dee answers after holding Cy's answer: responses show in the log's order, and two made apart
  // from each other are ordered by the log, not by the clock.
  await dee.until(
    async () => (await dee.call('proposals.get', { communityId, proposalId: id })).responses.length === 2
  )
  await respond(dee, communityId, id, 'object', 'Not yet.')
  await holds(circle, id, () => true)
  await circle.until(
    async () =>
      (await circle.me.call('proposals.get', { communityId, proposalId: id })).responses.length === 3
  )
  return { circle }
})
test('ui: a proposal shows what it changes, why, who proposed it, every response and how many consents it needs', async () => {
  const { circle } = await community1()
  const { page } = await agreementsPage(circle)
  const cards = await within(page).findAllByRole('article')
  // Open proposals come first.
  expect(cards.map((c) => c.getAttribute('class'))).toEqual([
    'proposal proposal-open',
    'proposal proposal-adopted'
  ])
  const open = cards[0]!
  expect(within(open).getByRole('heading', { name: 'Change the agreements' })).toBeTruthy()
  expect(within(open).getByText('Open')).toBeTruthy()
  expect(within(open).getByText(/Proposed by Bo · 1 hour ago/)).toBeTruthy()
  expect(within(open).getByText('Say listening comes first.')).toBeTruthy()
  expect(within(open).getByText('2 of 3 consents needed')).toBeTruthy()
  expect(within(open).getByText(/1 objection/)).toBeTruthy()
  const responses = within(open)
    .getAllByRole('listitem')
    .map((li) => li.textContent)
  expect(responses).toEqual([
    'Bo consents',
    'Cy consents, with a concern: “Keep it short.”',
    'Dee objects: “Not yet.”'
  ])
  // Before and after: what goes and what comes.
  const removed = open.querySelector('.diff-removed')?.textContent
  const added = open.querySelector('.diff-added')?.textContent
  expect(removed).toBe('Taken out: Speak from your own experience')
  expect(added).toBe('Added: We listen first.')
  const adopted = cards[1]!
  expect(within(adopted).getByText('Adopted')).toBeTruthy()
  expect(within(adopted).getByText('Replies are asked for as: Just listen')).toBeTruthy()
  expect(within(adopted).queryByRole('button', { name: 'Consent' })).toBeNull()
})

// Four members; Bo proposed three flags to collapse a post.
const community2 = ahead(async () => {
  const circle = await Circle.with(['Bo', 'Cy', 'Dee'])
  const { id } = await circle.member('Bo').call('proposals.create', {
    communityId: circle.communityId,
    change: { kind: 'settings', settings: { flagsToHide: 3 } },
    reason: 'Two flags felt too quick.'
  })
  await holds(circle, id, () => true)
  return { circle, proposalId: id }
})
test('ui: consenting, consenting with a concern (which needs a note), objecting, and taking a response back', async () => {
  const { circle, proposalId } = await community2()
  const communityId = circle.communityId
  const { page, user, bridge } = await agreementsPage(circle)
  const proposal = await card(page, 'Change how the community works')
  expect(
    within(proposal).getByText(
      'Flags that collapse a post: Flags from 2 members collapse a post for everyone → Flags from 3 members collapse a post for everyone'
    )
  ).toBeTruthy()
  await user.click(within(proposal).getByRole('button', { name: 'Consent' }))
  await waitFor(() => expect(within(proposal).getByText('You consented.')).toBeTruthy())
  expect(within(proposal).getByText('2 of 3 consents needed')).toBeTruthy()

  await user.click(within(proposal).getByRole('button', { name: 'Consent with a concern…' }))
  // The engine tells of the change before it answers the call; Send waits for the answer.
  const send = within(proposal).getByRole('button', { name: 'Send' }) as HTMLButtonElement
  await waitFor(() => expect(send.disabled).toBe(false))
  await user.click(send)
  expect(within(proposal).getByText('Please say what your concern is.')).toBeTruthy()
  await user.type(
    within(proposal).getByLabelText('Your concern (everyone will see it)'),
    'Three is a lot for us.'
  )
  await user.click(within(proposal).getByRole('button', { name: 'Send' }))
  await waitFor(() => expect(within(proposal).getByText('You consented, with a concern.')).toBeTruthy())

  await user.click(await within(proposal).findByRole('button', { name: 'Object…' }))
  await user.type(within(proposal).getByLabelText('Why you object (everyone will see it)'), 'Not now.')
  const sendObjection = within(proposal).getByRole('button', { name: 'Send' }) as HTMLButtonElement
  await waitFor(() => expect(sendObjection.disabled).toBe(false))
  await user.click(sendObjection)
  await waitFor(() => expect(within(proposal).getByText('You objected.')).toBeTruthy())
  await user.click(await within(proposal).findByRole('button', { name: 'Withdraw my response' }))
  await waitFor(() => expect(within(proposal).getByText('Your response')).toBeTruthy())
  expect(bridge.callsOf('proposals.respond')).toEqual([
    { communityId, proposalId, stance: 'consent' },
    { communityId, proposalId, stance: 'concern', note: 'Three is a lot for us.' },
    { communityId, proposalId, stance: 'object', note: 'Not now.' }
  ])
  expect(bridge.callsOf('proposals.withdrawResponse')).toEqual([{ communityId, proposalId }])
})

test('ui: proposing new agreements needs a reason and a real change, then lists the proposal with your consent', async () => {
  const circle = await Circle.solo({ agreements: AGREEMENTS })
  const { page, user, bridge } = await agreementsPage(circle)
  await user.click(within(page).getByRole('button', { name: 'Propose a change' }))
  const dialog = await screen.findByRole('dialog', { name: 'Propose a change' })
  expect(within(dialog).getByText(/adopted when 2 members consent and nobody objects/)).toBeTruthy()
  const text = within(dialog).getByLabelText('The agreements, as you propose them') as HTMLTextAreaElement
  expect(text.value).toBe(AGREEMENTS.text)
  await user.click(within(dialog).getByRole('button', { name: 'Propose' }))
  expect(within(dialog).getByRole('alert').textContent).toBe(
    'That is the same as now. Change something first.'
  )
  await user.type(text, '\n\nWe check in after hard posts.')
  await user.click(within(dialog).getByRole('button', { name: 'Propose' }))
  expect(within(dialog).getByRole('alert').textContent).toBe('Please give a reason.')
  expect(bridge.callsOf('proposals.create')).toEqual([])
  await user.type(within(dialog).getByLabelText('Why? Everyone will see this.'), 'Hard posts go quiet.')
  await user.click(within(dialog).getByRole('button', { name: 'Propose' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  expect(bridge.callsOf('proposals.create')).toEqual([
    {
      communityId: circle.communityId,
      change: { kind: 'agreements', text: `${AGREEMENTS.text}\n\nWe check in after hard posts.` },
      reason: 'Hard posts go quiet.'
    }
  ])
  const mine = await card(page, 'Change the agreements')
  expect(within(mine).getByText('You proposed this, which counts as your consent.')).toBeTruthy()
  expect(mine.querySelector('.diff-added')?.textContent).toBe('Added: We check in after hard posts.')
  expect(within(mine).queryByRole('button', { name: 'Consent' })).toBeNull()
})

// You proposed a new confidentiality section; then the agreements changed by consent, so it went
// stale. You also proposed three flags to collapse a post.
const community4 = ahead(async () => {
  const circle = await Circle.with(['Bo'], { agreements: AGREEMENTS })
  const communityId = circle.communityId
  const { id } = await circle.me.call('proposals.create', {
    communityId,
    change: { kind: 'confidentiality', text: 'Old idea.' },
    reason: 'Two flags felt too quick.'
  })
  await circle.adopt({ kind: 'agreements', text: 'We are peers.' }, { by: 'Bo' })
  await circle.me.call('proposals.create', {
    communityId,
    change: { kind: 'settings', settings: { flagsToHide: 3 } },
    reason: 'Fewer flags.'
  })
  await holds(circle, id, (p) => p.stale)
  return { circle, proposalId: id }
})
test('ui: your own proposal can be revised (asking everyone again) or withdrawn; a stale one says it needs revising', async () => {
  const { circle, proposalId } = await community4()
  const { page, user, bridge } = await agreementsPage(circle)
  const stale = await card(page, 'Change the confidentiality section')
  expect(
    within(stale).getByText(
      'The agreements changed after you wrote this. Revise it against the current text so it can go ahead.'
    )
  ).toBeTruthy()
  await user.click(within(stale).getByRole('button', { name: 'Revise' }))
  const dialog = await screen.findByRole('dialog', { name: 'Revise your proposal' })
  expect(within(dialog).queryByRole('radio')).toBeNull()
  const text = within(dialog).getByLabelText('The confidentiality section, as you propose it')
  await user.clear(text)
  await user.type(text, 'New idea.')
  await user.click(within(dialog).getByRole('button', { name: 'Propose revision' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  expect(bridge.callsOf('proposals.revise')).toEqual([
    {
      communityId: circle.communityId,
      proposalId,
      change: { kind: 'confidentiality', text: 'New idea.' },
      reason: 'Two flags felt too quick.'
    }
  ])
  await waitFor(() => expect(within(stale).getByText(/revision 2/)).toBeTruthy())

  const settings = await card(page, 'Change how the community works')
  await user.click(within(settings).getByRole('button', { name: 'Withdraw proposal' }))
  await waitFor(() => expect(within(settings).getByText('Withdrawn')).toBeTruthy())
})

// Bo proposed new agreements; then the confidentiality section changed by consent, so it went stale.
const community5 = ahead(async () => {
  const circle = await Circle.with(['Bo'])
  const { id } = await circle.member('Bo').call('proposals.create', {
    communityId: circle.communityId,
    change: { kind: 'agreements', text: 'x' },
    reason: 'Shorter.'
  })
  await holds(circle, id, () => true)
  const bo = circle.member('Bo')
  await bo.until(
    async () => (await bo.call('proposals.list', { communityId: circle.communityId })).length > 0
  )
  await circle.adopt({ kind: 'confidentiality', text: 'What is shared here stays here.' })
  await holds(circle, id, (p) => p.stale)
  return { circle }
})
test('ui: a stale proposal by someone else cannot be responded to, and says why', async () => {
  const { circle } = await community5()
  const { page } = await agreementsPage(circle)
  const stale = await card(page, 'Change the agreements')
  expect(within(stale).getByText(/It needs revising against the current text./)).toBeTruthy()
  expect(within(stale).queryByRole('button', { name: 'Consent' })).toBeNull()
})

const community6 = ahead(async () => {
  const circle = await Circle.with(['Bo'])
  const { id } = await circle.member('Bo').call('proposals.create', {
    communityId: circle.communityId,
    change: { kind: 'removal', member: circle.me.id },
    reason: 'Repeated advice after asks.'
  })
  await holds(circle, id, () => true)
  return { circle }
})
test('ui: a removal that concerns you says so plainly, and offers no response', async () => {
  const { circle } = await community6()
  const { page } = await agreementsPage(circle)
  const removal = await card(page, 'Remove Ash from the community')
  expect(within(removal).getByText(/This proposal is about you/)).toBeTruthy()
  expect(within(removal).getByText('Repeated advice after asks.')).toBeTruthy()
  expect(within(removal).queryByRole('button', { name: 'Consent' })).toBeNull()
})
