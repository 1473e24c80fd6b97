import { beforeEach, expect, test, vi } from 'vitest'
import { confirmOpenExternal, parseExternalUrl } from './external.js'
import { dialog, shell } from './testing/fake-electron.js'

vi.mock('electron', () => import('./testing/fake-electron.js'))

beforeEach(() => {
  vi.clearAllMocks()
  dialog.nextResponse = 0
})

test('shell: an https link opens in the browser only after the person confirms it', async () => {
  dialog.nextResponse = 1
  await expect(confirmOpenExternal('https://example.org/support?x=1', null)).resolves.toBe(true)
  expect(dialog.showMessageBox).toHaveBeenCalledTimes(1)
  expect(dialog.showMessageBox.mock.calls[0]?.[0]).toMatchObject({
    detail: 'https://example.org/support?x=1'
  })
  expect(shell.openExternal).toHaveBeenCalledWith('https://example.org/support?x=1')
})

test('shell: a declined link is not opened', async () => {
  dialog.nextResponse = 0
  await expect(confirmOpenExternal('https://example.org/', null)).resolves.toBe(false)
  expect(dialog.showMessageBox).toHaveBeenCalledTimes(1)
  expect(shell.openExternal).not.toHaveBeenCalled()
})

test('shell: links that are not plain https are refused without even asking', async () => {
  dialog.nextResponse = 1
  const refused: unknown[] = [
    'http://example.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'mailto:someone@example.org',
    'smb://server/share',
    'app://mutual/index.html',
    'https://trusted.example@evil.example/',
    'not a url',
    `https://example.org/${'a'.repeat(3000)}`,
    42,
    null,
    { href: 'https://example.org/' }
  ]
  for (const url of refused) await expect(confirmOpenExternal(url, null), String(url)).resolves.toBe(false)
  expect(dialog.showMessageBox).not.toHaveBeenCalled()
  expect(shell.openExternal).not.toHaveBeenCalled()
})

test('shell: the confirm dialog shows look-alike hostnames in punycode', () => {
  expect(parseExternalUrl('https://аpple.com/')?.href).toBe('https://xn--pple-43d.com/')
})

test('shell: while one link is being confirmed, further links are refused rather than stacking dialogs', async () => {
  let answer: (value: { response: number; checkboxChecked: boolean }) => void = () => undefined
  dialog.showMessageBox.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
  const first = confirmOpenExternal('https://example.org/one', null)
  await expect(confirmOpenExternal('https://example.org/two', null)).resolves.toBe(false)
  answer({ response: 1, checkboxChecked: false })
  await expect(first).resolves.toBe(true)
  expect(shell.openExternal.mock.calls).toEqual([['https://example.org/one']])
})
