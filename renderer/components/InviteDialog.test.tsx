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
