// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { COMMUNITY, FakeBridge, FakeError } from '../../testing/fake-bridge.js'
import { LINK_CODE, PHRASE } from '../../testing/fake-devices.js'
import { renderWith } from '../../testing/render.js'
import { RecoveryPhrase } from './RecoveryPhrase.js'

afterEach(cleanup)

/** A first run whose link or restore brings Night owls, and leaves Old friends behind. */
function newDevice(): FakeBridge {
  const bridge = new FakeBridge()
  const result = {
    communities: [COMMUNITY],
    notShared: [{ name: 'Old friends', reason: 'older-version' as const }]
  }
  bridge.devices.linkResult = result
  bridge.devices.restoreResult = { ...result, conversations: 3, plan: true }
  let arrive: () => void = () => undefined
  bridge.devices.pending = new Promise<void>((resolve) => {
    arrive = () => {
      bridge.communities = FakeBridge.withCommunity(0).communities
      resolve()
    }
  })
  return Object.assign(bridge, { arrive: () => arrive() })
}

test('link: on first run, a code and a name link this device, in warm words, and list what came', async () => {
  const bridge = newDevice() as FakeBridge & { arrive: () => void }
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: /Link to my other device/ }))
  await user.click(screen.getByRole('button', { name: 'Link' }))
  expect(screen.getByText('Please enter the code your other device shows.')).toBeTruthy()
  expect(screen.getByText('Please give this device a name.')).toBeTruthy()
  await user.type(screen.getByLabelText('Code from your other device'), LINK_CODE)
  await user.type(screen.getByLabelText('A name for this device'), 'laptop')
  expect(screen.getByText(/Members of your communities can see it/)).toBeTruthy()
  await user.click(screen.getByRole('button', { name: 'Link' }))

  await waitFor(() => expect(bridge.callsOf('devices.link')).toHaveLength(1))
  const [params] = bridge.callsOf('devices.link') as { code: string; name: string; linkId: string }[]
  expect(params).toMatchObject({ code: LINK_CODE, name: 'laptop' })
  expect(params?.linkId).toMatch(/^[0-9a-f]{16}$/)
  act(() =>
    bridge.emit({ type: 'link-progress', linkId: params?.linkId ?? '', stage: 'waiting-for-confirm' })
  )
  const status = await screen.findByText(/Found it\. Your other device asks whether this one is yours/)
  expect(status.closest('[role="status"]')).toBeTruthy()
  act(() => bridge.emit({ type: 'link-progress', linkId: params?.linkId ?? '', stage: 'copying' }))
  await screen.findByText('Your other device said yes. Bringing your communities here…')

  act(() => bridge.arrive())
  const done = await screen.findByRole('heading', { name: 'This device is you now' })
  await waitFor(() => expect(document.activeElement).toBe(done))
  expect(screen.getByText('You’re in 1 community here:')).toBeTruthy()
  await screen.findByText('Night owls')
  expect(screen.getByText(/Old friends still uses an older version of Mutual/)).toBeTruthy()
  expect(screen.getByText(/propose moving to the newer version on its Agreements page/)).toBeTruthy()
  await user.click(screen.getByRole('button', { name: 'Go to your communities' }))
  expect(await screen.findByRole('heading', { level: 1, name: 'Night owls' })).toBeTruthy()
})

test('link: stopping while it looks cancels the link and says nothing changed', async () => {
  const bridge = newDevice()
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: /Link to my other device/ }))
  await user.type(screen.getByLabelText('Code from your other device'), LINK_CODE)
  await user.type(screen.getByLabelText('A name for this device'), 'laptop')
  await user.click(screen.getByRole('button', { name: 'Link' }))
  await user.click(await screen.findByRole('button', { name: 'Stop' }))
  await screen.findByText('Stopped. Nothing was changed.')
  expect(bridge.callsOf('devices.cancelLink')).toHaveLength(1)
  expect(screen.queryByRole('alert')).toBeNull()
})

test('link: an invite pasted where the code goes, and a code that expired, get clear words', async () => {
  const bridge = new FakeBridge()
  const errors = [
    new FakeError(
      'invite-not-link-code',
      'that is an invite to a community, not a code from your other device; use it to join instead'
    ),
    new FakeError('invite-expired', 'this link code has expired; show a new one on your other device')
  ]
  bridge.overrides['devices.link'] = () => {
    throw errors.shift()
  }
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: /Link to my other device/ }))
  await user.type(screen.getByLabelText('Code from your other device'), 'invite-key')
  await user.type(screen.getByLabelText('A name for this device'), 'laptop')
  await user.click(screen.getByRole('button', { name: 'Link' }))
  expect((await screen.findByRole('alert')).textContent).toBe(
    'That is an invite to a community, not a code from your other device. Use it with “Join with an invite key” instead.'
  )
  await user.click(screen.getByRole('button', { name: 'Link' }))
  await screen.findByText(/That code has expired\. Make a new one on your other device/)
})

