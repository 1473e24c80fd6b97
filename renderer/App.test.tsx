// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { TEMPLATE_AGREEMENTS, TEMPLATE_CONFIDENTIALITY } from '../core/domain/governance.js'
import type { EngineEvent } from '../core/domain/types.js'
import { Circle, ahead, closeEnginesAfterEach, freshEngine } from './testing/engines.js'
import type { Someone } from './testing/engines.js'
import { renderWith } from './testing/render.js'

afterEach(cleanup)
closeEnginesAfterEach()

/** Room for what waits on the local network (a join, a reconnection) on a busy machine. */
const NETWORK = { timeout: 60_000 }

/** `communityId`'s summary on `who`'s engine. */
const summary = async (who: Someone, communityId: string) => {
  const found = (await who.call('communities.list', {})).find((c) => c.id === communityId)
  if (!found) throw new Error('not a community of theirs')
  return found
}

/** You and Bo, who posted `posts` posts in #general, "Post number 1" first. */
async function withBo(posts: number) {
  const circle = await Circle.with(['Bo'])
  const ids: string[] = []
  for (let n = 1; n <= posts; n++) ids.push(await circle.post('Bo', `Post number ${n}`))
  return { circle, ids }
}

test('ui: first run explains Mutual in two sentences and that no company holds the data', async () => {
  renderWith((await freshEngine()).bridge)
  expect(await screen.findByRole('heading', { name: 'Welcome to Mutual' })).toBeTruthy()
  expect(screen.getByText(/support each other as equals/)).toBeTruthy()
  expect(screen.getByText(/no server and no company/)).toBeTruthy()
  expect(screen.getByRole('button', { name: /Start a community/ })).toBeTruthy()
  expect(screen.getByRole('button', { name: /Join with an invite key/ })).toBeTruthy()
})

test('ui: starting a community asks how you appear there, name and optional colour, and opens it', async () => {
  const { bridge, peer } = await freshEngine()
  const { user } = renderWith(bridge)
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
  const [community] = await peer.rpc.call('communities.list', {})
  await waitFor(() =>
    expect(bridge.callsOf('profile.set')).toEqual([
      { communityId: community?.id, displayName: 'Ash', color: '#4f7a3a' }
    ])
  )
})

test('ui: starting a community offers the template agreements to edit, and sends the edited words', async () => {
  const { user, bridge } = renderWith((await freshEngine()).bridge)
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

// Ash's community on the local testnet, and an invite to it; Ash is offline until the test says.
const joinable = ahead(async () => {
  const circle = await Circle.with([])
  const { invite } = await circle.me.call('invites.create', { communityId: circle.communityId })
  await circle.me.call('network.setOnline', { online: false })
  return { circle, invite }
})
test('ui: joining shows honest progress: looking, nobody online yet (still trying), syncing n of m', async () => {
  const { circle, invite } = await joinable()
  const { bridge, peer } = await freshEngine({ networked: true })
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: /Join with an invite key/ }))
  await user.click(screen.getByLabelText('Invite key'))
  await user.paste(invite)
  await user.type(screen.getByLabelText('Your name here'), 'Bo')
  await user.click(screen.getByRole('button', { name: 'Join' }))

  expect(await screen.findByText('Looking for a member who can let you in…')).toBeTruthy()
  const [params] = bridge.callsOf('communities.join') as { joinId: string }[]
  const joinId = params?.joinId ?? ''
  // The only member is offline: the engine finds the network, and nobody on it who can let you in.
  expect(
    await screen.findByText(/No member is online right now. Mutual keeps trying/, {}, NETWORK)
  ).toBeTruthy()
  // Syncing passes in a moment on one machine: the engine says it (and another join's end) just
  // after it next says nobody is online, which it says again only seconds later.
  const say = (event: EngineEvent) => peer.engine.emit('event', event)
  await new Promise<void>((resolve) => {
    const lonely = (event: EngineEvent) => {
      if (event.type !== 'join-progress' || event.progress.stage !== 'no-member-online') return
      peer.engine.off('event', lonely)
      say({
        type: 'join-progress',
        progress: { joinId, stage: 'syncing', communityId: circle.communityId, have: 3, total: 12 }
      })
      resolve()
    }
    peer.engine.on('event', lonely)
  })
  expect(await screen.findByText('You’re in. Syncing 3 of 12…')).toBeTruthy()
  // Someone else's join never shows here.
  say({
    type: 'join-progress',
    progress: { joinId: 'other', stage: 'done', communityId: null, have: 0, total: 0 }
  })
  expect(screen.getByText('You’re in. Syncing 3 of 12…')).toBeTruthy()

  await circle.me.call('network.setOnline', { online: true })
  expect(await screen.findByRole('heading', { level: 1, name: 'Night owls' }, NETWORK)).toBeTruthy()
})

