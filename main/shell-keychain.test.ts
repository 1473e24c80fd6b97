import { afterEach, expect, test, vi } from 'vitest'
import { safeStorage } from './testing/fake-electron.js'
import { osKeychain } from './keychain.js'

vi.mock('electron', () => import('./testing/fake-electron.js'))

afterEach(() => {
  safeStorage.available = true
  safeStorage.backend = 'gnome_libsecret'
})

test('shell: the OS keychain seals a secret through safeStorage and opens it again', () => {
  const keychain = osKeychain()
  if (!keychain) throw new Error('a keychain was expected')
  const secret = Buffer.from('0123456789abcdef0123456789abcdef')
  const sealed = keychain.seal(secret)
  expect(sealed.includes(secret)).toBe(false)
  expect(keychain.open(sealed).equals(secret)).toBe(true)
})

test.skipIf(process.platform !== 'linux')(
  "shell: Linux's fallback with a well-known key does not count as a keychain",
  () => {
    safeStorage.backend = 'basic_text'
    expect(osKeychain()).toBeNull()
  }
)

test('shell: no keychain where safeStorage has no encryption', () => {
  safeStorage.available = false
  expect(osKeychain()).toBeNull()
})
