// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { Circle, ahead, closeEnginesAfterEach } from '../../testing/engines.js'
import type { Someone } from '../../testing/engines.js'
import { renderWith } from '../../testing/render.js'

afterEach(cleanup)
closeEnginesAfterEach()

/** Waits until `who` holds what `check` looks for in the community's log. */
const logged = (circle: Circle, who: Someone, check: (kinds: string[]) => boolean) =>
  who.until(async () => {
    const { entries } = await who.call('moderation.log', { communityId: circle.communityId, limit: 200 })
    return check(entries.map((e) => e.kind))
  })

/**
 * You, Bo and Cy: invites need a second member's word; you and Cy flag Bo's post until it collapses,
 * Bo asks for a review, the community removes Cy, and you second an invite Bo made. Each acts once
 * they hold what came before, so every engine logs it in this order.
 */
const community1 = ahead(async () => {
  const circle = await Circle.with(['Bo', 'Cy'])
  const communityId = circle.communityId
  const bo = circle.member('Bo')
  const cy = circle.member('Cy')
  await circle.adopt({ kind: 'settings', settings: { invite: 'second-member' } })
  const postId = await circle.post('Bo', 'Post number 1')
  await circle.me.call('flags.add', { communityId, postId, reason: 'Harsh.' })
  await logged(circle, cy, (kinds) => kinds.includes('flagged'))
  await cy.call('flags.add', { communityId, postId, reason: 'Unkind.' })
  await logged(circle, bo, (kinds) => kinds.includes('collapsed'))
  const { id: reviewId } = await bo.call('proposals.create', {
    communityId,
    change: { kind: 'review', postId },
    reason: 'I changed it.'
  })
  await circle.until(async () =>
    (await circle.me.call('proposals.list', { communityId })).some((p) => p.id === reviewId)
  )
  await circle.adopt({ kind: 'removal', member: cy.id }, { reason: 'Kept posting numbers.' })
  await logged(circle, bo, (kinds) => kinds.includes('removed'))
  const { id: inviteId } = await bo.call('invites.create', { communityId })
  await circle.until(async () =>
    (await circle.me.call('invites.list', { communityId })).some((i) => i.id === inviteId)
  )
  await circle.me.call('invites.second', { communityId, inviteId })
  await logged(circle, circle.me, (kinds) => kinds.includes('invite-seconded'))
  return { circle }
})
test('ui: the community log says in plain words who did what and why, newest first', async () => {
  const { circle } = await community1()
  const { user } = renderWith(circle.bridge)
  await user.click(await screen.findByRole('button', { name: 'Community log' }))
  const list = await screen.findByRole('list', { name: 'Community log entries' })
  const lines = [...list.querySelectorAll('.log-what')].map((p) => p.textContent)
  expect(lines).toEqual([
    'Ash seconded an invite made by Bo',
    'The community removed Cy',
    'Adopted by consent: Remove Cy from the community',
    'Ash proposed: Remove Cy from the community',
    'Bo proposed: Open a collapsed post again',
    'A post by Bo collapsed for everyone after enough flags',
    'Cy flagged a post by Bo',
    'Ash flagged a post by Bo',
    'Adopted by consent: Change how the community works',
    'Ash proposed: Change how the community works',
    'Cy said “I agree” to the agreements',
    'Bo said “I agree” to the agreements',
    'Ash said “I agree” to the agreements'
  ])
  expect(within(list).getByText('Unkind.')).toBeTruthy()
  expect(screen.getByText(/Hiding and muting never appear here/)).toBeTruthy()
})

/** More entries than the app reads at once (50): you, alone, propose one change after another. */
const community2 = ahead(async () => {
  const circle = await Circle.solo()
  const communityId = circle.communityId
  for (let n = 1; n <= 50; n++)
    await circle.me.call('proposals.create', {
      communityId,
      change: { kind: 'settings', settings: { flagsToHide: 3 } },
      reason: `Idea ${n}.`
    })
  return { circle }
})
test('ui: older log entries load a page at a time with a before cursor', async () => {
  const { circle } = await community2()
  const communityId = circle.communityId
  const newest = await circle.me.call('moderation.log', { communityId, limit: 50 })
  const all = await circle.me.call('moderation.log', { communityId, limit: 200 })
  const { user, bridge } = renderWith(circle.bridge)
  await user.click(await screen.findByRole('button', { name: 'Community log' }))
  const list = await screen.findByRole('list', { name: 'Community log entries' })
  expect(within(list).getAllByRole('listitem')).toHaveLength(50)
  await user.click(screen.getByRole('button', { name: 'Show earlier entries' }))
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(all.entries.length))
  expect(all.entries.length).toBeGreaterThan(50)
  expect(screen.queryByRole('button', { name: 'Show earlier entries' })).toBeNull()
  expect(bridge.callsOf('moderation.log')).toEqual([
    { communityId, limit: 50 },
    { communityId, limit: 50, before: newest.next }
  ])
})