test('ui: while waiting for a member, "Stop trying" cancels the join and says nothing changed', async () => {
  // An invite to a community whose only member is never on the network.
  const host = await Circle.solo()
  const { invite } = await host.me.call('invites.create', { communityId: host.communityId })
  const { bridge } = await freshEngine({ networked: true })
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: /Join with an invite key/ }))
  await user.click(screen.getByLabelText('Invite key'))
  await user.paste(invite)
  await user.type(screen.getByLabelText('Your name here'), 'Bo')
  await user.click(screen.getByRole('button', { name: 'Join' }))
  await user.click(await screen.findByRole('button', { name: 'Stop trying' }))
  expect(await screen.findByText('Stopped trying. Nothing was changed.')).toBeTruthy()
  expect(bridge.callsOf('communities.cancelJoin')).toHaveLength(1)
  expect(screen.queryByRole('alert')).toBeNull()
})

/** Ash's community on the local testnet, online, with an invite `spoil` has made no good. */
const refusing = (spoil: (circle: Circle, invite: { invite: string; id: string }) => Promise<void>) =>
  ahead(async () => {
    const circle = await Circle.with([])
    const made = await circle.me.call('invites.create', { communityId: circle.communityId, maxUses: 1 })
    await spoil(circle, made)
    return { circle, invite: made.invite }
  })
const refusals = {
  'invite-used': refusing((circle, { invite }) => circle.join('Cy', { invite }).then(() => undefined)),
  'invite-revoked': refusing(async (circle, { id }) => {
    await circle.me.call('invites.revoke', { communityId: circle.communityId, inviteId: id })
  })
}
/** Your engine, and the key you paste, for a join refused as `code`. */
async function refusedJoin(
  code: 'invite-malformed' | 'invite-expired' | keyof typeof refusals
): Promise<{ engine: Awaited<ReturnType<typeof freshEngine>>; key: string }> {
  if (code === 'invite-malformed') return { engine: await freshEngine(), key: 'not-a-key' }
  if (code === 'invite-expired') {
    // The invite lasts a minute; your clock is a day ahead.
    const host = await Circle.solo()
    const { invite } = await host.me.call('invites.create', {
      communityId: host.communityId,
      expiresInMs: 60_000
    })
    return { engine: await freshEngine({ now: () => Date.now() + 86_400_000 }), key: invite }
  }
  const { invite } = await refusals[code]()
  return { engine: await freshEngine({ networked: true }), key: invite }
}

test.each([
  ['invite-malformed', 'That doesn’t look like a whole invite key. Check that you copied all of it.'],
  ['invite-expired', 'This invite has expired. Ask a member for a new one.'],
  ['invite-used', 'This invite has already been used. Ask a member for a new one.'],
  ['invite-revoked', 'A member withdrew this invite. Ask a member for a new one.']
] as const)('ui: a join refused as %s says so in plain words', async (code, words) => {
  const { engine, key } = await refusedJoin(code)
  const { user } = renderWith(engine.bridge)
  await user.click(await screen.findByRole('button', { name: /Join with an invite key/ }))
  await user.click(screen.getByLabelText('Invite key'))
  await user.paste(key)
  await user.type(screen.getByLabelText('Your name here'), 'Bo')
  await user.click(screen.getByRole('button', { name: 'Join' }))
  expect((await screen.findByRole('alert', {}, NETWORK)).textContent).toBe(words)
  // The form stays, so the person can paste a better key.
  expect(screen.getByLabelText('Invite key')).toBeTruthy()
})

// Night owls, with Bo's 3 posts read; Second circle, which Bo started and let you into, with 4 unread.
const twoCommunities = ahead(async () => {
  const { circle } = await withBo(3)
  const bo = circle.member('Bo')
  const first = await summary(circle.me, circle.communityId)
  await circle.me.call('communities.markRead', { communityId: circle.communityId, seq: first.latestSeq })
  const { id: secondId } = await bo.call('communities.create', { name: 'Second circle', displayName: 'Bo' })
  const { invite } = await bo.call('invites.create', { communityId: secondId })
  await circle.me.call('communities.join', { invite, displayName: 'Ash' })
  const { agreements } = await circle.me.call('governance.get', { communityId: secondId })
  await circle.me.call('agreements.accept', { communityId: secondId, version: agreements.version })
  for (let n = 1; n <= 4; n++) await bo.call('posts.create', { communityId: secondId, text: `Second ${n}` })
  await circle.until(async () => (await summary(circle.me, secondId)).unread === 4)
  return { circle }
})
test('ui: the community list shows unread counts, and the badge carries the total', async () => {
  const { circle } = await twoCommunities()
  const { bridge } = renderWith(circle.bridge)
  const nav = await screen.findByRole('navigation', { name: 'Your communities' })
  const second = await within(nav).findByRole('button', { name: /Second circle/ })
  expect(second.textContent).toContain('4 new')
  expect(second.textContent).toContain('4 unread posts')
  await waitFor(() => expect(bridge.badges.at(-1)).toBe(4))
})

