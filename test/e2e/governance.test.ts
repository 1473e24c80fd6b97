// Self-governance in the production renderer, four members on real engines
// over a local testnet: a newcomer reads and accepts the agreements before a
// first post; a change is proposed, consented to on two other screens and
// adopted everywhere; a post flagged by two members collapses, with their
// reasons, on a fourth member's screen.
import { expect, test } from 'vitest'
import type { Locator } from 'playwright-core'
import {
  agreeIn,
  expectAccessible,
  joinWith,
  makeInvite,
  postOn,
  sceneFor,
  screenshot,
  tabOn
} from './harness.js'
import type { Member } from './harness.js'

const NAME = 'Evening circle'
let ash: Member
let bo: Member
let cy: Member
let dee: Member
// Two light and two dark screens, so both themes are checked in each scenario.
const { timings } = sceneFor(
  'governance',
  [['Ash'], ['Bo', { colorScheme: 'dark' }], ['Cy'], ['Dee', { colorScheme: 'dark' }]],
  (m) => ([ash, bo, cy, dee] = m as [Member, Member, Member, Member])
)

const post = postOn
const tab = tabOn
const proposal = (m: Member, title: string): Locator => m.page.getByRole('article', { name: title })

async function share(m: Member, text: string): Promise<void> {
  await m.page.getByLabel(`Share with ${NAME}`).fill(text)
  await m.page.getByRole('button', { name: 'Share', exact: true }).click()
  await post(m, text).waitFor()
}

const join = (m: Member, key: string): Promise<void> => joinWith(m, key, NAME)

const GATE = 'Before you share: what this community has agreed'

const agree = (m: Member): Promise<void> => agreeIn(m, NAME)

const ADDED_AGREEMENT = 'We say hello to newcomers by name.'

test('e2e: a newcomer sees the agreements and the confidentiality limits, and says "I agree" before a first post', async () => {
  // Ash starts the community, adding a line to the template agreements.
  await ash.page.getByRole('button', { name: /Start a community/ }).click()
  await ash.page.getByLabel('Community name').fill(NAME)
  await ash.page.getByLabel('Your name here').fill('Ash')
  await ash.page.getByText('Agreements (you can edit these)').click()
  const text = ash.page.getByLabel('Agreements', { exact: true })
  expect(await text.inputValue()).toMatch(/^We are peers\./)
  await text.fill(`${await text.inputValue()}\n\nWelcome\n${ADDED_AGREEMENT}`)
  await screenshot(ash, '16-start-with-agreements')
  await expectAccessible(ash)
  await ash.page.getByRole('button', { name: 'Start community' }).click()
  await ash.page.getByRole('heading', { level: 1, name: NAME }).waitFor()
  // The founder wrote them, so has agreed already.
  await ash.page.getByLabel(`Share with ${NAME}`).waitFor()

  const key = await makeInvite(ash, NAME, '5 times')

  const joinStart = Date.now()
  await join(bo, key)
  const joined = Date.now()
  // Bo sees the agreements where the compose box will be: Ash's added line, and the confidentiality limits apart.
  const gate = bo.page.getByRole('region', { name: GATE })
  await gate.waitFor()
  const gateShown = Date.now()
  await gate.getByText(ADDED_AGREEMENT).waitFor()
  await gate
    .getByRole('region', { name: 'Confidentiality, and its limits' })
    .getByText(/what they already received stays with them/)
    .waitFor()
  expect(await bo.page.getByLabel(`Share with ${NAME}`).count()).toBe(0)
  await gate.getByRole('heading', { name: 'Confidentiality, and its limits' }).scrollIntoViewIfNeeded()
  await screenshot(bo, '17-agreements-before-first-post-dark')
  await expectAccessible(bo)

  const agreeAt = Date.now()
  await agree(bo)
  await share(bo, 'Hello, I’m Bo. Glad to be here.')
  await post(ash, 'Hello, I’m Bo. Glad to be here.').waitFor()
  timings.push(
    `newcomer: joined in ${joined - joinStart} ms, agreements shown ${gateShown - joined} ms later; ` +
      `"I agree" to first post on the founder's screen ${Date.now() - agreeAt} ms`
  )
  // The log says who agreed.
  await tab(ash, /^Community log/).click()
  await ash.page.getByText('Bo said “I agree” to the agreements').waitFor()
  await tab(ash, /^Conversation/).click()

  // Cy and Dee join and agree the same way.
  await Promise.all([join(cy, key), join(dee, key)])
  await Promise.all([agree(cy), agree(dee)])
  await ash.page.getByText('4 members').waitFor()
  for (const m of [ash, bo, cy, dee]) expect(m.problems).toEqual([])
})

