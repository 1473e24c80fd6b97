// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { Circle, ahead, closeEnginesAfterEach } from '../testing/engines.js'
import { renderWith } from '../testing/render.js'

afterEach(cleanup)
closeEnginesAfterEach()

async function openTopic(circle: Circle, name: string) {
  const rendered = renderWith(circle.bridge)
  const topics = await screen.findByRole('navigation', { name: 'Topics' })
  await rendered.user.click(await within(topics).findByRole('button', { name: new RegExp(`#${name}`) }))
  await screen.findByRole('region', { name: `Posts in #${name}` })
  return rendered
}

test('ui: a check-in asks how you are arriving and offers a mood word, not a score', async () => {
  const circle = await Circle.solo()
  const { user, bridge } = await openTopic(circle, 'check-ins')
  const text = screen.getByLabelText('How are you arriving today?')
  await user.click(text)
  const moods = screen.getByRole('group', { name: 'A word for how you feel (optional)' })
  for (const word of ['calm', 'tired', 'hopeful', 'heavy', 'anxious', 'okay', 'grateful', 'raw'])
    expect(within(moods).getByRole('radio', { name: word })).toBeTruthy()
  await user.type(text, 'Arriving slowly today.')
  await user.click(within(moods).getByRole('radio', { name: 'tired' }))
  await user.click(screen.getByRole('button', { name: 'Share' }))
  const post = await screen.findByRole('article', { name: /Ash/ })
  expect(within(post).getByText('feeling tired')).toBeTruthy()
  expect(bridge.callsOf('posts.create')).toEqual([
    {
      communityId: circle.communityId,
      text: 'Arriving slowly today.',
      topic: 'check-ins',
      mode: 'share',
      mood: 'tired'
    }
  ])

  // Your own word: one word of letters.
  await user.click(screen.getByLabelText('How are you arriving today?'))
  await user.type(screen.getByLabelText('How are you arriving today?'), 'Again')
  await user.click(screen.getByRole('radio', { name: 'Your own word' }))
  await user.type(screen.getByRole('textbox', { name: 'Your own word' }), '7/10')
  await user.click(screen.getByRole('button', { name: 'Share' }))
  expect(await screen.findByText('One word, letters only, please.')).toBeTruthy()
  expect(bridge.callsOf('posts.create')).toHaveLength(1)
  await user.clear(screen.getByRole('textbox', { name: 'Your own word' }))
  await user.type(screen.getByRole('textbox', { name: 'Your own word' }), 'wobbly')
  await user.click(screen.getByRole('button', { name: 'Share' }))
  expect(await screen.findByText('feeling wobbly')).toBeTruthy()
})

const community1 = ahead(async () => ({ circle: await Circle.with(['Bo']) }))
test('ui: resources: any member adds one with its kind and contact; it shows as a post members can flag', async () => {
  const circle = (await community1()).circle
  const { user, bridge } = await openTopic(circle, 'resources')
  expect(screen.getByText(/Mutual is people like you, not a crisis service/)).toBeTruthy()
  await user.click(screen.getByRole('button', { name: 'Add a resource' }))
  const form = screen.getByRole('form', { name: 'Add a resource' })
  await user.click(within(form).getByRole('button', { name: 'Add resource' }))
  expect(within(form).getByText('Please give it a name.')).toBeTruthy()
  await user.selectOptions(within(form).getByLabelText('Kind'), 'Peer line')
  await user.type(within(form).getByLabelText('Name'), 'Evening peer line')
  await user.type(within(form).getByLabelText('How to reach it (optional)'), '0800 000 000, 6 to 11pm')
  await user.type(
    within(form).getByLabelText('What it is, in your words'),
    'Run by people who have been there.'
  )
  await user.click(within(form).getByRole('button', { name: 'Add resource' }))
  const post = await screen.findByRole('article', { name: /Ash/ })
  expect(within(post).getByText('Evening peer line')).toBeTruthy()
  expect(within(post).getByText('Peer line')).toBeTruthy()
  expect(within(post).getByText(/0800 000 000, 6 to 11pm/)).toBeTruthy()
  expect(bridge.callsOf('posts.create')).toEqual([
    {
      communityId: circle.communityId,
      topic: 'resources',
      text: 'Run by people who have been there.',
      resource: { kind: 'peer-line', name: 'Evening peer line', contact: '0800 000 000, 6 to 11pm' }
    }
  ])
  // Someone else's resource has the same More menu as any post (flag, hide for me).
  await circle.member('Bo').call('posts.create', {
    communityId: circle.communityId,
    topic: 'resources',
    text: 'Weekly circle.',
    resource: { kind: 'group', name: 'Tuesday circle', contact: null }
  })
  const theirs = await screen.findByRole('article', { name: /Bo/ })
  await user.click(within(theirs).getByRole('button', { name: 'More for the post by Bo' }))
  expect(within(theirs).getByRole('button', { name: 'Flag for the community' })).toBeTruthy()
})
