// The recovery phrase in the production renderer on real engines over a local
// testnet: Ash reads what the phrase does and does not bring back, gets the 24
// words and the encrypted backup file, loses the device, and a fresh device
// restores Ash from them on its welcome screen, through Cleo (who has said
// "I agree": a member who has not cannot answer), saying what came back.
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { readPhrase } from '../../core/domain/recovery.js'
import { Stage, reportFailures, screenshotAndScan } from './harness.js'
import type { Member } from './harness.js'

/** Restoring looks on the DHT and copies each community: more than a page action's 30 s. */
const RESTORE_MS = 90_000
const stage = new Stage()
reportFailures(stage)
let ash: Member
let cleo: Member
let fresh: Member
let communityId = ''

beforeAll(async () => {
  await stage.open()
  ;[ash, cleo, fresh] = await Promise.all([stage.member('Ash'), stage.member('Cleo'), stage.member('Fresh')])
  ;({ id: communityId } = await ash.handlers['communities.create']({
    name: 'Night owls',
    displayName: 'Ash'
  }))
  const { invite } = await ash.handlers['invites.create']({ communityId })
  await cleo.handlers['communities.join']({ invite, displayName: 'Cleo' })
  const { agreements } = await cleo.handlers['governance.get']({ communityId })
  await cleo.handlers['agreements.accept']({ communityId, version: agreements.version })
  await ash.handlers['plan.save']({
    plan: { helps: 'A walk', doesNotHelp: '', contacts: 'Sam', notInvolve: '', fromSupporters: '' }
  })
  // The page opened on the first run; read again, it shows the community made over RPC.
  await ash.page.reload()
  await ash.page.getByRole('heading', { level: 1, name: 'Night owls' }).waitFor()
})
afterAll(() => stage.close())

const scan = screenshotAndScan

let words: string[] = []
let backupPath = ''

test('e2e: recovery: the phrase is explained first, then shown once as 24 numbered words, with the backup to save', async () => {
  await ash.page.getByRole('button', { name: 'This device' }).click()
  const recovery = ash.page.getByRole('dialog', { name: 'This device' }).getByRole('region', {
    name: 'Recovery phrase'
  })
  await recovery.getByText('You don’t have a recovery phrase yet.', { exact: false }).waitFor()
  await recovery.getByRole('button', { name: 'Get a recovery phrase…' }).click()
  await recovery.getByText(/do not bring back your private conversations or your support plan/).waitFor()
  const backup = recovery.getByRole('checkbox', { name: /Also make an encrypted backup/ })
  expect(await backup.isChecked()).toBe(true)
  await scan(ash, 'recovery-01-explained', recovery.getByRole('button', { name: 'Show my phrase' }))
  await recovery.getByRole('button', { name: 'Show my phrase' }).click()

  const list = recovery.getByRole('list', { name: 'Your recovery phrase: 24 words, in order' })
  await list.waitFor()
  words = await list.locator('.phrase-word').allInnerTexts()
  expect(words).toHaveLength(24)
  await scan(ash, 'recovery-02-words', list)

  const [download] = await Promise.all([
    ash.page.waitForEvent('download'),
    recovery.getByRole('link', { name: 'Save the encrypted backup' }).click()
  ])
  expect(download.suggestedFilename()).toBe('mutual-backup.txt')
  backupPath = await download.path()
  expect((await readFile(backupPath, 'utf8')).length).toBeGreaterThan(20)

  await recovery.getByRole('button', { name: 'I’ve written it down' }).click()
  await recovery.getByText('Done. Keep your words somewhere safe and private.').waitFor()
  await recovery.getByText('Your recovery phrase can bring you back in your community.').waitFor()
  expect(await recovery.locator('.phrase-word').count()).toBe(0)
  await scan(ash, 'recovery-03-done', recovery)
  await ash.page.keyboard.press('Escape')
})

test('e2e: recovery: a fresh device restores Ash from the 24 words and the backup file, and says what came back', async () => {
  expect(words).toHaveLength(24)
  // Ash loses their only device, once Cleo's copy of the community knows Ash's phrase.
  const key = readPhrase(words.join(' ')).keyPair.publicKey.toString('hex')
  await vi.waitFor(
    async () => {
      expect(await cleo.engine.get(communityId).reader().recoveryMember(key)).not.toBeNull()
    },
    { timeout: 30_000, interval: 200 }
  )
  await ash.engine.close()

  const page = fresh.page
  await page.getByRole('button', { name: /Restore with a recovery phrase/ }).click()
  await page.getByLabel('Your 24 words').fill(words.slice(0, 23).join(' '))
  await page.getByLabel('A name for this device').fill('new laptop')
  await page.getByRole('button', { name: 'Restore', exact: true }).click()
  await page.getByText('A recovery phrase has 24 words; this has 23.').waitFor()
  await page.getByLabel('Your 24 words').fill(words.join(' '))
  // The file as the person saved it (the browser keeps downloads under a name of its own).
  await page.getByLabel('Encrypted backup file (optional)').setInputFiles({
    name: 'mutual-backup.txt',
    mimeType: 'text/plain',
    buffer: await readFile(backupPath)
  })
  await page.getByText('Using mutual-backup.txt.', { exact: false }).waitFor()
  await scan(fresh, 'recovery-04-restore-form')
  await page.getByRole('button', { name: 'Restore', exact: true }).click()

  await page.getByRole('heading', { name: 'Welcome back' }).waitFor({ timeout: RESTORE_MS })
  // Under load the community may still be arriving: its name comes with it.
  await page.getByRole('listitem').filter({ hasText: 'Night owls' }).waitFor({ timeout: RESTORE_MS })
  // The backup brought Ash's support plan and private conversations back.
  await page.getByText('Your support plan is back.').waitFor()
  await page.getByText(/Your private conversations in .* can be read again/).waitFor()
  await scan(fresh, 'recovery-05-restored')
  await page.getByRole('button', { name: 'Go to your communities' }).click()
  await page.getByRole('heading', { level: 1, name: 'Night owls' }).waitFor()
  const cleoSees = await cleo.handlers['members.list']({ communityId })
  expect(
    cleoSees
      .filter((m) => !m.left)
      .map((m) => m.name)
      .sort()
  ).toEqual(['Ash', 'Cleo'])
})