const CHANGE = 'Late nights'
const CHANGE_TEXT = 'We check in on each other after a hard post, even with a simple “me too”.'

test('e2e: a change is proposed, consented to on two more screens, and adopted for everyone', async () => {
  await tab(ash, /^Agreements/).click()
  await ash.page.getByRole('button', { name: 'Propose a change' }).click()
  const dialog = ash.page.getByRole('dialog', { name: 'Propose a change' })
  const text = dialog.getByLabel('The agreements, as you propose them')
  await text.fill(`${await text.inputValue()}\n\n${CHANGE}\n${CHANGE_TEXT}`)
  await dialog.getByLabel('Why? Everyone will see this.').fill('Hard posts sometimes go unanswered at night.')
  await dialog.getByText(/adopted when 3 members consent and nobody objects/).waitFor()
  await dialog.getByRole('button', { name: 'Propose', exact: true }).click()
  await dialog.waitFor({ state: 'detached' })
  const mine = proposal(ash, 'Change the agreements')
  await mine.getByText('1 of 3 consents needed').waitFor()
  await mine.getByText('You proposed this, which counts as your consent.').waitFor()

  // Bo sees it counted on the Agreements tab, reads the change, and consents.
  await tab(bo, /^Agreements 1 open proposal/).click()
  const onBo = proposal(bo, 'Change the agreements')
  await onBo.getByText('1 of 3 consents needed').waitFor()
  await onBo.locator('.diff-added', { hasText: CHANGE_TEXT }).waitFor()
  await onBo.getByRole('button', { name: 'Consent', exact: true }).click()
  await onBo.getByText('You consented.').waitFor()
  await screenshot(bo, '18-proposal-consented-dark')
  await expectAccessible(bo)

  // Cy sees two of three and Bo's response, then consents too.
  await tab(cy, /^Agreements/).click()
  const onCy = proposal(cy, 'Change the agreements')
  await onCy.getByText('2 of 3 consents needed').waitFor()
  await onCy.getByText('Bo consents').waitFor()
  await screenshot(cy, '19-proposal-open-light')
  await expectAccessible(cy)
  const consentAt = Date.now()
  await onCy.getByRole('button', { name: 'Consent', exact: true }).click()

  // Adopted on every screen, with the new words in the current agreements.
  const adopted = async (m: Member) => {
    if (m === dee) await tab(dee, /^Agreements/).click()
    await proposal(m, 'Change the agreements').locator('.status-adopted').waitFor()
    await m.page.locator('.agreements-current').getByText(CHANGE_TEXT).waitFor()
    return Date.now() - consentAt
  }
  const [onAsh, onCyNow, onBoNow, onDee] = await Promise.all([
    adopted(ash),
    adopted(cy),
    adopted(bo),
    adopted(dee)
  ])
  timings.push(
    `proposal: adopted after the last consent in ${onCyNow} ms on the consenting screen, ` +
      `${onAsh} ms on the proposer's, ${onBoNow} and ${onDee} ms on the others`
  )
  await ash.page.locator('.agreements-current').getByText('Version 2').waitFor()
  await proposal(ash, 'Change the agreements').scrollIntoViewIfNeeded()
  await screenshot(ash, '20-proposal-adopted-light')
  await expectAccessible(ash)
  // Everyone agreed to version 1; the change is told calmly and agreeing again is offered, not required.
  await dee.page.getByText(/you agreed to version 1; this is version 2/).scrollIntoViewIfNeeded()
  await screenshot(dee, '21-agreements-changed-dark')
  await expectAccessible(dee)
  await dee.page.getByRole('button', { name: 'I agree to this version' }).click()
  await dee.page.getByText('You have agreed to version 2.').waitFor()
  await tab(bo, /^Conversation/).click()
  await bo.page.getByText('The agreements changed since you last said “I agree”.').waitFor()
  for (const m of [ash, bo, cy, dee]) expect(m.problems).toEqual([])
})

