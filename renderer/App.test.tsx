// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { TEMPLATE_AGREEMENTS, TEMPLATE_CONFIDENTIALITY } from '../core/domain/governance.js'
import { COMMUNITY, FakeBridge, FakeError } from './testing/fake-bridge.js'
import { renderWith } from './testing/render.js'

afterEach(cleanup)

test('ui: first run explains Mutual in two sentences and that no company holds the data', async () => {
  renderWith(new FakeBridge())
  expect(await screen.findByRole('heading', { name: 'Welcome to Mutual' })).toBeTruthy()
  expect(screen.getByText(/support each other as equals/)).toBeTruthy()
  expect(screen.getByText(/no server and no company/)).toBeTruthy()
  expect(screen.getByRole('button', { name: /Start a community/ })).toBeTruthy()
  expect(screen.getByRole('button', { name: /Join with an invite key/ })).toBeTruthy()
})

test('ui: starting a community asks how you appear there, name and optional colour, and opens it', async () => {
  const { user, bridge } = renderWith(new FakeBridge())
  await user.click(await screen.findByRole('button', { name: /Start a community/ }))
  await user.click(screen.getByRole('button', { name: 'Start community' }))
  expect(screen.getByText('Please give the community a name.')).toBeTruthy()
  expect(screen.getByText('Please choose a name to appear as.')).toBeTruthy()
  expect(bridge.callsOf('communities.create')).toEqual([])

  await user.type(screen.getByLabelText('Community name'), 'Night owls')
  await user.type(screen.getByLabelText('Your name here'), 'Ash')
  await user.click(screen.getByRole('radio', { name: 'Moss' }))
  await user.click(screen.getByRole('button', { name: 'Start community' }))

  expect(await screen.findByRole('heading', { level: 1, name: 'Night owls' })).toBeTruthy()
  expect(bridge.callsOf('communities.create')).toEqual([
    {
      name: 'Night owls',
      displayName: 'Ash',
      agreements: { text: TEMPLATE_AGREEMENTS, confidentiality: TEMPLATE_CONFIDENTIALITY }
    }
  ])
  expect(bridge.callsOf('profile.set')).toEqual([
    { communityId: 'd'.repeat(52), displayName: 'Ash', color: '#4f7a3a' }
  ])
})

test('ui: starting a community offers the template agreements to edit, and sends the edited words', async () => {
  const { user, bridge } = renderWith(new FakeBridge())
  await user.click(await screen.findByRole('button', { name: /Start a community/ }))
  await user.type(screen.getByLabelText('Community name'), 'Night owls')
  await user.type(screen.getByLabelText('Your name here'), 'Ash')
  const disclosure = screen.getByText('Agreements (you can edit these)')
  await user.click(disclosure)
  const text = screen.getByLabelText('Agreements') as HTMLTextAreaElement
  const limits = screen.getByLabelText('Confidentiality, and its limits') as HTMLTextAreaElement
  expect(text.value).toBe(TEMPLATE_AGREEMENTS)
  expect(limits.value).toBe(TEMPLATE_CONFIDENTIALITY)
  await user.clear(text)
  await user.click(screen.getByRole('button', { name: 'Start community' }))
  expect(screen.getByText('The agreements cannot be empty.')).toBeTruthy()
  expect(bridge.callsOf('communities.create')).toEqual([])

  await user.type(text, 'We listen first.')
  await user.click(screen.getByRole('button', { name: 'Start community' }))
  expect(await screen.findByRole('heading', { level: 1, name: 'Night owls' })).toBeTruthy()
  expect(bridge.callsOf('communities.create')).toEqual([
    {
      name: 'Night owls',
      displayName: 'Ash',
      agreements: { text: 'We listen first.', confidentiality: TEMPLATE_CONFIDENTIALITY }
    }
  ])
})

