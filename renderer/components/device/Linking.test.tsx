// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { Circle, closeEnginesAfterEach } from '../../testing/engines.js'
import { Device, link } from '../../testing/devices.js'
import { renderWith } from '../../testing/render.js'
import { RecoveryPhrase } from './RecoveryPhrase.js'
import { PLAN } from '../../../test/support/plan.js'

afterEach(cleanup)
closeEnginesAfterEach()

const MINUTE = 60_000

/**
 * Your other device, online: it founded Old friends on an older version of Mutual (which a new
 * device is not given), then `communities` on this one.
 */
async function otherDevice(communities: string[]): Promise<{ mine: Device; ids: string[] }> {
  const mine = await Device.open({ online: true, older: 'Old friends' })
  const ids: string[] = []
  for (const name of communities) ids.push(await mine.found(name))
  return { mine, ids }
}

/** A real link code that nobody answers any more: your other device showed it, then closed it. */
async function closedCode(): Promise<string> {
  const shower = await Device.open({ online: true })
  const { offerId, code } = await shower.call('devices.offerLink', {})
  await shower.call('devices.cancelOffer', { offerId })
  return code
}

/** Your other device's recovery phrase, recorded in its communities, and its backup if asked for. */
async function phraseOf(mine: Device, backup: boolean) {
  const made = await mine.call('devices.recoveryPhrase', { backup })
  const ids = (await mine.call('communities.list', {})).map((c) => c.id)
  // Recorded in its own view, its device waits on the phrase's topic for a device to restore.
  await mine.until(async () => (await mine.call('devices.recoveryStatus', {})).registered === made.registered)
  return { ...made, ids }
}

test('link: on first run, a code and a name link this device, in warm words, and list what came', async () => {
  const [{ mine }, fresh] = await Promise.all([otherDevice(['Night owls']), Device.open({ online: true })])
  const { offerId, code } = await mine.call('devices.offerLink', {})
  // The last of the copying passes in a moment: the engine's answer waits until the test has seen it.
  const arrival = fresh.holdAnswer('devices.link')
  const { user, bridge } = renderWith(fresh.bridge)
  await user.click(await screen.findByRole('button', { name: /Link to my other device/ }))
  await user.click(screen.getByRole('button', { name: 'Link' }))
  expect(screen.getByText('Please enter the code your other device shows.')).toBeTruthy()
  expect(screen.getByText('Please give this device a name.')).toBeTruthy()
  await user.type(screen.getByLabelText('Code from your other device'), code)
  await user.type(screen.getByLabelText('A name for this device'), 'laptop')
  expect(screen.getByText(/Members of your communities can see it/)).toBeTruthy()
  await user.click(screen.getByRole('button', { name: 'Link' }))

  await waitFor(() => expect(bridge.callsOf('devices.link')).toHaveLength(1))
  const [params] = bridge.callsOf('devices.link') as { code: string; name: string; linkId: string }[]
  expect(params).toMatchObject({ code, name: 'laptop' })
  expect(params?.linkId).toMatch(/^[0-9a-f]{16}$/)
  // Your other device hears this one ask.
  await mine.until(async () =>
    mine.peer.events.some((e) => e.type === 'link-request' && e.offerId === offerId)
  )
  const status = await screen.findByText(/Found it\. Your other device asks whether this one is yours/)
  expect(status.closest('[role="status"]')).toBeTruthy()
  await mine.call('devices.answerLink', { offerId, accept: true })
  await screen.findByText('Your other device said yes. Bringing your communities here…')

  await arrival.answered
  arrival.release()
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
  const [code, fresh] = await Promise.all([closedCode(), Device.open({ online: true })])
  const { user, bridge } = renderWith(fresh.bridge)
  await user.click(await screen.findByRole('button', { name: /Link to my other device/ }))
  await user.type(screen.getByLabelText('Code from your other device'), code)
  await user.type(screen.getByLabelText('A name for this device'), 'laptop')
  await user.click(screen.getByRole('button', { name: 'Link' }))
  await fresh.until(async () =>
    fresh.peer.events.some((e) => e.type === 'link-progress' && e.stage === 'looking')
  )
  await user.click(await screen.findByRole('button', { name: 'Stop' }))
  await screen.findByText('Stopped. Nothing was changed.')
  expect(bridge.callsOf('devices.cancelLink')).toHaveLength(1)
  expect(screen.queryByRole('alert')).toBeNull()
})