test('join: a link code pasted as an invite says so, and offers linking with it instead', async () => {
  const bridge = new FakeBridge()
  bridge.overrides['communities.join'] = () => {
    throw new FakeError(
      'link-code-not-invite',
      'that is a code for linking one of your devices, not an invite to a community; enter it under "Link to my other device"'
    )
  }
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: /Join with an invite key/ }))
  await user.type(screen.getByLabelText('Invite key'), LINK_CODE)
  await user.type(screen.getByLabelText('Your name here'), 'Ash')
  await user.click(screen.getByRole('button', { name: 'Join' }))
  const alert = await screen.findByRole('alert')
  expect(alert.textContent).toContain('That is a code for linking one of your own devices')
  await user.click(within(alert).getByRole('button', { name: 'Link to my other device with it' }))
  await screen.findByRole('heading', { name: 'Link to my other device' })
  expect((screen.getByLabelText('Code from your other device') as HTMLTextAreaElement).value).toBe(LINK_CODE)
})

test('join: the Join dialog offers linking and restoring for someone already a member elsewhere', async () => {
  const { user } = renderWith(FakeBridge.withCommunity(0))
  await user.click(await screen.findByRole('button', { name: 'Join with an invite' }))
  const join = await screen.findByRole('dialog', { name: 'Join a community' })
  await user.click(within(join).getByRole('button', { name: 'Restore with a recovery phrase' }))
  const restore = await screen.findByRole('dialog', { name: 'Restore with a recovery phrase' })
  await user.click(within(restore).getByRole('button', { name: 'Cancel' }))
  await user.click(
    within(await screen.findByRole('dialog', { name: 'Join a community' })).getByRole('button', {
      name: 'Link to my other device'
    })
  )
  expect(await screen.findByRole('dialog', { name: 'Link to my other device' })).toBeTruthy()
})

test('restore: checks there are 24 words, reads the backup file, and says what came back', async () => {
  const bridge = newDevice() as FakeBridge & { arrive: () => void }
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: /Restore with a recovery phrase/ }))
  const words = screen.getByLabelText('Your 24 words')
  await user.type(words, 'tea window six')
  await user.type(screen.getByLabelText('A name for this device'), 'new laptop')
  await user.click(screen.getByRole('button', { name: 'Restore' }))
  expect(screen.getByText('A recovery phrase has 24 words; this has 3.')).toBeTruthy()
  expect(bridge.callsOf('devices.restore')).toEqual([])

  await user.clear(words)
  await user.type(words, `  ${PHRASE.toUpperCase()} `)
  const file = new File(['c2VhbGVkIGJhY2t1cA==\n'], 'mutual-backup.txt', { type: 'text/plain' })
  await user.upload(screen.getByLabelText('Encrypted backup file (optional)'), file)
  await screen.findByText('Using mutual-backup.txt.')
  await user.click(screen.getByRole('button', { name: 'Restore' }))
  await screen.findByText('Looking for members of your communities who are online…')
  await waitFor(() => expect(bridge.callsOf('devices.restore')).toHaveLength(1))
  expect(bridge.callsOf('devices.restore')[0]).toMatchObject({
    phrase: PHRASE,
    name: 'new laptop',
    backup: 'c2VhbGVkIGJhY2t1cA=='
  })

  act(() => bridge.arrive())
  await screen.findByRole('heading', { name: 'Welcome back' })
  expect(screen.getByText('Your private conversations in 3 communities can be read again.')).toBeTruthy()
  expect(screen.getByText('Your support plan is back.')).toBeTruthy()
  expect(screen.getByText(/Old friends still uses an older version/)).toBeTruthy()
})

test('restore: without a backup file it says honestly that conversations and plan did not come back', async () => {
  const bridge = newDevice() as FakeBridge & { arrive: () => void }
  bridge.devices.pending = null
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: /Restore with a recovery phrase/ }))
  await user.type(screen.getByLabelText('Your 24 words'), PHRASE)
  await user.type(screen.getByLabelText('A name for this device'), 'phone')
  await user.click(screen.getByRole('button', { name: 'Restore' }))
  await screen.findByRole('heading', { name: 'Welcome back' })
  expect(screen.getByText(/were not in a backup, so they did not come back/)).toBeTruthy()
  expect(bridge.callsOf('devices.restore')[0]).not.toHaveProperty('backup')
})

