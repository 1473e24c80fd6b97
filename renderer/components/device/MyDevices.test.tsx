// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { FakeBridge } from '../../testing/fake-bridge.js'
import { LAPTOP, LINK_CODE, OFFER } from '../../testing/fake-devices.js'
import { renderWith } from '../../testing/render.js'
import { MyDevices } from './MyDevices.js'

afterEach(cleanup)

test('devices: the This device dialog lists my devices and the recovery phrase beside the lock', async () => {
  const bridge = FakeBridge.withCommunity(0)
  bridge.overrides['lock.status'] = () => ({ protection: 'none', locked: false, lockAfterMinutes: 0 })
  const { user } = renderWith(bridge)
  await user.click(await screen.findByRole('button', { name: 'This device' }))
  const dialog = await screen.findByRole('dialog', { name: 'This device' })
  expect(await within(dialog).findByRole('region', { name: 'Your devices' })).toBeTruthy()
  expect(within(dialog).getByRole('region', { name: 'Recovery phrase' })).toBeTruthy()
})

test('devices: the list marks this device, and says where each writes as me', async () => {
  renderWith(new FakeBridge(), <MyDevices />)
  const list = await screen.findByRole('list', { name: 'Your devices' })
  const rows = within(list).getAllByRole('listitem')
  expect(rows.map((r) => r.textContent)).toEqual([
    expect.stringContaining('first device (this device)Writes as you in 1 community'),
    expect.stringContaining('laptopWrites as you in 1 community')
  ])
  // This device can be renamed, but not removed from itself.
  expect(within(rows[0] as HTMLElement).queryByRole('button', { name: /^Remove/ })).toBeNull()
  expect(screen.getByText(/Members of your communities can see your devices’ names/)).toBeTruthy()
})

test('devices: renaming happens in place, with a labelled field, and focus returns to Rename', async () => {
  const { user, bridge } = renderWith(new FakeBridge(), <MyDevices />)
  const rename = await screen.findByRole('button', { name: 'Rename laptop' })
  await user.click(rename)
  const field = screen.getByLabelText('Device name')
  expect(document.activeElement).toBe(field)
  await user.clear(field)
  await user.click(screen.getByRole('button', { name: 'Save name' }))
  expect(screen.getByText('Please give this device a name.')).toBeTruthy()
  await user.type(field, 'old laptop')
  await user.click(screen.getByRole('button', { name: 'Save name' }))
  await screen.findByRole('button', { name: 'Rename old laptop' })
  expect(bridge.callsOf('devices.rename')).toEqual([{ id: LAPTOP, name: 'old laptop' }])
  await waitFor(() => expect(document.activeElement?.textContent).toBe('Rename'))
})

test('devices: removing a device asks first, says what it can and cannot do, and can be kept', async () => {
  const { user, bridge } = renderWith(new FakeBridge(), <MyDevices />)
  await user.click(await screen.findByRole('button', { name: 'Remove laptop from your devices…' }))
  const confirm = screen.getByRole('group', { name: /Remove “laptop” from your devices\?/ })
  expect(within(confirm).getByText(/It stops writing as you in every community/)).toBeTruthy()
  expect(within(confirm).getByText(/It cannot erase what that device already holds/)).toBeTruthy()
  // The safe answer has focus.
  expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Keep it' }))
  await user.click(within(confirm).getByRole('button', { name: 'Keep it' }))
  expect(bridge.callsOf('devices.revoke')).toEqual([])

  await user.click(screen.getByRole('button', { name: 'Remove laptop from your devices…' }))
  await user.click(screen.getByRole('button', { name: 'Remove it' }))
  await screen.findByText('“laptop” was removed from your devices.')
  expect(bridge.callsOf('devices.revoke')).toEqual([{ id: LAPTOP }])
  await screen.findByText('Removed: it can no longer write as you')
  expect(screen.queryByRole('button', { name: /laptop/ })).toBeNull()
})