const twoPosts = ahead(() => withBo(2))
test('ui: viewing a community marks it read up to its latest post, and again when more arrives', async () => {
  const { circle } = await twoPosts()
  const communityId = circle.communityId
  const before = await summary(circle.me, communityId)
  expect(before.unread).toBe(2)
  const { bridge } = renderWith(circle.bridge)
  await waitFor(() =>
    expect(bridge.callsOf('communities.markRead')).toEqual([{ communityId, seq: before.latestSeq }])
  )
  await waitFor(() => expect(bridge.badges.at(-1)).toBe(0))
  await circle.post('Bo', 'Anyone else up?')
  const after = await summary(circle.me, communityId)
  expect(after.latestSeq).toBeGreaterThan(before.latestSeq)
  await waitFor(() =>
    expect(bridge.callsOf('communities.markRead')).toEqual([
      { communityId, seq: before.latestSeq },
      { communityId, seq: after.latestSeq }
    ])
  )
})

const reachable = ahead(() => withBo(1))
test('ui: the header says who is reachable, and going offline shows the offline banner; going online needs no wait', async () => {
  const { circle } = await reachable()
  // The engine's answer to going offline comes only once "Go online" is pressed: the app shows it
  // offline as soon as the engine is, and a press meanwhile must not be lost to the one before.
  let pressed = () => {}
  const online = new Promise<void>((resolve) => (pressed = resolve))
  circle.answer('network.setOnline', async (params, own) => {
    const answer = await own(params)
    if (!params.online) await online
    return answer
  })
  const { user, bridge } = renderWith(circle.bridge)
  expect(await screen.findByText('Connected to 1 member', {}, NETWORK)).toBeTruthy()
  await user.click(screen.getByRole('button', { name: 'Go offline' }))
  expect(await screen.findByText(/will be shared when someone is reachable/)).toBeTruthy()
  expect(screen.getByText('Offline')).toBeTruthy()
  expect(bridge.callsOf('network.setOnline')).toEqual([{ online: false }])
  await user.click(screen.getByRole('button', { name: 'Go online' }))
  pressed()
  expect(bridge.callsOf('network.setOnline')).toEqual([{ online: false }, { online: true }])
  expect(await screen.findByText('Connected to 1 member', {}, NETWORK)).toBeTruthy()
  expect(screen.queryByText(/will be shared when someone is reachable/)).toBeNull()
})

const restarting = ahead(() => withBo(1))
test('ui: an engine restart shows a calm notice, then everything is read again', async () => {
  const { circle } = await restarting()
  const { bridge } = renderWith(circle.bridge)
  await screen.findByRole('heading', { level: 1, name: 'Night owls' })
  // The engine goes away once the view has read it: what was still in flight would go down with it.
  await within(await screen.findByRole('feed', { name: 'Posts in #general' })).findByText('Post number 1')
  const before = bridge.callsOf('communities.list').length
  bridge.setEngineStatus({ state: 'restarting', reason: 'exited' })
  expect(
    await screen.findByText(/Mutual is restarting its engine. Everything you wrote is safe/)
  ).toBeTruthy()
  // Reads that fail meanwhile are the notice's to explain, not an error in the view.
  await circle.post('Bo', 'While the engine is away')
  await waitFor(() => expect(screen.getByRole('feed', { name: 'Posts in #general' })).toBeTruthy())
  expect(screen.queryByRole('alert')).toBeNull()
  bridge.setEngineStatus({ state: 'ready' })
  expect(await screen.findByText('Mutual is running again.')).toBeTruthy()
  await waitFor(() => expect(bridge.callsOf('communities.list').length).toBeGreaterThan(before))
  expect(await screen.findByText('While the engine is away')).toBeTruthy()
})

const notified = ahead(() => withBo(2))
test('ui: a clicked notification opens its thread', async () => {
  const { circle, ids } = await notified()
  const { bridge } = renderWith(circle.bridge)
  await screen.findByRole('heading', { level: 1, name: 'Night owls' })
  bridge.openThread({ communityId: circle.communityId, root: ids[0]! })
  expect(await screen.findByRole('heading', { name: 'Thread' })).toBeTruthy()
  expect(
    await within(await screen.findByRole('feed', { name: 'Thread' })).findByText('Post number 1')
  ).toBeTruthy()
})

// Another member (whom Bo let in) already goes by Ash when you join as Ash.
const nameTaken = ahead(async () => ({ circle: await Circle.newcomer({ others: ['Ash'] }) }))
test('ui: a newcomer whose chosen name another member holds is told, and where to choose another', async () => {
  const { circle } = await nameTaken()
  renderWith(circle.bridge)
  expect(await screen.findByText(/another member already uses the one you chose/)).toBeTruthy()
})

// You proposed starting again under a new key, and Bo consented.
const refounded = ahead(async () => {
  const circle = await Circle.with(['Bo'])
  await circle.adopt({ kind: 'refound' })
  await circle.until(async () => (await summary(circle.me, circle.communityId)).refoundedAs !== null)
  return { circle }
})
test('ui: a community that started again under a new key says so, and takes no new posts', async () => {
  const { circle } = await refounded()
  renderWith(circle.bridge)
  expect(await screen.findByText(/started again under a new key/)).toBeTruthy()
  const share = screen.getByRole('button', { name: 'Share' }) as HTMLButtonElement
  expect(share.disabled).toBe(true)
})
