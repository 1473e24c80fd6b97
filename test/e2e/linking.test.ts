// One member on two devices, in the production renderer on two real engines
// over a local testnet: Ash's first device shows a link code, the laptop
// (a fresh profile, on its welcome screen) links with it, Ash says yes on the
// first device, and the laptop is Ash too. Then Ash removes the laptop from
// the first device, and the laptop says plainly that it was removed.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { Stage, reportFailures, screenshotAndScan, startCommunity } from './harness.js'
import type { Member } from './harness.js'

/** Linking looks on the DHT and copies a community: give it more than a page action's 30 s. */
const LINKING_MS = 90_000
const stage = new Stage()
reportFailures(stage)
let ash: Member
let laptop: Member

beforeAll(async () => {
  await stage.open()
  ;[ash, laptop] = await Promise.all([stage.member('Ash'), stage.member('Laptop')])
  await startCommunity(ash, 'Night owls', 'Ash')
})
afterAll(() => stage.close())

const scan = screenshotAndScan

const deviceDialog = () => ash.page.getByRole('dialog', { name: 'This device' })

test('e2e: linking: a code shown on the first device links the laptop as the same member, after a yes there', async () => {
  // The laptop's first run offers linking beside starting and joining.
  await laptop.page.getByRole('heading', { name: 'Welcome to Mutual' }).waitFor()
  await scan(laptop, 'linking-01-welcome')

  await ash.page.getByRole('button', { name: 'This device' }).click()
  const dialog = deviceDialog()
  const devices = dialog.getByRole('region', { name: 'Your devices' })
  await devices.getByRole('listitem').filter({ hasText: '(this device)' }).waitFor()
  await dialog.getByRole('region', { name: 'Recovery phrase' }).getByRole('button').first().waitFor()
  await scan(ash, 'linking-02-your-devices', devices)

  await devices.getByRole('button', { name: 'Link a device…' }).click()
  const codeBox = devices.getByRole('textbox', { name: 'Link code' })
  await codeBox.waitFor()
  const code = await codeBox.inputValue()
  expect(code.length).toBeGreaterThan(40)
  await devices.getByRole('img', { name: /The same link code as a QR code/ }).waitFor()
  await devices.getByText('Waiting for your other device…').waitFor()
  await scan(ash, 'linking-03-code', devices.getByRole('img'))

  // On the laptop: the code, a name for it, and Link.
  const page = laptop.page
  await page.getByRole('button', { name: /Link to my other device/ }).click()
  await page.getByLabel('Code from your other device').fill(code)
  await page.getByLabel('A name for this device').fill('laptop')
  await page.getByRole('button', { name: 'Link', exact: true }).click()

  // The first device asks; the laptop says the answer is given over there.
  const question = dialog.getByText('A device called “laptop” asks to join as you. Is it yours?')
  await question.waitFor({ timeout: LINKING_MS })
  await page.getByText(/Found it\. Your other device asks whether this one is yours/).waitFor()
  await scan(laptop, 'linking-04-laptop-waiting')
  // The question has focus, so a screen reader reads it out.
  await question.and(ash.page.locator(':focus')).waitFor()
  await scan(ash, 'linking-05-is-it-yours', question)
  await dialog.getByRole('button', { name: 'Yes, it’s mine' }).click()

  await page.getByRole('heading', { name: 'This device is you now' }).waitFor({ timeout: LINKING_MS })
  await page.getByText('You’re in 1 community here:').waitFor()
  // Under load the community may still be arriving: its name comes with it.
  await page.getByRole('listitem').filter({ hasText: 'Night owls' }).waitFor({ timeout: LINKING_MS })
  await scan(laptop, 'linking-06-laptop-linked')
  await dialog.getByText('“laptop” is linked. It is you in 1 community.').waitFor({ timeout: LINKING_MS })
  await scan(ash, 'linking-07-linked', dialog.getByText(/is linked/))
  await dialog.getByRole('button', { name: 'Done' }).click()
  await devices.getByRole('listitem').filter({ hasText: 'laptop' }).waitFor()

  // The laptop writes as Ash: the first device shows the post as Ash's own.
  await page.getByRole('button', { name: 'Go to your communities' }).click()
  await page.getByRole('heading', { level: 1, name: 'Night owls' }).waitFor()
  const compose = page.getByRole('textbox', { name: 'Share with Night owls' })
  await compose.and(page.locator(':enabled')).waitFor({ timeout: LINKING_MS })
  await compose.fill('Written on my laptop')
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  await ash.page.keyboard.press('Escape')
  const post = ash.page.locator('article').filter({ hasText: 'Written on my laptop' })
  await post.waitFor({ timeout: LINKING_MS })
  expect(await post.innerText()).toContain('Ash')
  expect((await ash.handlers['devices.list']({})).map((d) => [d.name, d.thisDevice, d.revoked])).toEqual([
    ['first device', true, false],
    ['laptop', false, false]
  ])
})

test('e2e: linking: removing the laptop from the first device stops it writing, and it says so', async () => {
  await ash.page.getByRole('button', { name: 'This device' }).click()
  const devices = deviceDialog().getByRole('region', { name: 'Your devices' })
  await devices.getByRole('button', { name: 'Remove laptop from your devices…' }).click()
  const confirm = devices.getByRole('group', { name: /Remove “laptop” from your devices\?/ })
  await confirm.getByText(/It cannot erase what that device already holds/).waitFor()
  await scan(ash, 'linking-08-remove-confirm', confirm)
  await confirm.getByRole('button', { name: 'Remove it' }).click()
  await devices.getByText('“laptop” was removed from your devices.').waitFor()
  await devices.getByRole('listitem').filter({ hasText: 'Removed: it can no longer write as you' }).waitFor()
  await scan(ash, 'linking-09-removed', devices)

  const page = laptop.page
  await page.getByText(/This device was removed from your devices, from another of them/).waitFor({
    timeout: LINKING_MS
  })
  const compose = page.getByRole('textbox', { name: 'Share with Night owls' })
  await compose.and(page.locator(':disabled')).waitFor()
  await scan(laptop, 'linking-10-laptop-removed')
  await expect(
    laptop.handlers['posts.create']({
      communityId: (await laptop.handlers['communities.list']({}))[0]?.id ?? '',
      text: 'Still here?'
    })
  ).rejects.toMatchObject({ code: 'device-revoked' })
})
