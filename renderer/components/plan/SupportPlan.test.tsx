// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { Circle, ahead, closeEnginesAfterEach } from '../../testing/engines.js'
import { renderWith } from '../../testing/render.js'

afterEach(cleanup)
closeEnginesAfterEach()

const EMPTY_PLAN = { helps: '', doesNotHelp: '', contacts: '', notInvolve: '', fromSupporters: '' }

async function openPlan(circle: Circle) {
  const rendered = renderWith(circle.bridge)
  const nav = await screen.findByRole('navigation', { name: 'In this community' })
  await rendered.user.click(within(nav).getByRole('button', { name: 'Support plan' }))
  await screen.findByRole('heading', { level: 2, name: 'My support plan' })
  return { ...rendered, page: screen.getByRole('region', { name: 'My support plan' }) }
}

const community1 = ahead(async () => ({ circle: await Circle.with(['Bo']) }))
test('ui: the support plan is kept on this device; sharing waits until it is saved', async () => {
  const circle = (await community1()).circle
  const { user, page, bridge } = await openPlan(circle)
  expect(screen.getByText(/stored only on this device, encrypted/)).toBeTruthy()
  expect(await screen.findByText('Save your plan before sharing it.')).toBeTruthy()
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
  expect(bridge.callsOf('plan.share')).toEqual([
    { communityId: circle.communityId, memberId: circle.member('Bo').id }
  ])
})

const community2 = ahead(async () => ({ circle: await Circle.with(['Bo']) }))
test('ui: stopping a share says future edits stop reaching them and what they saw stays with them', async () => {
  const circle = (await community2()).circle
  const bo = circle.member('Bo')
  await circle.me.call('plan.save', { plan: { ...EMPTY_PLAN, helps: 'Tea' } })
  await circle.me.call('plan.share', { communityId: circle.communityId, memberId: bo.id })
  const { user, bridge } = await openPlan(circle)
  await user.click(await screen.findByRole('button', { name: 'Stop sharing with Bo' }))
  const dialog = screen.getByRole('dialog', { name: 'Stop sharing your plan with Bo?' })
  expect(dialog.textContent).toContain(
    'From now on, your edits stop reaching Bo. What Bo already saw stays with them; nobody can take it back.'
  )
  await user.click(within(dialog).getByRole('button', { name: 'Stop sharing' }))
  expect(await screen.findByText('Stopped sharing with Bo. Future edits no longer reach them.')).toBeTruthy()
  expect(bridge.callsOf('plan.revoke')).toEqual([{ communityId: circle.communityId, memberId: bo.id }])
  expect(await screen.findByText('Not shared with anyone here.')).toBeTruthy()
})

const community3 = ahead(async () => ({ circle: await Circle.with(['Bo']) }))
test('ui: plans others shared with you are there to read', async () => {
  const circle = (await community3()).circle
  const bo = circle.member('Bo')
  const communityId = circle.communityId
  await bo.call('plan.save', {
    plan: { ...EMPTY_PLAN, helps: 'A walk', fromSupporters: 'Check in, do not fix' }
  })
  await bo.call('plan.share', { communityId, memberId: circle.me.id })
  await circle.until(async () => (await circle.me.call('plans.sharedWithMe', { communityId })).length > 0)
  await openPlan(circle)
  const plan = await screen.findByRole('article', { name: 'Bo’s support plan' })
  expect(within(plan).getByText('A walk')).toBeTruthy()
  expect(within(plan).getByText('Check in, do not fix')).toBeTruthy()
  expect(within(plan).getAllByText('Nothing written.')).toHaveLength(3)
})
