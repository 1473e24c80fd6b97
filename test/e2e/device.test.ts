// This device's lock in the production renderer, on a real engine: setting a
// passphrase, locking (by hand, by shortcut, and by starting locked), a wrong
// passphrase, unlocking, and wiping. While locked the window shows no names.
import { readdir } from 'node:fs/promises'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { Stage, reportFailures, screenshot, seriousA11yViolations, startCommunity } from './harness.js'
import type { Member } from './harness.js'

const PASSPHRASE = 'tea by the window at six'
const stage = new Stage()
reportFailures(stage)
let ash: Member

beforeAll(async () => {
  await stage.open()
  // As the app's engine host starts it: a profile with a passphrase opens locked.
  ash = await stage.member('Ash', { engine: { startLocked: true } })
  await startCommunity(ash, 'Night owls', 'Ash')
})
afterAll(() => stage.close())

const unlockScreen = () => ash.page.getByRole('heading', { name: 'Mutual is locked' })

async function expectNothingShown(): Promise<void> {
  await unlockScreen().waitFor()
  const text = await ash.page.locator('body').innerText()
  expect(text).not.toContain('Night owls')
  expect(text).not.toContain('Ash')
}

async function unlock(passphrase: string): Promise<void> {
  await ash.page.getByLabel('Passphrase', { exact: true }).fill(passphrase)
  await ash.page.getByRole('button', { name: 'Unlock' }).click()
}

test('e2e: device: set a passphrase, lock now, a wrong passphrase, unlock, and lock by shortcut', async () => {
  await ash.page.getByRole('button', { name: 'This device' }).click()
  const dialog = ash.page.getByRole('dialog', { name: 'This device' })
  await dialog.getByText(/has no passphrase\. Anyone who can open your user folder/).waitFor()
  expect(await dialog.getByRole('button', { name: 'Lock now' }).isDisabled()).toBe(true)
  await dialog.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE)
  await dialog.getByLabel('New passphrase again').fill('tea by the window at 6')
  await dialog.getByRole('button', { name: 'Set passphrase' }).click()
  await dialog.getByText('The two new passphrases are not the same.').waitFor()
  await dialog.getByLabel('New passphrase again').fill(PASSPHRASE)
  await dialog.getByRole('button', { name: 'Set passphrase' }).click()
  await dialog.getByText(/has a passphrase\. Without it, nothing Mutual keeps here can be read/).waitFor()
  await screenshot(ash, 'device-01-passphrase-set')
  expect(await seriousA11yViolations(ash)).toEqual([])

  await dialog.getByRole('button', { name: 'Lock now' }).click()
  await expectNothingShown()
  await screenshot(ash, 'device-02-locked')
  expect(await seriousA11yViolations(ash)).toEqual([])
  // Locked means locked for the engine too, whatever a page asks.
  await expect(ash.handlers['communities.list']({})).rejects.toMatchObject({ code: 'locked' })

  await unlock('tea by the window at seven')
  await ash.page.getByRole('alert').getByText('That passphrase doesn’t open Mutual on this device.').waitFor()
  await screenshot(ash, 'device-03-wrong-passphrase')
  expect(await ash.page.getByLabel('Passphrase', { exact: true }).inputValue()).toBe('')
  await unlock(PASSPHRASE)
  await ash.page.getByRole('heading', { level: 1, name: 'Night owls' }).waitFor()

  await ash.page.keyboard.press('Control+Shift+L')
  await expectNothingShown()
  await unlock(PASSPHRASE)
  await ash.page.getByRole('heading', { level: 1, name: 'Night owls' }).waitFor()
})

test('e2e: device: after a restart the profile opens locked, and the passphrase opens it whole', async () => {
  await ash.restartEngine()
  await expectNothingShown()
  expect(ash.engine.locked).toBe(true)
  await unlock(PASSPHRASE)
  await ash.page.getByRole('heading', { level: 1, name: 'Night owls' }).waitFor()
})

test('e2e: device: wiping asks once, says what it cannot reach, and leaves the profile folder empty', async () => {
  await ash.page.getByRole('button', { name: 'This device' }).click()
  const dialog = ash.page.getByRole('dialog', { name: 'This device' })
  await dialog.getByRole('button', { name: 'Wipe this device…' }).click()
  await dialog.getByText(/It cannot reach what other members already hold/).waitFor()
  await screenshot(ash, 'device-04-wipe-confirm')
  expect(await seriousA11yViolations(ash)).toEqual([])
  await dialog.getByRole('button', { name: 'Wipe everything on this device' }).click()
  await ash.page.getByText('Mutual’s profile is gone from this device.').waitFor()
  await screenshot(ash, 'device-05-wiped')
  expect(await readdir(ash.storage)).toEqual([])
})