test('link: an invite pasted where the code goes, and a code that expired, get clear words', async () => {
  const elsewhere = await Circle.solo()
  const { invite } = await elsewhere.me.call('invites.create', { communityId: elsewhere.communityId })
  const code = await closedCode()
  // This device is pasted the code eleven minutes after the other showed it: a code lasts ten.
  const fresh = await Device.open({ now: () => Date.now() + 11 * MINUTE })
  const { user } = renderWith(fresh.bridge)
  await user.click(await screen.findByRole('button', { name: /Link to my other device/ }))
  const field = screen.getByLabelText('Code from your other device')
  await user.type(field, invite)
  await user.type(screen.getByLabelText('A name for this device'), 'laptop')
  await user.click(screen.getByRole('button', { name: 'Link' }))
  expect((await screen.findByRole('alert')).textContent).toBe(
    'That is an invite to a community, not a code from your other device. Use it with “Join with an invite key” instead.'
  )
  await user.clear(field)
  await user.type(field, code)
  await user.click(screen.getByRole('button', { name: 'Link' }))
  await screen.findByText(/That code has expired\. Make a new one on your other device/)
})

test('join: a link code pasted as an invite says so, and offers linking with it instead', async () => {
  const [code, fresh] = await Promise.all([closedCode(), Device.open()])
  const { user } = renderWith(fresh.bridge)
  await user.click(await screen.findByRole('button', { name: /Join with an invite key/ }))
  await user.type(screen.getByLabelText('Invite key'), code)
  await user.type(screen.getByLabelText('Your name here'), 'Ash')
  await user.click(screen.getByRole('button', { name: 'Join' }))
  const alert = await screen.findByRole('alert')
  expect(alert.textContent).toContain('That is a code for linking one of your own devices')
  await user.click(within(alert).getByRole('button', { name: 'Link to my other device with it' }))
  await screen.findByRole('heading', { name: 'Link to my other device' })
  expect((screen.getByLabelText('Code from your other device') as HTMLTextAreaElement).value).toBe(code)
})

test('join: the Join dialog offers linking and restoring for someone already a member elsewhere', async () => {
  const { user } = renderWith((await Circle.solo()).bridge)
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
  const [{ mine }, fresh] = await Promise.all([
    otherDevice(['Night owls', 'Early birds', 'Quiet hours']),
    Device.open({ online: true })
  ])
  await mine.call('plan.save', { plan: PLAN })
  const { phrase, backup, registered, notRegistered } = await phraseOf(mine, true)
  expect(registered).toBe(3)
  // Where the phrase could not be recorded (an older community) comes back with the backup.
  expect(notRegistered).toEqual([{ name: 'Old friends', reason: 'older-version' }])
  const arrival = fresh.holdAnswer('devices.restore')
  const { user, bridge } = renderWith(fresh.bridge)
  await user.click(await screen.findByRole('button', { name: /Restore with a recovery phrase/ }))
  const words = screen.getByLabelText('Your 24 words')
  await user.type(words, 'tea window six')
  await user.type(screen.getByLabelText('A name for this device'), 'new laptop')
  await user.click(screen.getByRole('button', { name: 'Restore' }))
  expect(screen.getByText('A recovery phrase has 24 words; this has 3.')).toBeTruthy()
  expect(bridge.callsOf('devices.restore')).toEqual([])

  await user.clear(words)
  await user.type(words, `  ${phrase.toUpperCase()} `)
  const file = new File([`${backup}\n`], 'mutual-backup.txt', { type: 'text/plain' })
  await user.upload(screen.getByLabelText('Encrypted backup file (optional)'), file)
  await screen.findByText('Using mutual-backup.txt.')
  await user.click(screen.getByRole('button', { name: 'Restore' }))
  await screen.findByText('Looking for members of your communities who are online…')
  await waitFor(() => expect(bridge.callsOf('devices.restore')).toHaveLength(1))
  expect(bridge.callsOf('devices.restore')[0]).toMatchObject({
    phrase,
    name: 'new laptop',
    backup
  })

  expect((await arrival.answered).conversations).toBe(3)
  arrival.release()
  await screen.findByRole('heading', { name: 'Welcome back' })
  expect(screen.getByText('Your private conversations in 3 communities can be read again.')).toBeTruthy()
  expect(screen.getByText('Your support plan is back.')).toBeTruthy()
  expect(screen.getByText(/Old friends still uses an older version/)).toBeTruthy()
})