test('ui: joining shows honest progress: looking, nobody online yet (still trying), syncing n of m', async () => {
  const bridge = new FakeBridge()
  let finish: (value: { id: string; nameTaken: boolean }) => void = () => undefined
  bridge.overrides['communities.join'] = () => new Promise((resolve) => (finish = resolve))
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: /Join with an invite key/ }))
  await user.type(screen.getByLabelText('Invite key'), 'abc123')
  await user.type(screen.getByLabelText('Your name here'), 'Bo')
  await user.click(screen.getByRole('button', { name: 'Join' }))

  expect(await screen.findByText('Looking for a member who can let you in…')).toBeTruthy()
  const [params] = bridge.callsOf('communities.join') as { joinId: string }[]
  const joinId = params?.joinId ?? ''
  const progress = (stage: 'no-member-online' | 'syncing', have = 0, total = 0) =>
    bridge.emit({ type: 'join-progress', progress: { joinId, stage, communityId: null, have, total } })

  progress('no-member-online')
  expect(await screen.findByText(/No member is online right now. Mutual keeps trying/)).toBeTruthy()
  progress('syncing', 3, 12)
  expect(await screen.findByText('You’re in. Syncing 3 of 12…')).toBeTruthy()
  // Someone else's join never shows here.
  bridge.emit({
    type: 'join-progress',
    progress: { joinId: 'other', stage: 'done', communityId: null, have: 0, total: 0 }
  })
  expect(screen.getByText('You’re in. Syncing 3 of 12…')).toBeTruthy()

  bridge.communities.push({ ...FakeBridge.withCommunity().communities[0]!, myName: 'Bo' })
  finish({ id: COMMUNITY, nameTaken: false })
  expect(await screen.findByRole('heading', { level: 1, name: 'Night owls' })).toBeTruthy()
})

test('ui: while waiting for a member, "Stop trying" cancels the join and says nothing changed', async () => {
  const bridge = new FakeBridge()
  let fail: (err: Error) => void = () => undefined
  bridge.overrides['communities.join'] = () => new Promise((_resolve, reject) => (fail = reject))
  bridge.overrides['communities.cancelJoin'] = () => {
    fail(new FakeError('closed', 'joining was cancelled'))
    return { cancelled: true }
  }
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: /Join with an invite key/ }))
  await user.type(screen.getByLabelText('Invite key'), 'abc123')
  await user.type(screen.getByLabelText('Your name here'), 'Bo')
  await user.click(screen.getByRole('button', { name: 'Join' }))
  await user.click(await screen.findByRole('button', { name: 'Stop trying' }))
  expect(await screen.findByText('Stopped trying. Nothing was changed.')).toBeTruthy()
  expect(bridge.callsOf('communities.cancelJoin')).toHaveLength(1)
  expect(screen.queryByRole('alert')).toBeNull()
})

test.each([
  ['invite-malformed', 'That doesn’t look like a whole invite key. Check that you copied all of it.'],
  ['invite-expired', 'This invite has expired. Ask a member for a new one.'],
  ['invite-used', 'This invite has already been used. Ask a member for a new one.'],
  ['invite-revoked', 'A member withdrew this invite. Ask a member for a new one.']
] as const)('ui: a join refused as %s says so in plain words', async (code, words) => {
  const bridge = new FakeBridge()
  bridge.overrides['communities.join'] = () => {
    throw new FakeError(code, 'engine words')
  }
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: /Join with an invite key/ }))
  await user.type(screen.getByLabelText('Invite key'), 'not-a-key')
  await user.type(screen.getByLabelText('Your name here'), 'Bo')
  await user.click(screen.getByRole('button', { name: 'Join' }))
  expect((await screen.findByRole('alert')).textContent).toBe(words)
  // The form stays, so the person can paste a better key.
  expect(screen.getByLabelText('Invite key')).toBeTruthy()
})

test('ui: the community list shows unread counts, and the badge carries the total', async () => {
  const bridge = FakeBridge.withCommunity(3, { unread: 0 })
  bridge.communities.push({ ...bridge.communities[0]!, id: 'e'.repeat(52), name: 'Second circle', unread: 4 })
  const { engine: _engine } = renderWith(bridge)
  const nav = await screen.findByRole('navigation', { name: 'Your communities' })
  const second = await within(nav).findByRole('button', { name: /Second circle/ })
  expect(second.textContent).toContain('4 new')
  expect(second.textContent).toContain('4 unread posts')
  await waitFor(() => expect(bridge.badges.at(-1)).toBe(4))
})