test('recovery: it explains first, then shows 24 numbered words once, with the backup to save', async () => {
  const bridge = new FakeBridge()
  const { user } = renderWith(bridge, <RecoveryPhrase />)
  await screen.findByText(/You don’t have a recovery phrase yet/)
  await user.click(screen.getByRole('button', { name: 'Get a recovery phrase…' }))
  expect(screen.getByText(/bring back your membership and your name in each community/)).toBeTruthy()
  expect(screen.getByText(/do not bring back your private conversations or your support plan/)).toBeTruthy()
  expect(screen.getByText(/Anyone who has it can become you/)).toBeTruthy()
  const backup = screen.getByRole('checkbox', {
    name: 'Also make an encrypted backup of my private conversations and support plan'
  })
  expect((backup as HTMLInputElement).checked).toBe(true)
  expect(bridge.callsOf('devices.recoveryPhrase')).toEqual([])
  await user.click(screen.getByRole('button', { name: 'Show my phrase' }))

  const list = await screen.findByRole('list', { name: 'Your recovery phrase: 24 words, in order' })
  const items = within(list).getAllByRole('listitem')
  expect(items).toHaveLength(24)
  expect(items[6]?.textContent).toBe('7word7')
  await waitFor(() => expect(document.activeElement?.textContent).toBe('Your recovery phrase'))
  const save = screen.getByRole('link', { name: 'Save the encrypted backup' })
  expect(save.getAttribute('download')).toBe('mutual-backup.txt')
  expect(save.getAttribute('href')).toMatch(/^blob:/)
  expect(bridge.callsOf('devices.recoveryPhrase')).toEqual([{ backup: true }])

  await user.click(screen.getByRole('button', { name: 'I’ve written it down' }))
  await screen.findByText('Done. Keep your words somewhere safe and private.')
  expect(screen.queryByText('word7')).toBeNull()
  await screen.findByText('Your recovery phrase can bring you back in your community.')
  expect(screen.getByRole('button', { name: 'Get a new recovery phrase…' })).toBeTruthy()
})

test('recovery: without the backup, no file is offered; "Not now" goes back', async () => {
  const bridge = new FakeBridge()
  const { user } = renderWith(bridge, <RecoveryPhrase />)
  await user.click(await screen.findByRole('button', { name: 'Get a recovery phrase…' }))
  await user.click(screen.getByRole('button', { name: 'Not now' }))
  await user.click(await screen.findByRole('button', { name: 'Get a recovery phrase…' }))
  await user.click(screen.getByRole('checkbox'))
  await user.click(screen.getByRole('button', { name: 'Show my phrase' }))
  await screen.findByRole('list', { name: /Your recovery phrase/ })
  expect(screen.queryByRole('link', { name: 'Save the encrypted backup' })).toBeNull()
  expect(bridge.callsOf('devices.recoveryPhrase')).toEqual([{ backup: false }])
})

test('banners: a device removed from my devices says so, and cannot write', async () => {
  const bridge = FakeBridge.withCommunity(2)
  const [status] = bridge.status
  // The sync status is enough, whatever the community list still says.
  if (status) Object.assign(status, { revoked: true, writable: false, peers: 0 })
  renderWith(bridge)
  await screen.findByText(/This device was removed from your devices, from another of them/)
  expect(screen.queryByText(/cannot write to the community yet/)).toBeNull()
  const box = await screen.findByRole('textbox', { name: 'Share with Night owls' })
  expect((box as HTMLTextAreaElement).disabled).toBe(true)
})

test('restore: a misspelt word and nobody online are each said plainly, and the words stay to fix', async () => {
  const bridge = new FakeBridge()
  const errors = [
    new FakeError('bad-request', 'word 24 “zebraz” is not a recovery word'),
    new FakeError(
      'nobody-online',
      'no member of your communities was online to bring you back; try again when someone is'
    )
  ]
  bridge.overrides['devices.restore'] = () => {
    throw errors.shift()
  }
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: /Restore with a recovery phrase/ }))
  await user.type(screen.getByLabelText('Your 24 words'), PHRASE)
  await user.type(screen.getByLabelText('A name for this device'), 'phone')
  await user.click(screen.getByRole('button', { name: 'Restore' }))
  expect((await screen.findByRole('alert')).textContent).toBe(
    'That phrase didn’t work: word 24 “zebraz” is not a recovery word. Check each word against what you wrote down.'
  )
  await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Your 24 words')))
  await user.click(screen.getByRole('button', { name: 'Restore' }))
  await screen.findByText(/No member of your communities was online to bring you back just now/)
  expect((screen.getByLabelText('Your 24 words') as HTMLTextAreaElement).value).toBe(PHRASE)
})
