// The production renderer in headless Chromium, two and three members on real
// engines over a local testnet: what people do, and what they see each other do.
import { expect, test } from 'vitest'
import { expectAccessible, postOn, sceneFor, screenshot } from './harness.js'
import type { Member } from './harness.js'

let ash: Member
let bo: Member
// Ash sees the light theme and Bo the dark one, so both are checked.
const { stage } = sceneFor(
  'app',
  [['Ash'], ['Bo', { colorScheme: 'dark' }]],
  (m) => ([ash, bo] = m as [Member, Member])
)

const post = postOn

async function share(m: Member, community: string, text: string): Promise<void> {
  await m.page.getByLabel(`Share with ${community}`).fill(text)
  await m.page.getByRole('button', { name: 'Share', exact: true }).click()
  await post(m, text).waitFor()
}

test('e2e: two members: create, invite, join, post, Me too, reply, each seeing the other live', async () => {
  // Ash's first run: what Mutual is, then starting a community.
  await ash.page.getByRole('heading', { name: 'Welcome to Mutual' }).waitFor()
  await screenshot(ash, '01-first-run')
  await expectAccessible(ash)
  await ash.page.getByRole('button', { name: /Start a community/ }).click()
  await ash.page.getByLabel('Community name').fill('Night owls')
  await ash.page.getByLabel('Your name here').fill('Ash')
  await ash.page.getByRole('radio', { name: 'Moss' }).check()
  await screenshot(ash, '02-start-a-community')
  await ash.page.getByRole('button', { name: 'Start community' }).click()
  await ash.page.getByRole('heading', { level: 1, name: 'Night owls' }).waitFor()

  // An invite for one person, valid for a day.
  await ash.page.getByRole('button', { name: 'Invite someone' }).click()
  const dialog = ash.page.getByRole('dialog', { name: 'Invite someone to Night owls' })
  await dialog.getByLabel('Expires after').selectOption({ label: '1 day' })
  await dialog.getByRole('button', { name: 'Create invite key' }).click()
  const key = await dialog.getByRole('textbox', { name: 'Invite key' }).inputValue()
  expect(key.length).toBeGreaterThan(40)
  await dialog.getByText(/Made by Ash · 0 of 1 used/).waitFor()
  await screenshot(ash, '03-invite-dialog')
  await expectAccessible(ash)
  await dialog.getByRole('button', { name: 'Done' }).click()

  // Bo joins with the key, appearing as Bo in Sky.
  await bo.page.getByRole('button', { name: /Join with an invite key/ }).click()
  await bo.page.getByLabel('Invite key').fill(key)
  await bo.page.getByLabel('Your name here').fill('Bo')
  await bo.page.getByRole('radio', { name: 'Sky' }).check()
  await bo.page.getByRole('button', { name: 'Join', exact: true }).click()
  await bo.page.getByRole('heading', { level: 1, name: 'Night owls' }).waitFor()
  await bo.page.getByText('Connected to 1 member').waitFor()
  await ash.page.getByText('2 members').waitFor()
  // Before a first post or response, Bo reads the community's agreements and says "I agree".
  await bo.page.getByRole('region', { name: 'Before you share: what this community has agreed' }).waitFor()
  await bo.page.getByRole('button', { name: 'I agree' }).click()
  await bo.page.getByLabel('Share with Night owls').waitFor()

  // Ash asks to be heard (the community's default is "share experiences"); Bo sees it arrive.
  await ash.page.getByLabel('Share with Night owls').fill('Rough night. Anyone else up?')
  await ash.page.getByRole('radio', { name: /Just listen/ }).check()
  await share(ash, 'Night owls', 'Rough night. Anyone else up?')
  await post(bo, 'Rough night. Anyone else up?').getByText('just listen').waitFor()
  await post(ash, 'Rough night. Anyone else up?')
    .getByText(/Reached others|Confirmed/)
    .waitFor()

  // Bo says "me too"; Ash sees it.
  await post(bo, 'Rough night. Anyone else up?').getByRole('button', { name: 'Me too', exact: true }).click()
  await post(bo, 'Rough night')
    .getByRole('button', { name: 'Me too 1', exact: true, pressed: true })
    .waitFor()
  // On Ash's own post, what others said is there to read, not to press.
  await post(ash, 'Rough night').getByText('1 person said me too').waitFor()

  // Keyboard only: from the post, Tab reaches the responses; Space presses one, with a visible focus ring.
  await post(bo, 'Rough night').focus()
  await bo.page.keyboard.press('Tab')
  await bo.page.keyboard.press('Tab')
  const hearYou = post(bo, 'Rough night').getByRole('button', { name: 'I hear you' })
  expect(await hearYou.evaluate((el) => el === (el.ownerDocument.activeElement as unknown))).toBe(true)
  await bo.page.keyboard.press('Space')
  await post(bo, 'Rough night').getByRole('button', { name: 'I hear you 1', pressed: true }).waitFor()
  await screenshot(bo, '04-keyboard-focus-dark')
  await post(ash, 'Rough night')
    .getByText(/1 hear you/)
    .waitFor()

  // Bo replies in the thread, reminded that Ash asked to be listened to.
  await post(bo, 'Rough night').getByRole('button', { name: 'Reply (Ash)' }).click()
  await bo.page.getByText('Ash asked to just be heard.', { exact: false }).waitFor()
  await bo.page.getByLabel('Reply to Ash').fill('Me too. Up with you.')
  await bo.page.getByRole('button', { name: 'Reply', exact: true }).click()
  await post(bo, 'Me too. Up with you.').waitFor()
  await screenshot(bo, '05-thread-dark')
  await expectAccessible(bo)

  // Ash sees the reply count change, and the reply in the thread.
  await post(ash, 'Rough night').getByRole('button', { name: '1 reply' }).click()
  await post(ash, 'Me too. Up with you.').waitFor()
  await screenshot(ash, '06-thread-light')
  await ash.page.keyboard.press('Escape')
  await ash.page.getByRole('feed', { name: 'Posts in #general' }).waitFor()
  await screenshot(ash, '07-feed-light')
  await expectAccessible(ash)

  // Bo opens the members panel: both members, Bo marked as you.
  await bo.page.getByRole('button', { name: 'Members' }).click()
  const panel = bo.page.getByRole('complementary', { name: 'Members' })
  await panel.getByText('Ash', { exact: true }).waitFor()
  await panel.getByText('(you)').waitFor()
  await screenshot(bo, '08-members-dark')
  await expectAccessible(bo)
  await panel.getByRole('button', { name: 'Close members' }).click()
  await bo.page.getByRole('button', { name: /Back to #general/ }).click()
  await bo.page.getByRole('feed', { name: 'Posts in #general' }).waitFor()

  expect(ash.problems).toEqual([])
  expect(bo.problems).toEqual([])
})

test('e2e: a member goes offline, both write, and after reconnecting both see the same posts', async () => {
  await bo.page.getByRole('button', { name: 'Go offline' }).click()
  await bo.page.getByText(/You’re offline. Anything you write stays on this device/).waitFor()
  await bo.page.getByText('Offline', { exact: true }).waitFor()

  await share(bo, 'Night owls', 'Written on the night bus, no signal.')
  await post(bo, 'Written on the night bus').getByText('Only on this device').waitFor()
  await share(ash, 'Night owls', 'Ash here while Bo is away.')
  await screenshot(bo, '09-offline-dark')
  await expectAccessible(bo)
  // While Bo is away neither has the other's new post.
  expect(await post(ash, 'Written on the night bus').count()).toBe(0)
  expect(await post(bo, 'Ash here while Bo is away.').count()).toBe(0)

  await bo.page.getByRole('button', { name: 'Go online' }).click()
  await post(ash, 'Written on the night bus').waitFor()
  await post(bo, 'Ash here while Bo is away.').waitFor()
  await post(bo, 'Written on the night bus')
    .getByText(/Reached others|Confirmed/)
    .waitFor()
  await bo.page.getByText(/You’re offline/).waitFor({ state: 'detached' })

  // Converged: the same posts in the same order on both screens.
  const texts = (m: Member) => m.page.locator('[role="feed"] article .post-text').allTextContents()
  const expected = [
    'Ash here while Bo is away.',
    'Written on the night bus, no signal.',
    'Rough night. Anyone else up?'
  ].sort()
  for (const m of [ash, bo]) {
    await m.page.waitForFunction(
      (n) =>
        (
          globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
        ).document.querySelectorAll('[role="feed"] article').length === n,
      expected.length
    )
  }
  const [ashOrder, boOrder] = await Promise.all([texts(ash), texts(bo)])
  expect([...ashOrder].sort()).toEqual(expected)
  expect(boOrder).toEqual(ashOrder)
  await post(ash, 'Ash here while Bo is away.')
    .getByText(/Reached others|Confirmed/)
    .waitFor()
  await screenshot(ash, '10-converged-light')
  expect(ash.problems).toEqual([])
  expect(bo.problems).toEqual([])
})

test('e2e: when the engine restarts under the window, it says so calmly and carries on', async () => {
  await bo.restartEngine(async () => {
    await bo.page
      .getByText(/Mutual is restarting its engine. Everything you wrote is safe on this device/)
      .waitFor()
    await screenshot(bo, '11-engine-restarting-dark')
    await expectAccessible(bo)
  })
  await bo.page.getByText('Mutual is running again.').waitFor()
  await post(bo, 'Written on the night bus').waitFor()

  // A post with a content note stays closed on the other screen until opened.
  await bo.page.getByLabel('Share with Night owls').fill('Back after a restart. It was a hard week.')
  await bo.page.getByRole('checkbox', { name: 'Add a content note' }).check()
  await bo.page.getByLabel('Content note', { exact: true }).fill('a hard week')
  await bo.page.getByRole('button', { name: 'Share', exact: true }).click()
  const noted = post(ash, 'a hard week')
  await noted.getByRole('button', { name: 'Show post' }).waitFor()
  expect(await noted.getByText('Back after a restart.').count()).toBe(0)
  await noted.getByRole('button', { name: 'Show post' }).click()
  await noted.getByText('Back after a restart. It was a hard week.').waitFor()
  await screenshot(ash, '12-content-note-light')

  // Deleting says what it can and cannot do, then the post leaves the other screen.
  await post(bo, 'a hard week').getByRole('button', { name: 'Delete' }).click()
  const confirm = bo.page.getByRole('dialog', { name: 'Delete this post?' })
  await confirm
    .getByText(
      'Deleting removes it from every up-to-date member’s view, but cannot erase copies others already have.'
    )
    .waitFor()
  await expectAccessible(bo)
  await confirm.getByRole('button', { name: 'Delete post' }).click()
  await post(ash, 'a hard week').waitFor({ state: 'detached' })
  expect(ash.problems).toEqual([])
  expect(bo.problems).toEqual([])
})

test('e2e: bad, used and withdrawn invites are refused with words that say which', async () => {
  const cy = await stage.member('Cy')
  await cy.page.getByRole('button', { name: /Join with an invite key/ }).click()
  const attempt = async (key: string, words: string) => {
    await cy.page.getByLabel('Invite key').fill(key)
    await cy.page.getByRole('button', { name: 'Join', exact: true }).click()
    await cy.page.getByRole('alert').getByText(words).waitFor()
  }
  await cy.page.getByLabel('Your name here').fill('Cy')

  await attempt('hello there', 'That doesn’t look like a whole invite key. Check that you copied all of it.')
  await screenshot(cy, '13-bad-invite')
  await expectAccessible(cy)

  // Bo's key let one person in already.
  const { invite: used } = await ash.handlers['invites.create']({
    communityId: (await ash.engine.summaries())[0]!.id,
    maxUses: 1
  })
  const fen = await stage.member('Fen')
  await fen.handlers['communities.join']({ invite: used, displayName: 'Fen' })
  await attempt(used, 'This invite has already been used. Ask a member for a new one.')

  // Ash makes an invite and withdraws it in the invite dialog.
  await ash.page.getByRole('button', { name: 'Invite someone' }).click()
  const dialog = ash.page.getByRole('dialog', { name: 'Invite someone to Night owls' })
  await dialog.getByRole('button', { name: 'Create invite key' }).click()
  const withdrawn = await dialog.getByRole('textbox', { name: 'Invite key' }).inputValue()
  await dialog
    .getByRole('button', { name: /^Withdraw/ })
    .first()
    .click()
  await dialog.getByText('No open invites.').waitFor()
  await dialog.getByRole('button', { name: 'Done' }).click()
  await attempt(withdrawn, 'A member withdrew this invite. Ask a member for a new one.')
  await screenshot(cy, '14-withdrawn-invite')
  expect(cy.problems).toEqual([])
})
