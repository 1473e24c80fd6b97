// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { Circle, ahead, closeEnginesAfterEach } from '../../testing/engines.js'
import { renderWith } from '../../testing/render.js'

afterEach(cleanup)
closeEnginesAfterEach()

const V2 = { kind: 'agreements', text: 'We are peers.\n\nWe listen first.' } as const

/**
 * Bo founded Night owls and let Cy in; Cy consented to Bo's version 2 of the agreements; Bo posted.
 * You have just joined.
 */
function newcomer(): Promise<Circle> {
  return Circle.newcomer({
    others: ['Cy'],
    prepare: async (bo, communityId, [cy]) => {
      const { id: proposalId } = await bo.call('proposals.create', {
        communityId,
        change: V2,
        reason: 'Shorter.'
      })
      await cy!.until(async () =>
        (await cy!.call('proposals.list', { communityId })).some((p) => p.id === proposalId)
      )
      await cy!.call('proposals.respond', { communityId, proposalId, stance: 'consent' })
      await bo.until(
        async () => (await bo.call('proposals.get', { communityId, proposalId })).status === 'adopted'
      )
      await bo.call('posts.create', { communityId, text: 'Rough night. Anyone else up?' })
    }
  })
}

const community1 = ahead(async () => ({ circle: await newcomer() }))
test('ui: a newcomer sees the agreements and, apart, the confidentiality limits where the compose box will be', async () => {
  const circle = (await community1()).circle
  const { bridge } = renderWith(circle.bridge)
  const gate = await screen.findByRole('region', { name: 'Before you share: what this community has agreed' })
  const text = within(gate).getByRole('region', { name: 'The community’s agreements' })
  expect(within(text).getByRole('heading', { name: 'Our agreements' })).toBeTruthy()
  expect(within(text).getByText('We listen first.')).toBeTruthy()
  const limits = within(text).getByRole('region', { name: 'Confidentiality, and its limits' })
  expect(within(limits).getByText(/every member keeps a copy on their own device/)).toBeTruthy()
  // No compose box until they agree, and responding waits too.
  expect(screen.queryByLabelText('Share with Night owls')).toBeNull()
  const post = (await screen.findByRole('feed', { name: 'Posts in #general' })).querySelector('article')!
  expect((within(post).getByRole('button', { name: 'Me too' }) as HTMLButtonElement).disabled).toBe(true)
  expect(screen.queryByRole('button', { name: 'Invite someone' })).toBeNull()
  expect(bridge.callsOf('agreements.accept')).toEqual([])
})

const community2 = ahead(async () => ({ circle: await newcomer() }))
test('ui: "I agree" accepts the version shown, and then the compose box is there', async () => {
  const circle = (await community2()).circle
  const { user, bridge } = renderWith(circle.bridge)
  await user.click(await screen.findByRole('button', { name: 'I agree' }))
  expect(await screen.findByLabelText('Share with Night owls')).toBeTruthy()
  expect(bridge.callsOf('agreements.accept')).toEqual([{ communityId: circle.communityId, version: 2 }])
  expect(screen.queryByRole('region', { name: /Before you share/ })).toBeNull()
  expect(screen.getByRole('button', { name: 'Invite someone' })).toBeTruthy()
})

const community3 = ahead(async () => ({ circle: await newcomer() }))
test('ui: in a thread, a newcomer is asked to read the agreements before replying', async () => {
  const circle = (await community3()).circle
  const { user, bridge } = renderWith(circle.bridge)
  const feed = await screen.findByRole('feed', { name: 'Posts in #general' })
  await user.click(within(feed.querySelector('article')!).getByRole('button', { name: 'Reply (Bo)' }))
  await screen.findByRole('feed', { name: 'Thread' })
  expect(screen.getByText('Before you reply, please read this community’s agreements.')).toBeTruthy()
  expect(screen.queryByLabelText('Reply to Bo')).toBeNull()
  await user.click(screen.getByRole('button', { name: 'Read the agreements' }))
  const gates = screen.getAllByRole('button', { name: 'I agree' })
  await user.click(gates[gates.length - 1]!)
  expect(await screen.findByLabelText('Reply to Bo')).toBeTruthy()
  expect(bridge.callsOf('agreements.accept')).toEqual([{ communityId: circle.communityId, version: 2 }])
})

const community4 = ahead(async () => ({ circle: await Circle.newcomer() }))
test('ui: when the agreements change, a calm notice leads to them; agreeing again is offered, not required', async () => {
  // You joined and agreed to version 1; then Bo proposed version 2 and you consented.
  const circle = (await community4()).circle
  await circle.me.call('agreements.accept', { communityId: circle.communityId, version: 1 })
  await circle.adopt(V2, { by: 'Bo' })
  const { user, bridge } = renderWith(circle.bridge)
  const notice = await screen.findByText('The agreements changed since you last said “I agree”.')
  // Still free to take part.
  expect(screen.getByLabelText('Share with Night owls')).toBeTruthy()
  await user.click(within(notice).getByRole('button', { name: 'Read them' }))
  const page = await screen.findByRole('region', { name: 'Agreements of Night owls' })
  expect(within(page).getByText(/you agreed to version 1; this is version 2/)).toBeTruthy()
  // The current text (the adopted proposal below it shows the same words).
  const current = page.querySelector<HTMLElement>('.agreements-current')!
  expect(within(current).getByText('We listen first.')).toBeTruthy()
  await user.click(within(page).getByRole('button', { name: 'I agree to this version' }))
  await waitFor(() => expect(within(page).getByText('You have agreed to version 2.')).toBeTruthy())
  expect(bridge.callsOf('agreements.accept')).toEqual([{ communityId: circle.communityId, version: 2 }])
  expect(screen.queryByText('The agreements changed since you last said “I agree”.')).toBeNull()
})

