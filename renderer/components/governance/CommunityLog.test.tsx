// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import type { LogEntry } from '../../../core/domain/types.js'
import { BO, COMMUNITY, FakeBridge, ME } from '../../testing/fake-bridge.js'
import { renderWith } from '../../testing/render.js'

afterEach(cleanup)

const CY = 'c'.repeat(64)

function entry(n: number, patch: Partial<LogEntry>): LogEntry {
  return {
    n,
    kind: 'agreed',
    actorId: null,
    actor: null,
    memberId: null,
    member: null,
    postId: null,
    proposalId: null,
    change: null,
    reason: null,
    at: null,
    ...patch
  }
}

test('ui: the community log says in plain words who did what and why, newest first', async () => {
  const bridge = FakeBridge.withCommunity(0)
  const post = '0'.repeat(15) + '1'
  bridge.governance.log = [
    entry(1, { kind: 'agreed', actorId: BO, actor: 'Bo', memberId: BO, member: 'Bo' }),
    entry(2, {
      kind: 'flagged',
      actorId: ME,
      actor: 'Ash',
      memberId: BO,
      member: 'Bo',
      postId: post,
      reason: 'Harsh.'
    }),
    entry(3, {
      kind: 'flagged',
      actorId: CY,
      actor: 'Cy',
      memberId: BO,
      member: 'Bo',
      postId: post,
      reason: 'Unkind.'
    }),
    entry(4, { kind: 'collapsed', memberId: BO, member: 'Bo', postId: post, reason: 'Harsh.\nUnkind.' }),
    entry(5, {
      kind: 'proposed',
      actorId: BO,
      actor: 'Bo',
      proposalId: '2'.repeat(16),
      change: { kind: 'review', postId: post },
      reason: 'I changed it.'
    }),
    entry(6, {
      kind: 'adopted',
      proposalId: '3'.repeat(16),
      memberId: CY,
      member: 'Cy',
      change: { kind: 'removal', member: CY },
      reason: 'Kept posting numbers.'
    }),
    entry(7, {
      kind: 'removed',
      memberId: CY,
      member: 'Cy',
      proposalId: '3'.repeat(16),
      reason: 'Kept posting numbers.'
    }),
    entry(8, { kind: 'invite-seconded', actorId: ME, actor: 'Ash', memberId: BO, member: 'Bo' })
  ]
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: 'Community log' }))
  const list = await screen.findByRole('list', { name: 'Community log entries' })
  const lines = [...list.querySelectorAll('.log-what')].map((p) => p.textContent)
  expect(lines).toEqual([
    'Ash seconded an invite made by Bo',
    'The community removed Cy',
    'Adopted by consent: Remove Cy from the community',
    'Bo proposed: Open a collapsed post again',
    'A post by Bo collapsed for everyone after enough flags',
    'Cy flagged a post by Bo',
    'Ash flagged a post by Bo',
    'Bo said “I agree” to the agreements'
  ])
  expect(within(list).getByText('Unkind.')).toBeTruthy()
  expect(screen.getByText(/Hiding and muting never appear here/)).toBeTruthy()
})

test('ui: older log entries load a page at a time with a before cursor', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.governance.logPage = 2
  bridge.governance.log = [1, 2, 3].map((n) =>
    entry(n, { kind: 'agreed', actorId: BO, actor: `Member ${n}`, memberId: BO, member: `Member ${n}` })
  )
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: 'Community log' }))
  const list = await screen.findByRole('list', { name: 'Community log entries' })
  expect(within(list).getAllByRole('listitem')).toHaveLength(2)
  await user.click(screen.getByRole('button', { name: 'Show earlier entries' }))
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3))
  expect(screen.queryByRole('button', { name: 'Show earlier entries' })).toBeNull()
  expect(bridge.callsOf('moderation.log')).toEqual([
    { communityId: COMMUNITY, limit: 50 },
    { communityId: COMMUNITY, limit: 50, before: 2 }
  ])
})
