// A single-use invite lost to someone else, in the production renderer on real
// engines over a local testnet: Ash makes an invite for one person, Fen uses it
// first, and Dee, pasting the same key in the app, is told plainly that it was
// already used and to ask for a new one, and is not shown the community.
import { expect, test } from 'vitest'
import { sceneFor, screenshot, seriousA11yViolations } from './harness.js'
import type { Member } from './harness.js'

const NAME = 'Lantern circle'
const USED = 'This invite has already been used. Ask a member for a new one.'
let ash: Member
let fen: Member
let dee: Member
sceneFor('invite', [['Ash'], ['Fen'], ['Dee']], (m) => ([ash, fen, dee] = m as [Member, Member, Member]))

test('e2e: the newcomer who loses a single-use invite to someone else is told plainly and is not shown the community', async () => {
  // Ash starts a community and makes an invite for one person.
  const { id: communityId } = await ash.handlers['communities.create']({
    name: NAME,
    displayName: 'Ash'
  })
  const { invite } = await ash.handlers['invites.create']({ communityId, maxUses: 1 })

  // Fen, with no window open, uses it first and is in.
  const fenJoined = await fen.handlers['communities.join']({ invite, displayName: 'Fen' })
  expect(fenJoined.id).toBe(communityId)

  // Dee pastes the same key in the app, as a person would.
  const page = dee.page
  await page.getByRole('button', { name: /Join with an invite key/ }).click()
  await page.getByLabel('Invite key').fill(invite)
  await page.getByLabel('Your name here').fill('Dee')
  await page.getByRole('button', { name: 'Join', exact: true }).click()

  // Told plainly, in an alert that screen readers announce: already used, ask a member for a new one.
  const alert = page.getByRole('alert').filter({ hasText: USED })
  await alert.waitFor()
  expect(USED).toMatch(/already been used/)
  expect(USED).toMatch(/Ask a member for a new one/)
  // Dee is back at a usable form: the key is still there to see, and Join can be pressed again.
  await page.getByRole('button', { name: 'Join', exact: true }).and(page.locator(':enabled')).waitFor()
  expect(await page.getByLabel('Invite key').inputValue()).toBe(invite)
  // Focus comes back to the key, not to the top of the page.
  await page.getByLabel('Invite key').and(page.locator(':focus')).waitFor()

  // The community is not shown: no heading, no list of communities, its name nowhere on the page.
  expect(await page.getByRole('heading', { name: NAME }).count()).toBe(0)
  expect(await page.getByRole('navigation', { name: 'Your communities' }).count()).toBe(0)
  expect(await page.getByText(NAME).count()).toBe(0)
  // Nor does Dee's engine keep it.
  expect(await dee.handlers['communities.list']({})).toEqual([])

  await screenshot(dee, '40-invite-already-used-light')
  expect(await seriousA11yViolations(dee)).toEqual([])
  expect(dee.problems).toEqual([])
}, 30_000)
