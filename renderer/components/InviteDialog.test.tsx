// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import type { InviteInfo } from '../../core/domain/types.js'
import { COMMUNITY, FakeBridge, makeInvite } from '../testing/fake-bridge.js'
import { renderWith } from '../testing/render.js'

afterEach(cleanup)

const DAY = 24 * 60 * 60 * 1000

test('ui: the invite dialog makes a key with the chosen expiry and number of uses, ready to copy', async () => {
  const { user, bridge } = renderWith(FakeBridge.withCommunity(0))
  await user.click(await screen.findByRole('button', { name: 'Invite someone' }))
  const dialog = await screen.findByRole('dialog', { name: 'Invite someone to Night owls' })
  expect(within(dialog).getByText(/Any member who is online can let them in/)).toBeTruthy()
  await user.selectOptions(within(dialog).getByLabelText('Expires after'), '1 day')
  await user.selectOptions(within(dialog).getByLabelText('Can be used'), '5 times')
  await user.click(within(dialog).getByRole('button', { name: 'Create invite key' }))

  const key = await within(dialog).findByRole('textbox', { name: 'Invite key' })
  expect((key as HTMLTextAreaElement).value).toBe('invite-key-0001')
  expect(bridge.callsOf('invites.create')).toEqual([{ communityId: COMMUNITY, expiresInMs: DAY, maxUses: 5 }])
  await user.click(within(dialog).getByRole('button', { name: 'Copy key' }))
  await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Copied' })).toBeTruthy())
  expect(await navigator.clipboard.readText()).toBe('invite-key-0001')
})

test('ui: open invites are listed and can be withdrawn; used, expired and withdrawn ones are not', async () => {
  const bridge = FakeBridge.withCommunity(0)
  const now = Date.now()
  const invite = (n: number, patch: Partial<InviteInfo>) =>
    makeInvite(n, { expiresAt: now + 2 * 3_600_000, ...patch })
  bridge.invites = [
    invite(1, {}),
    invite(2, { uses: 2 }),
    invite(3, { expiresAt: now - 1000 }),
    invite(4, { revoked: true })
  ]
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: 'Invite someone' }))
  const open = await screen.findByRole('region', { name: 'Open invites' })
  await waitFor(() => expect(within(open).getAllByRole('listitem')).toHaveLength(1))
  expect(within(open).getByText('Made by Bo · 0 of 2 used · expires in 2 hours')).toBeTruthy()
  await user.click(within(open).getByRole('button', { name: 'Withdraw the invite that expires in 2 hours' }))
  await waitFor(() => expect(within(open).getByText('No open invites.')).toBeTruthy())
  expect(bridge.callsOf('invites.revoke')).toEqual([{ communityId: COMMUNITY, inviteId: invite(1, {}).id }])
})

test('ui: Escape closes the invite dialog and focus returns to the button that opened it', async () => {
  const { user } = renderWith(FakeBridge.withCommunity(0))
  const opener = await screen.findByRole('button', { name: 'Invite someone' })
  await user.click(opener)
  await screen.findByRole('dialog')
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  expect(document.activeElement).toBe(opener)
})

test('ui: where invites need a second member, the dialog says so, and others’ waiting invites can be seconded', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.governance.settings = { ...bridge.governance.settings, invite: 'second-member' }
  bridge.invites = [makeInvite(1, { awaitingSecond: true, createdBy: 'Bo' })]
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: 'Invite someone' }))
  const dialog = await screen.findByRole('dialog', { name: 'Invite someone to Night owls' })
  expect(within(dialog).getByText(/a new key works once another member has seconded it/)).toBeTruthy()
  await user.click(within(dialog).getByRole('button', { name: 'Create invite key' }))
  await within(dialog).findByRole('textbox', { name: 'Invite key' })
  expect(within(dialog).getByText(/It works once another member seconds it/)).toBeTruthy()
  const open = within(dialog).getByRole('region', { name: 'Open invites' })
  await waitFor(() => expect(within(open).getAllByRole('listitem')).toHaveLength(2))
  // Your own invite waits for someone else; Bo's can be seconded by you.
  expect(within(open).getAllByRole('button', { name: /^Second this invite/ })).toHaveLength(1)
  await user.click(within(open).getByRole('button', { name: /^Second this invite, made by Bo/ }))
  await waitFor(() => expect(within(open).getByText(/seconded by Ash/)).toBeTruthy())
  expect(bridge.callsOf('invites.second')).toEqual([{ communityId: COMMUNITY, inviteId: makeInvite(1).id }])
})

test('ui: the members panel lists invites waiting for a second member, to second there', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.invites = [
    makeInvite(1, { awaitingSecond: true, createdBy: 'Bo', maxUses: 1 }),
    makeInvite(2, { awaitingSecond: true, createdBy: 'Ash', mine: true })
  ]
  const { user } = renderWith(bridge)
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
  expect(bridge.callsOf('invites.second')).toEqual([{ communityId: COMMUNITY, inviteId: makeInvite(1).id }])
})
