import path from 'node:path'
import { expect, test, vi } from 'vitest'
import { resolveAppPath } from './protocol.js'

vi.mock('electron', () => import('./testing/fake-electron.js'))

const root = path.resolve('/app/dist/renderer')

test('shell: app:// serves files from the renderer folder', () => {
  expect(resolveAppPath(root, 'app://mutual/index.html')).toBe(path.join(root, 'index.html'))
  expect(resolveAppPath(root, 'app://mutual/')).toBe(path.join(root, 'index.html'))
  expect(resolveAppPath(root, 'app://mutual/assets/app-1a2b.js?v=1#x')).toBe(
    path.join(root, 'assets', 'app-1a2b.js')
  )
})

test('shell: app:// never serves anything outside the renderer folder', () => {
  for (const url of [
    'app://mutual/../main/main.cjs',
    'app://mutual/%2e%2e/main/main.cjs',
    'app://mutual/assets/%2e%2e%2f%2e%2e%2fmain/main.cjs',
    'app://mutual/..%5c..%5cmain.cjs',
    'app://mutual/%00',
    'app://mutual/%E0%A4%A',
    'app://elsewhere/index.html',
    'file:///etc/passwd',
    'https://mutual/index.html',
    'nonsense'
  ]) {
    const file = resolveAppPath(root, url)
    expect(file === null || file.startsWith(root + path.sep), url).toBe(true)
  }
  // Encoded slashes survive URL parsing and would climb out once decoded.
  expect(resolveAppPath(root, 'app://mutual/assets/%2e%2e%2f%2e%2e%2fmain/main.cjs')).toBeNull()
  expect(resolveAppPath(root, 'app://elsewhere/index.html')).toBeNull()
})