const FLAGGED = 'Have you tried just thinking positive? It worked for me.'

test('e2e: a post flagged by two members collapses, with who flagged and why, on a third member’s screen', async () => {
  await share(bo, FLAGGED)
  const reasons = [
    [ash, 'Advice, when the agreements ask us to hold back unless invited.'],
    [cy, 'It felt dismissive of how hard this is.']
  ] as const
  let flaggedAt = 0
  for (const [m, reason] of reasons) {
    await tab(m, /^Conversation/).click()
    const target = post(m, FLAGGED)
    await target.getByRole('button', { name: 'More for the post by Bo' }).click()
    await target.getByRole('button', { name: 'Flag for the community' }).click()
    const dialog = m.page.getByRole('dialog', { name: 'Flag this post for the community' })
    await dialog.getByText(/Flags are not anonymous/).waitFor()
    await dialog.getByLabel('Why are you flagging it?').fill(reason)
    if (m === ash) {
      await screenshot(ash, '22-flag-dialog-light')
      await expectAccessible(ash)
    }
    flaggedAt = Date.now()
    await dialog.getByRole('button', { name: 'Flag post' }).click()
    await dialog.waitFor({ state: 'detached' })
  }

  // Dee, who flagged nothing, sees it collapsed with both reasons and who gave them.
  await tab(dee, /^Conversation/).click()
  const collapsed = dee.page.locator('article.post-collapsed-card')
  await collapsed.getByText('Collapsed by the community').waitFor()
  const collapseMs = Date.now() - flaggedAt
  await collapsed.getByText('2 members flagged it:').waitFor()
  await collapsed.getByText(`Ash: “${reasons[0][1]}”`).waitFor()
  await collapsed.getByText(`Cy: “${reasons[1][1]}”`).waitFor()
  expect(await collapsed.getByText(FLAGGED).count()).toBe(0)
  await screenshot(dee, '23-post-collapsed-dark')
  await expectAccessible(dee)
  await collapsed.getByRole('button', { name: 'Open anyway' }).click()
  await collapsed.getByText(FLAGGED).waitFor()
  timings.push(`flags: the second flag collapsed the post on a third member's screen in ${collapseMs} ms`)

  // Bo, the author, is told and can ask for a review.
  const own = post(bo, FLAGGED)
  await own.getByText('Members collapsed your post').waitFor()
  await own.getByRole('button', { name: 'Ask for a review' }).waitFor()
  await screenshot(bo, '24-own-post-collapsed-dark')
  await expectAccessible(bo)

  // The community log holds each flag and the collapse, with reasons; Cy's screen shows it in light.
  await tab(cy, /^Community log/).click()
  const log = cy.page.getByRole('list', { name: 'Community log entries' })
  await log.getByText('A post by Bo collapsed for everyone after enough flags').waitFor()
  await log.getByText('Cy flagged a post by Bo').waitFor()
  await log.getByText('Ash flagged a post by Bo').waitFor()
  await log.getByText('Adopted by consent: Change the agreements').waitFor()
  await screenshot(cy, '25-community-log-light')
  await expectAccessible(cy)
  for (const m of [ash, bo, cy, dee]) expect(m.problems).toEqual([])
})