test('restore: without a backup file it says honestly that conversations and plan did not come back', async () => {
  const [mine, fresh] = await Promise.all([Device.open({ online: true }), Device.open({ online: true })])
  await mine.found('Night owls')
  await mine.call('plan.save', { plan: PLAN })
  const { phrase } = await phraseOf(mine, false)
  const { user, bridge } = renderWith(fresh.bridge)
  await user.click(await screen.findByRole('button', { name: /Restore with a recovery phrase/ }))
  await user.type(screen.getByLabelText('Your 24 words'), phrase)
  await user.type(screen.getByLabelText('A name for this device'), 'phone')
  await user.click(screen.getByRole('button', { name: 'Restore' }))
  await fresh.until(async () => bridge.resultsOf('devices.restore').length > 0)
  await screen.findByRole('heading', { name: 'Welcome back' })
  expect(screen.getByText(/were not in a backup, so they did not come back/)).toBeTruthy()
  expect(bridge.callsOf('devices.restore')[0]).not.toHaveProperty('backup')
})

test('recovery: it explains first, then shows 24 numbered words once, with the backup to save', async () => {
  const { bridge } = await Circle.solo()
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
  const seventh = bridge.resultsOf('devices.recoveryPhrase')[0]?.phrase.split(' ')[6]
  expect(items[6]?.textContent).toBe(`7${seventh}`)
  await waitFor(() => expect(document.activeElement?.textContent).toBe('Your recovery phrase'))
  // The file's link is made once the words are on screen (an object URL lives as long as the view).
  const save = await screen.findByRole('link', { name: 'Save the encrypted backup' })
  expect(save.getAttribute('download')).toBe('mutual-backup.txt')
  expect(save.getAttribute('href')).toMatch(/^blob:/)
  expect(bridge.callsOf('devices.recoveryPhrase')).toEqual([{ backup: true }])

  await user.click(screen.getByRole('button', { name: 'I’ve written it down' }))
  await screen.findByText('Done. Keep your words somewhere safe and private.')
  expect(screen.queryByText(seventh ?? '')).toBeNull()
  await screen.findByText('Your recovery phrase can bring you back in your community.')
  expect(screen.getByRole('button', { name: 'Get a new recovery phrase…' })).toBeTruthy()
})

test('recovery: without the backup, no file is offered; "Not now" goes back', async () => {
  const { bridge } = await Circle.solo()
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
  const [mine, laptop] = await Promise.all([Device.open({ online: true }), Device.open({ online: true })])
  const communityId = await mine.found('Night owls')
  await link(mine, laptop, 'laptop')
  const lost = (await mine.call('devices.list', {})).find((d) => d.name === 'laptop')
  if (!lost) throw new Error('the laptop is not listed')
  await mine.call('devices.revoke', { id: lost.id })
  // The sync status is enough, whatever the community list still says.
  await laptop.until(async () => {
    const [status] = await laptop.call('sync.status', { communityId })
    return !!status?.revoked && !status.writable && status.peers === 0
  })
  renderWith(laptop.bridge)
  await screen.findByText(/This device was removed from your devices, from another of them/)
  expect(screen.queryByText(/cannot write to the community yet/)).toBeNull()
  const box = await screen.findByRole('textbox', { name: 'Share with Night owls' })
  expect((box as HTMLTextAreaElement).disabled).toBe(true)
})

test('restore: a misspelt word and nobody online are each said plainly, and the words stay to fix', async () => {
  const mine = await Device.open()
  await mine.found('Night owls')
  const { phrase } = await mine.call('devices.recoveryPhrase', { backup: false })
  const misspelt = [...phrase.split(' ').slice(0, 23), 'zebraz'].join(' ')
  const fresh = await Device.open()
  const { user } = renderWith(fresh.bridge)
  await user.click(await screen.findByRole('button', { name: /Restore with a recovery phrase/ }))
  const words = screen.getByLabelText('Your 24 words')
  await user.type(words, misspelt)
  await user.type(screen.getByLabelText('A name for this device'), 'phone')
  await user.click(screen.getByRole('button', { name: 'Restore' }))
  expect((await screen.findByRole('alert')).textContent).toBe(
    'That phrase didn’t work: word 24 (“zebraz”) is not one a recovery phrase uses. Check each word against what you wrote down.'
  )
  await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Your 24 words')))
  await user.clear(words)
  await user.type(words, phrase)
  // A restore looks for a minute, on the engine's own clock, before it says nobody was online.
  fresh.refuse(
    'devices.restore',
    'nobody-online',
    'no member of your communities was online to bring you back; try again when someone is'
  )
  await user.click(screen.getByRole('button', { name: 'Restore' }))
  await screen.findByText(/No member of your communities was online to bring you back just now/)
  expect((screen.getByLabelText('Your 24 words') as HTMLTextAreaElement).value).toBe(phrase)
})
