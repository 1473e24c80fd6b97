// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { Circle, ahead, closeEnginesAfterEach } from '../testing/engines.js'
import { renderWith } from '../testing/render.js'

afterEach(cleanup)
closeEnginesAfterEach()

const DAY = 24 * 60 * 60 * 1000
const HOUR = 60 * 60 * 1000

test('ui: the invite dialog makes a key with the chosen expiry and number of uses, ready to copy', async () => {
  const circle = await Circle.solo()
  const { user, bridge } = renderWith(circle.bridge)
  await user.click(await screen.findByRole('button', { name: 'Invite someone' }))
  const dialog = await screen.findByRole('dialog', { name: 'Invite someone to Night owls' })
  expect(await within(dialog).findByText(/Any member who is online can let them in/)).toBeTruthy()
  await user.selectOptions(within(dialog).getByLabelText('Expires after'), '1 day')
  await user.selectOptions(within(dialog).getByLabelText('Can be used'), '5 times')
  await user.click(within(dialog).getByRole('button', { name: 'Create invite key' }))

  const key = await within(dialog).findByRole('textbox', { name: 'Invite key' })
  // The key shown is the one the engine made.
  const [made] = bridge.resultsOf('invites.create')
  expect(made?.invite).toBeTruthy()
  expect((key as HTMLTextAreaElement).value).toBe(made?.invite)
  expect(bridge.callsOf('invites.create')).toEqual([
    { communityId: circle.communityId, expiresInMs: DAY, maxUses: 5 }
  ])
  await user.click(within(dialog).getByRole('button', { name: 'Copy key' }))
  await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Copied' })).toBeTruthy())
  expect(await navigator.clipboard.readText()).toBe(made?.invite)
})

const community1 = ahead(async () => ({ circle: await Circle.with([]) }))
test('ui: open invites are listed and can be withdrawn; used, expired and withdrawn ones are not', async () => {
  // Bo makes four invites: one open, one used up, one expired, one withdrawn.
  let behind = 0
  const circle = (await community1()).circle
  const bo = await circle.join('Bo', { now: () => Date.now() - behind })
  const communityId = circle.communityId
  const open1 = await bo.call('invites.create', { communityId, expiresInMs: 2 * HOUR, maxUses: 2 })
  const used = await bo.call('invites.create', { communityId, maxUses: 1 })
  await circle.join('Cy', { invite: used.invite })
  behind = 3 * HOUR
  await bo.call('invites.create', { communityId, expiresInMs: HOUR })
  behind = 0
  const withdrawn = await bo.call('invites.create', { communityId })
  await bo.call('invites.revoke', { communityId, inviteId: withdrawn.id })
  await circle.until(async () =>
    (await circle.me.call('invites.list', { communityId })).some((i) => i.id === withdrawn.id && i.revoked)
  )
  const { user, bridge } = renderWith(circle.bridge)
  await user.click(await screen.findByRole('button', { name: 'Invite someone' }))
  const open = await screen.findByRole('region', { name: 'Open invites' })
  await waitFor(() => expect(within(open).getAllByRole('listitem')).toHaveLength(1))
  expect(within(open).getByText('Made by Bo · 0 of 2 used · expires in 2 hours')).toBeTruthy()
  await user.click(within(open).getByRole('button', { name: 'Withdraw the invite that expires in 2 hours' }))
  await waitFor(() => expect(within(open).getByText('No open invites.')).toBeTruthy())
  expect(bridge.callsOf('invites.revoke')).toEqual([{ communityId, inviteId: open1.id }])
})

test('ui: Escape closes the invite dialog and focus returns to the button that opened it', async () => {
  const { user } = renderWith((await Circle.solo()).bridge)
  const opener = await screen.findByRole('button', { name: 'Invite someone' })
  await user.click(opener)
  await screen.findByRole('dialog')
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  expect(document.activeElement).toBe(opener)
})

const community2 = ahead(async () => ({ circle: await Circle.with(['Bo']) }))
test('ui: where invites need a second member, the dialog says so, and others’ waiting invites can be seconded', async () => {
  const circle = (await community2()).circle
  const communityId = circle.communityId
  await circle.adopt({ kind: 'settings', settings: { invite: 'second-member' } })
  const bos = await circle.member('Bo').call('invites.create', { communityId, expiresInMs: 2 * HOUR })
  expect(bos.awaitingSecond).toBe(true)
  await circle.until(async () =>
    (await circle.me.call('invites.list', { communityId })).some((i) => i.id === bos.id)
  )
  const { user, bridge } = renderWith(circle.bridge)
  await user.click(await screen.findByRole('button', { name: 'Invite someone' }))
  const dialog = await screen.findByRole('dialog', { name: 'Invite someone to Night owls' })
  expect(await within(dialog).findByText(/a new key works once another member has seconded it/)).toBeTruthy()
  await user.click(within(dialog).getByRole('button', { name: 'Create invite key' }))
  await within(dialog).findByRole('textbox', { name: 'Invite key' })
  expect(within(dialog).getByText(/It works once another member seconds it/)).toBeTruthy()
  const open = within(dialog).getByRole('region', { name: 'Open invites' })
  await waitFor(() => expect(within(open).getAllByRole('listitem')).toHaveLength(2))
  // Your own invite waits for someone else; Bo's can be seconded by you.
  expect(within(open).getAllByRole('button', { name: /^Second this invite/ })).toHaveLength(1)
  await user.click(within(open).getByRole('button', { name: /^Second this invite, made by Bo/ }))
  await waitFor(() => expect(within(open).getByText(/seconded by Ash/)).toBeTruthy())
  expect(bridge.callsOf('invites.second')).toEqual([{ communityId, inviteId: bos.id }])
})

const community3 = ahead(async () => ({ circle: await Circle.with(['Bo']) }))
test('ui: the members panel lists invites waiting for a second member, to second there', async () => {
  const circle = (await community3()).circle
  const communityId = circle.communityId
  await circle.adopt({ kind: 'settings', settings: { invite: 'second-member' } })
  const bos = await circle
    .member('Bo')
    .call('invites.create', { communityId, expiresInMs: 2 * HOUR, maxUses: 1 })
  await circle.me.call('invites.create', { communityId, expiresInMs: 2 * HOUR })
  await circle.until(async () =>
    (await circle.me.call('invites.list', { communityId })).some((i) => i.id === bos.id)
  )
  const { user, bridge } = renderWith(circle.bridge)
  await user.click(await screen.findByRole('button', { name: 'Members' }))
  const pending = await screen.findByRole('region', { name: 'Invites waiting for a second member' })
  expect(
    within(pending)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('span')?.textContent)
  ).toEqual(['Bo made an invite for one person · expires in 2 hours'])
  await user.click(within(pending).getByRole('button', { name: /^Second this invite/ }))
  await waitFor(() =>
    expect(screen.queryByRole('region', { name: 'Invites waiting for a second member' })).toBeNull()
  )
  expect(bridge.callsOf('invites.second')).toEqual([{ communityId, inviteId: bos.id }])
})
