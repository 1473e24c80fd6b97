// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { BO, COMMUNITY, FakeBridge } from '../../testing/fake-bridge.js'
import { EMPTY_PLAN } from '../../testing/fake-reaching.js'
import { renderWith } from '../../testing/render.js'

afterEach(cleanup)

async function openPlan(bridge: FakeBridge) {
  const rendered = renderWith(bridge)
  const nav = await screen.findByRole('navigation', { name: 'In this community' })
  await rendered.user.click(within(nav).getByRole('button', { name: 'Support plan' }))
  await screen.findByRole('heading', { level: 2, name: 'My support plan' })
  return { ...rendered, page: screen.getByRole('region', { name: 'My support plan' }) }
}

test('ui: the support plan is kept on this device; sharing waits until it is saved', async () => {
  const bridge = FakeBridge.withCommunity(0)
  const { user, page } = await openPlan(bridge)
  expect(screen.getByText(/stored only on this device, encrypted/)).toBeTruthy()
  expect(screen.getByText('Save your plan before sharing it.')).toBeTruthy()
  expect((within(page).getByRole('button', { name: 'Share' }) as HTMLButtonElement).disabled).toBe(true)
  await user.type(screen.getByLabelText('What helps'), 'A walk, quiet company')
  await user.type(screen.getByLabelText('Who not to involve'), 'My manager')
  await user.click(screen.getByRole('button', { name: 'Save plan' }))
  expect(await screen.findByText('Saved on this device.')).toBeTruthy()
  expect(bridge.callsOf('plan.save')).toEqual([
    {
      plan: {
        helps: 'A walk, quiet company',
        doesNotHelp: '',
        contacts: '',
        notInvolve: 'My manager',
        fromSupporters: ''
      }
    }
  ])
  await waitFor(() =>
    expect((within(page).getByRole('button', { name: 'Share' }) as HTMLButtonElement).disabled).toBe(false)
  )
  expect(screen.getByLabelText('Share with')).toBeTruthy()
  await user.click(within(page).getByRole('button', { name: 'Share' }))
  expect(await within(page).findByText('Shared with Bo')).toBeTruthy()
  expect(bridge.callsOf('plan.share')).toEqual([{ communityId: COMMUNITY, memberId: BO }])
})

test('ui: stopping a share says future edits stop reaching them and what they saw stays with them', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.reaching.plan = { ...EMPTY_PLAN, helps: 'Tea', version: 2, updatedAt: Date.now() }
  bridge.reaching.shares = [{ communityId: COMMUNITY, memberId: BO, member: 'Bo' }]
  const { user } = await openPlan(bridge)
  await user.click(await screen.findByRole('button', { name: 'Stop sharing with Bo' }))
  const dialog = screen.getByRole('dialog', { name: 'Stop sharing your plan with Bo?' })
  expect(dialog.textContent).toContain(
    'From now on, your edits stop reaching Bo. What Bo already saw stays with them; nobody can take it back.'
  )
  await user.click(within(dialog).getByRole('button', { name: 'Stop sharing' }))
  expect(await screen.findByText('Stopped sharing with Bo. Future edits no longer reach them.')).toBeTruthy()
  expect(bridge.callsOf('plan.revoke')).toEqual([{ communityId: COMMUNITY, memberId: BO }])
  expect(screen.getByText('Not shared with anyone here.')).toBeTruthy()
})

test('ui: plans others shared with you are there to read', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.reaching.shared = [
    {
      memberId: BO,
      member: 'Bo',
      plan: {
        ...EMPTY_PLAN,
        helps: 'A walk',
        fromSupporters: 'Check in, do not fix',
        version: 1,
        updatedAt: Date.now()
      }
    }
  ]
  await openPlan(bridge)
  const plan = await screen.findByRole('article', { name: 'Bo’s support plan' })
  expect(within(plan).getByText('A walk')).toBeTruthy()
  expect(within(plan).getByText('Check in, do not fix')).toBeTruthy()
  expect(within(plan).getAllByText('Nothing written.')).toHaveLength(3)
})