test('devices: linking shows the code as text and as a QR code, and waits', async () => {
  const { user, bridge } = renderWith(new FakeBridge(), <MyDevices />)
  await user.click(await screen.findByRole('button', { name: 'Link a device…' }))
  const code = await screen.findByRole('textbox', { name: 'Link code' })
  expect((code as HTMLTextAreaElement).value).toBe(LINK_CODE)
  expect(screen.getByRole('img', { name: /The same link code as a QR code/ })).toBeTruthy()
  expect(screen.getByText('It works once, for one device, and expires in 10 minutes.')).toBeTruthy()
  // Said in a live region, so a screen reader hears where it is.
  expect(screen.getByText('Waiting for your other device…').closest('[role="status"]')).toBeTruthy()
  await user.click(screen.getByRole('button', { name: 'Copy code' }))
  expect(await navigator.clipboard.readText()).toBe(LINK_CODE)
  expect(bridge.callsOf('devices.offerLink')).toEqual([{}])
})

test('devices: a device that used the code is asked about, and a yes links it', async () => {
  const { user, bridge } = renderWith(new FakeBridge(), <MyDevices />)
  await user.click(await screen.findByRole('button', { name: 'Link a device…' }))
  await screen.findByRole('textbox', { name: 'Link code' })
  act(() => bridge.emit({ type: 'link-request', offerId: OFFER, deviceName: 'laptop' }))
  const question = await screen.findByText('A device called “laptop” asks to join as you. Is it yours?')
  expect(document.activeElement).toBe(question)
  await user.click(screen.getByRole('button', { name: 'Yes, it’s mine' }))
  await screen.findByText('Sharing your communities with “laptop”…')
  expect(bridge.callsOf('devices.answerLink')).toEqual([{ offerId: OFFER, accept: true }])
  // The code is gone once answered; closing now would not stop the copying.
  expect(screen.queryByRole('textbox', { name: 'Link code' })).toBeNull()

  act(() => bridge.emit({ type: 'link-ended', offerId: OFFER, linked: 2, message: null }))
  await screen.findByText('“laptop” is linked. It is you in 2 communities.')
  await user.click(screen.getByRole('button', { name: 'Done' }))
  await screen.findByRole('button', { name: 'Link a device…' })
  expect(bridge.callsOf('devices.cancelOffer')).toEqual([])
})

test('devices: saying no to a device ends the code, and nothing is shared', async () => {
  const { user, bridge } = renderWith(new FakeBridge(), <MyDevices />)
  await user.click(await screen.findByRole('button', { name: 'Link a device…' }))
  await screen.findByRole('textbox', { name: 'Link code' })
  act(() => bridge.emit({ type: 'link-request', offerId: OFFER, deviceName: 'not mine' }))
  await user.click(await screen.findByRole('button', { name: 'No' }))
  await screen.findByText('You said no. Nothing was shared, and the code no longer works.')
  expect(bridge.callsOf('devices.answerLink')).toEqual([{ offerId: OFFER, accept: false }])
})

test('devices: an expired code says so, and closing an open code closes the offer', async () => {
  const { user, bridge } = renderWith(new FakeBridge(), <MyDevices />)
  await user.click(await screen.findByRole('button', { name: 'Link a device…' }))
  await screen.findByRole('textbox', { name: 'Link code' })
  act(() =>
    bridge.emit({
      type: 'link-ended',
      offerId: OFFER,
      linked: null,
      message: 'the link code expired before a device used it'
    })
  )
  await screen.findByText('The code expired before a device used it. You can make a new one.')
  await user.click(screen.getByRole('button', { name: 'Link a device…' }))
  await screen.findByRole('textbox', { name: 'Link code' })
  await user.click(screen.getByRole('button', { name: 'Stop linking' }))
  await waitFor(() => expect(bridge.callsOf('devices.cancelOffer')).toEqual([{ offerId: OFFER }]))
  await waitFor(() =>
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Link a device…' }))
  )
})
