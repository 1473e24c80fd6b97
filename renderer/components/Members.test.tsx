// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { Circle, ahead, closeEnginesAfterEach } from '../testing/engines.js'
import { renderWith } from '../testing/render.js'

afterEach(cleanup)
closeEnginesAfterEach()

/** What a sighted reader sees as text, without the decorative avatar initials or words only screen readers hear. */
function readable(element: Element): string {
  const copy = element.cloneNode(true) as Element
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"], .visually-hidden')) hidden.remove()
  return copy.textContent ?? ''
}

const community1 = ahead(async () => ({ circle: await Circle.with(['Bo', 'Cy']) }))
test('ui: the members panel lists members, marks you, and shows who has left', async () => {
  const circle = (await community1()).circle
  const cy = circle.member('Cy')
  await cy.call('communities.leave', { communityId: circle.communityId })
  // Cy has left, and Bo, connected with presence on (the default), is around now.
  const bo = circle.member('Bo')
  await circle.until(async () => {
    const members = await circle.me.call('members.list', { communityId: circle.communityId })
    return members.some((m) => m.id === cy.id && m.left) && members.some((m) => m.id === bo.id && m.aroundNow)
  })
  const ash = circle.me.marker
  const { user } = renderWith(circle.bridge)
  const toggle = await screen.findByRole('button', { name: 'Members' })
  expect(toggle.getAttribute('aria-expanded')).toBe('false')
  await user.click(toggle)
  expect(toggle.getAttribute('aria-expanded')).toBe('true')
  const panel = await screen.findByRole('complementary', { name: 'Members' })
  const rows = within(panel).getAllByRole('listitem')
  // Each name has its member's marker beside it, which screen readers announce as such.
  expect(rows.map(readable)).toEqual([
    `Ash ${ash} (you)`,
    `Bo ${bo.marker} around now`,
    `Cy ${cy.marker} has left`
  ])
  expect(rows.map((row) => row.querySelector('.member-marker')?.textContent)).toEqual([
    `marker ${ash}`,
    `marker ${bo.marker}`,
    `marker ${cy.marker}`
  ])
})

test('ui: you can change how you appear in this community, name and colour', async () => {
  const circle = await Circle.solo()
  const { user, bridge } = renderWith(circle.bridge)
  await user.click(await screen.findByRole('button', { name: 'Members' }))
  const panel = await screen.findByRole('complementary', { name: 'Members' })
  const profile = await within(panel).findByRole('group', { name: 'How you appear here' })
  const name = within(profile).getByLabelText('Your name here')
  await user.clear(name)
  await user.type(name, 'Ash R.')
  await user.click(within(profile).getByRole('radio', { name: 'Plum' }))
  await user.click(within(panel).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(within(panel).getByText('Saved.')).toBeTruthy())
  expect(bridge.callsOf('profile.set')).toEqual([
    { communityId: circle.communityId, displayName: 'Ash R.', color: '#7a4f8f' }
  ])
  await waitFor(() =>
    expect(readable(within(panel).getAllByRole('listitem')[0]!)).toBe(`Ash R. ${circle.me.marker} (you)`)
  )
})

test('ui: notifications can be turned off for one community', async () => {
  const circle = await Circle.solo()
  const { user, bridge } = renderWith(circle.bridge)
  await user.click(await screen.findByRole('button', { name: 'Members' }))
  const box = await screen.findByRole('checkbox', {
    name: 'Notify me about replies and mentions in this community'
  })
  expect((box as HTMLInputElement).checked).toBe(true)
  await user.click(box)
  await waitFor(() => expect((box as HTMLInputElement).checked).toBe(false))
  expect(bridge.callsOf('communities.setNotifications')).toEqual([
    { communityId: circle.communityId, enabled: false }
  ])
})
