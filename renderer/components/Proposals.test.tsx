// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { BO, COMMUNITY, FakeBridge, ME } from '../testing/fake-bridge.js'
import { AGREEMENTS_V1, makeProposal } from '../testing/fake-governance.js'
import { renderWith } from '../testing/render.js'

afterEach(cleanup)

async function agreementsPage(bridge: FakeBridge) {
  const rendered = renderWith(bridge)
  await rendered.user.click(await screen.findByRole('button', { name: 'Agreements' }))
  const page = await screen.findByRole('region', { name: 'Agreements of Night owls' })
  return { ...rendered, page }
}

const card = (page: HTMLElement, title: string) => within(page).findByRole('article', { name: title })

test('ui: a proposal shows what it changes, why, who proposed it, every response and how many consents it needs', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.governance.proposals = [
    makeProposal(1, {
      status: 'adopted',
      change: { kind: 'settings', settings: { defaultReplyMode: 'listen' } },
      reason: 'Quieter replies.'
    }),
    makeProposal(2, {
      change: { kind: 'agreements', text: 'We are peers.\n\nWe listen first.' },
      reason: 'Say listening comes first.',
      responses: [
        { memberId: BO, name: 'Bo', stance: 'consent', note: null },
        { memberId: 'c'.repeat(64), name: 'Cy', stance: 'concern', note: 'Keep it short.' },
        { memberId: 'd'.repeat(64), name: 'Dee', stance: 'object', note: 'Not yet.' }
      ],
      consents: 2,
      objections: 1,
      required: 3
    })
  ]
  const { page } = await agreementsPage(bridge)
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

test('ui: consenting, consenting with a concern (which needs a note), objecting, and taking a response back', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.governance.proposals = [makeProposal(1, { required: 3 })]
  const { page, user } = await agreementsPage(bridge)
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
  await user.click(within(proposal).getByRole('button', { name: 'Send' }))
  expect(within(proposal).getByText('Please say what your concern is.')).toBeTruthy()
  await user.type(
    within(proposal).getByLabelText('Your concern (everyone will see it)'),
    'Three is a lot for us.'
  )
  await user.click(within(proposal).getByRole('button', { name: 'Send' }))
  await waitFor(() => expect(within(proposal).getByText('You consented, with a concern.')).toBeTruthy())

  await user.click(within(proposal).getByRole('button', { name: 'Object…' }))
  await user.type(within(proposal).getByLabelText('Why you object (everyone will see it)'), 'Not now.')
  await user.click(within(proposal).getByRole('button', { name: 'Send' }))
  await waitFor(() => expect(within(proposal).getByText('You objected.')).toBeTruthy())
  await user.click(within(proposal).getByRole('button', { name: 'Withdraw my response' }))
  await waitFor(() => expect(within(proposal).getByText('Your response')).toBeTruthy())
  const proposalId = bridge.governance.proposals[0]!.id
  expect(bridge.callsOf('proposals.respond')).toEqual([
    { communityId: COMMUNITY, proposalId, stance: 'consent' },
    { communityId: COMMUNITY, proposalId, stance: 'concern', note: 'Three is a lot for us.' },
    { communityId: COMMUNITY, proposalId, stance: 'object', note: 'Not now.' }
  ])
  expect(bridge.callsOf('proposals.withdrawResponse')).toEqual([{ communityId: COMMUNITY, proposalId }])
})

test('ui: proposing new agreements needs a reason and a real change, then lists the proposal with your consent', async () => {
  const { page, user, bridge } = await agreementsPage(FakeBridge.withCommunity(0))
  await user.click(within(page).getByRole('button', { name: 'Propose a change' }))
  const dialog = await screen.findByRole('dialog', { name: 'Propose a change' })
  expect(within(dialog).getByText(/adopted when 2 members consent and nobody objects/)).toBeTruthy()
  const text = within(dialog).getByLabelText('The agreements, as you propose them') as HTMLTextAreaElement
  expect(text.value).toBe(AGREEMENTS_V1.text)
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
      communityId: COMMUNITY,
      change: { kind: 'agreements', text: `${AGREEMENTS_V1.text}\n\nWe check in after hard posts.` },
      reason: 'Hard posts go quiet.'
    }
  ])
  const mine = await card(page, 'Change the agreements')
  expect(within(mine).getByText('You proposed this, which counts as your consent.')).toBeTruthy()
  expect(mine.querySelector('.diff-added')?.textContent).toBe('Added: We check in after hard posts.')
  expect(within(mine).queryByRole('button', { name: 'Consent' })).toBeNull()
})

test('ui: your own proposal can be revised (asking everyone again) or withdrawn; a stale one says it needs revising', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.governance.proposals = [
    makeProposal(1, {
      authorId: ME,
      author: 'Ash',
      mine: true,
      myStance: 'consent',
      change: { kind: 'confidentiality', text: 'Old idea.' },
      stale: true
    }),
    makeProposal(2, { authorId: ME, author: 'Ash', mine: true, myStance: 'consent', reason: 'Fewer flags.' })
  ]
  const { page, user } = await agreementsPage(bridge)
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
      communityId: COMMUNITY,
      proposalId: bridge.governance.proposals[0]!.id,
      change: { kind: 'confidentiality', text: 'New idea.' },
      reason: 'Two flags felt too quick.'
    }
  ])
  await waitFor(() => expect(within(stale).getByText(/revision 2/)).toBeTruthy())

  const settings = await card(page, 'Change how the community works')
  await user.click(within(settings).getByRole('button', { name: 'Withdraw proposal' }))
  await waitFor(() => expect(within(settings).getByText('Withdrawn')).toBeTruthy())
})

test('ui: a stale proposal by someone else cannot be responded to, and says why', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.governance.proposals = [makeProposal(1, { change: { kind: 'agreements', text: 'x' }, stale: true })]
  const { page } = await agreementsPage(bridge)
  const stale = await card(page, 'Change the agreements')
  expect(within(stale).getByText(/It needs revising against the current text./)).toBeTruthy()
  expect(within(stale).queryByRole('button', { name: 'Consent' })).toBeNull()
})

test('ui: a removal that concerns you says so plainly, and offers no response', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.governance.proposals = [
    makeProposal(1, {
      change: { kind: 'removal', member: ME },
      reason: 'Repeated advice after asks.',
      aboutMe: true
    })
  ]
  const { page } = await agreementsPage(bridge)
  const removal = await card(page, 'Remove Ash from the community')
  expect(within(removal).getByText(/This proposal is about you/)).toBeTruthy()
  expect(within(removal).getByText('Repeated advice after asks.')).toBeTruthy()
  expect(within(removal).queryByRole('button', { name: 'Consent' })).toBeNull()
})