test('e2e: muting is only on one screen; a removal is proposed with honest words, and the member concerned is told', async () => {
  // Dee mutes Bo: Bo's posts fold on Dee's screen only.
  await tab(dee, /^Conversation/).click()
  await dee.page.getByRole('button', { name: 'Members' }).click()
  const panel = dee.page.getByRole('complementary', { name: 'Members' })
  await panel.getByRole('button', { name: 'Options for Bo' }).click()
  await panel.getByText(/Bo is not told, and nothing changes for anyone else/).waitFor()
  await screenshot(dee, '26-member-options-dark')
  await expectAccessible(dee)
  await panel.getByRole('button', { name: 'Mute on this device' }).click()
  await panel.getByText('muted by you').waitFor()
  await dee.page.getByText('A post from someone you muted on this device.').first().waitFor()
  expect(await post(dee, 'Hello, I’m Bo. Glad to be here.').count()).toBe(0)
  await screenshot(dee, '27-muted-dark')
  await expectAccessible(dee)
  // Nobody else's screen changes, and the log holds nothing about it.
  await post(ash, 'Hello, I’m Bo. Glad to be here.').waitFor()
  await panel.getByRole('button', { name: 'Unmute' }).click()
  await post(dee, 'Hello, I’m Bo. Glad to be here.').waitFor()

  // Ash proposes removing Cy; the dialog says what removal can and cannot do.
  await tab(ash, /^Conversation/).click()
  await ash.page.getByRole('button', { name: 'Members' }).click()
  const ashPanel = ash.page.getByRole('complementary', { name: 'Members' })
  await ashPanel.getByRole('button', { name: 'Options for Cy' }).click()
  await ashPanel.getByRole('button', { name: 'Propose removing…' }).click()
  const dialog = ash.page.getByRole('dialog', { name: 'Propose removing Cy' })
  await dialog.getByText(/What they already received stays with them; nobody can take it back/).waitFor()
  await dialog
    .getByLabel(/Why\? Every member, including them, will see this/)
    .fill('A test of how removal reads.')
  await screenshot(ash, '28-propose-removal-light')
  await expectAccessible(ash)
  await dialog.getByRole('button', { name: 'Propose removing' }).click()
  await dialog.waitFor({ state: 'detached' })

  // Cy is told, and cannot respond to a proposal about them.
  await tab(cy, /^Agreements/).click()
  const aboutCy = proposal(cy, 'Remove Cy from the community')
  await aboutCy.getByText(/This proposal is about you/).waitFor()
  expect(await aboutCy.getByRole('button', { name: 'Consent', exact: true }).count()).toBe(0)
  await aboutCy.scrollIntoViewIfNeeded()
  await screenshot(cy, '29-removal-about-me-light')
  await expectAccessible(cy)
  // Ash withdraws it: nothing happens behind anyone's back, and nothing is left open.
  await tab(ash, /^Agreements/).click()
  await proposal(ash, 'Remove Cy from the community')
    .getByRole('button', { name: 'Withdraw proposal' })
    .click()
  await aboutCy.locator('.status-withdrawn').waitFor()
  for (const m of [ash, bo, cy, dee]) expect(m.problems).toEqual([])
})

test('e2e: a removal adopted by consent: the removed member sees the reason and what stays with them', async () => {
  await tab(ash, /^Conversation/).click()
  const ashPanel = ash.page.getByRole('complementary', { name: 'Members' })
  await ashPanel.getByRole('button', { name: 'Propose removing…' }).click()
  const dialog = ash.page.getByRole('dialog', { name: 'Propose removing Cy' })
  const reason = 'We asked more than once for no numbers, and they kept coming.'
  await dialog.getByLabel(/Why\? Every member, including them, will see this/).fill(reason)
  await dialog.getByRole('button', { name: 'Propose removing' }).click()
  await dialog.waitFor({ state: 'detached' })

  // Removal is counted among the other three members: the proposer and one more.
  await tab(bo, /^Agreements/).click()
  const onBo = proposal(bo, 'Remove Cy from the community').filter({ has: bo.page.locator('.status-open') })
  await onBo.getByText('1 of 2 consents needed').waitFor()
  const consentAt = Date.now()
  await onBo.getByRole('button', { name: 'Consent', exact: true }).click()

  const notice = cy.page.getByRole('region', {
    name: 'Evening circle decided that you are no longer a member'
  })
  await notice.waitFor()
  timings.push(
    `removal: the removed member's screen showed the notice ${Date.now() - consentAt} ms after the deciding consent`
  )
  await notice.getByText(reason).waitFor()
  await notice.getByText(/What you already have stays on this device/).waitFor()
  await screenshot(cy, '30-removed-notice-light')
  await expectAccessible(cy)
  await notice.getByRole('button', { name: 'Read what you have' }).click()
  await post(cy, 'Hello, I’m Bo. Glad to be here.').waitFor()
  expect(await cy.page.getByLabel(`Share with ${NAME}`).count()).toBe(0)
  await ash.page.locator('.community-sub').getByText('3 members', { exact: true }).waitFor()
  await tab(dee, /^Community log/).click()
  await dee.page.getByText('The community removed Cy').waitFor()
  for (const m of [ash, bo, cy, dee]) expect(m.problems).toEqual([])
})