const community5 = ahead(async () => ({ circle: await newcomer() }))
test('ui: the agreements page shows how the community works in plain words, and earlier versions', async () => {
  const circle = (await community5()).circle
  await circle.me.call('agreements.accept', { communityId: circle.communityId, version: 2 })
  await circle.adopt(
    { kind: 'settings', settings: { invite: 'second-member', flagsToHide: 3 } },
    { by: 'Bo' }
  )
  const { user } = renderWith(circle.bridge)
  await user.click(await screen.findByRole('button', { name: 'Agreements' }))
  const page = await screen.findByRole('region', { name: 'Agreements of Night owls' })
  const settings = within(page).getByRole('region', { name: 'How this community works' })
  const terms = [...settings.querySelectorAll('dt')].map((d) => d.textContent)
  const values = [...settings.querySelectorAll('dd')].map((d) => d.textContent)
  expect(terms).toEqual([
    'Who can invite',
    'Flags that collapse a post',
    'Removing a member takes',
    'Other changes take',
    'Replies are asked for as',
    'Decisions are counted among'
  ])
  expect(values[0]).toBe('Any member, once another member seconds the invite')
  expect(values[5]).toBe('Members who finished joining and said “I agree”')
  expect(values[1]).toBe('Flags from 3 members collapse a post for everyone')
  expect(values[3]).toBe('Consent from a majority of members, and no objection')
  expect(values[4]).toBe('Share experiences')
  const history = await within(page).findByRole('region', { name: 'Earlier versions' })
  await user.click(within(history).getByText(/Version 1 · The founding text/))
  expect(within(history).getByText('Say "I" rather than "you should".', { exact: false })).toBeTruthy()
})

const community6 = ahead(async () => ({ circle: await Circle.with(['Bo']) }))
test('ui: proposing a settings change sends only what changed, and the Agreements tab counts open proposals', async () => {
  // With Bo there too, your proposal stays open until Bo responds.
  const circle = (await community6()).circle
  const { user, bridge } = renderWith(circle.bridge)
  const nav = await screen.findByRole('navigation', { name: 'In this community' })
  expect(within(nav).getByRole('button', { name: 'Conversation' }).getAttribute('aria-current')).toBe('page')
  await user.click(within(nav).getByRole('button', { name: 'Agreements' }))
  await user.click(await screen.findByRole('button', { name: 'Propose a change' }))
  const dialog = await screen.findByRole('dialog', { name: 'Propose a change' })
  await user.click(within(dialog).getByRole('radio', { name: 'How the community works' }))
  await user.clear(within(dialog).getByLabelText('Flags that collapse a post'))
  await user.type(within(dialog).getByLabelText('Flags that collapse a post'), '3')
  await user.type(within(dialog).getByLabelText('Why? Everyone will see this.'), 'Two felt quick.')
  await user.click(within(dialog).getByRole('button', { name: 'Propose' }))
  await waitFor(() =>
    expect(within(nav).getByRole('button', { name: 'Agreements 1 open proposal' })).toBeTruthy()
  )
  expect(bridge.callsOf('proposals.create')).toEqual([
    {
      communityId: circle.communityId,
      change: { kind: 'settings', settings: { flagsToHide: 3 } },
      reason: 'Two felt quick.'
    }
  ])
})

const community7 = ahead(async () => ({ circle: await Circle.with(['Bo']) }))
test('ui: a new post starts with the reply mode the community agreed on, and the writer can choose another', async () => {
  const circle = (await community7()).circle
  await circle.adopt({ kind: 'settings', settings: { defaultReplyMode: 'ideas' } })
  const { user, bridge } = renderWith(circle.bridge)
  const box = await screen.findByLabelText('Share with Night owls')
  await user.click(box)
  await waitFor(() =>
    expect((screen.getByRole('radio', { name: /Ideas welcome/ }) as HTMLInputElement).checked).toBe(true)
  )
  await user.type(box, 'Any tips for sleeping?')
  await user.click(screen.getByRole('button', { name: 'Share' }))
  // The engine has taken the first post (the box is empty again) before the writer starts the next.
  await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(''))
  await user.click(box)
  await user.click(screen.getByRole('radio', { name: /Just listen/ }))
  await user.type(box, 'Just a rough night.')
  await user.click(screen.getByRole('button', { name: 'Share' }))
  await waitFor(() => expect(bridge.callsOf('posts.create')).toHaveLength(2))
  expect((bridge.callsOf('posts.create') as { mode: string }[]).map((p) => p.mode)).toEqual([
    'ideas',
    'listen'
  ])
})

test('ui: while a community is still arriving, its Agreements page says so instead of failing', async () => {
  const circle = await Circle.solo()
  circle.refuse('governance.get', 'syncing', 'this community is still syncing its agreements')
  const { user } = renderWith(circle.bridge)
  await user.click(await screen.findByRole('button', { name: 'Agreements' }))
  expect(await screen.findByText('The agreements are still arriving on this device.')).toBeTruthy()
  // Nothing blocks the conversation meanwhile; the engine has the last word on posting.
  await user.click(screen.getByRole('button', { name: 'Conversation' }))
  expect(screen.getByLabelText('Share with Night owls')).toBeTruthy()
})