test('ui: viewing a community marks it read up to its latest post, and again when more arrives', async () => {
  const bridge = FakeBridge.withCommunity(2, { unread: 2, latestSeq: 2 })
  renderWith(bridge)
  await waitFor(() =>
    expect(bridge.callsOf('communities.markRead')).toEqual([{ communityId: COMMUNITY, seq: 2 }])
  )
  await waitFor(() => expect(bridge.badges.at(-1)).toBe(0))
  bridge.arrive({ text: 'Anyone else up?' })
  await waitFor(() =>
    expect(bridge.callsOf('communities.markRead')).toEqual([
      { communityId: COMMUNITY, seq: 2 },
      { communityId: COMMUNITY, seq: 3 }
    ])
  )
})

test('ui: the header says who is reachable, and going offline shows the offline banner', async () => {
  const { user, bridge } = renderWith(FakeBridge.withCommunity(1))
  expect(await screen.findByText('Connected to 1 member')).toBeTruthy()
  await user.click(screen.getByRole('button', { name: 'Go offline' }))
  expect(await screen.findByText(/will be shared when someone is reachable/)).toBeTruthy()
  expect(screen.getByText('Offline')).toBeTruthy()
  expect(bridge.callsOf('network.setOnline')).toEqual([{ online: false }])
  await user.click(screen.getByRole('button', { name: 'Go online' }))
  expect(await screen.findByText('Connected to 1 member')).toBeTruthy()
  expect(screen.queryByText(/will be shared when someone is reachable/)).toBeNull()
})

test('ui: an engine restart shows a calm notice, then everything is read again', async () => {
  const { bridge } = renderWith(FakeBridge.withCommunity(1))
  await screen.findByRole('heading', { level: 1, name: 'Night owls' })
  const before = bridge.callsOf('communities.list').length
  bridge.setEngineStatus({ state: 'restarting', reason: 'exited' })
  expect(
    await screen.findByText(/Mutual is restarting its engine. Everything you wrote is safe/)
  ).toBeTruthy()
  // Reads that fail meanwhile are the notice's to explain, not an error in the view.
  bridge.arrive({ text: 'While the engine is away' })
  await waitFor(() => expect(screen.getByRole('feed', { name: 'Posts in #general' })).toBeTruthy())
  expect(screen.queryByRole('alert')).toBeNull()
  bridge.setEngineStatus({ state: 'ready' })
  expect(await screen.findByText('Mutual is running again.')).toBeTruthy()
  await waitFor(() => expect(bridge.callsOf('communities.list').length).toBeGreaterThan(before))
  expect(await screen.findByText('While the engine is away')).toBeTruthy()
})

test('ui: a clicked notification opens its thread', async () => {
  const bridge = FakeBridge.withCommunity(2)
  renderWith(bridge)
  await screen.findByRole('heading', { level: 1, name: 'Night owls' })
  bridge.openThread({ communityId: COMMUNITY, root: bridge.posts[0]!.id })
  expect(await screen.findByRole('heading', { name: 'Thread' })).toBeTruthy()
  expect(
    await within(await screen.findByRole('feed', { name: 'Thread' })).findByText('Post number 1')
  ).toBeTruthy()
})

test('ui: a newcomer whose chosen name another member holds is told, and where to choose another', async () => {
  renderWith(FakeBridge.withCommunity(0, { myName: '' }))
  expect(await screen.findByText(/another member already uses the one you chose/)).toBeTruthy()
})

test('ui: a community that started again under a new key says so, and takes no new posts', async () => {
  renderWith(FakeBridge.withCommunity(0, { refoundedAs: 'y'.repeat(52) }))
  expect(await screen.findByText(/started again under a new key/)).toBeTruthy()
  const share = screen.getByRole('button', { name: 'Share' }) as HTMLButtonElement
  expect(share.disabled).toBe(true)
})
