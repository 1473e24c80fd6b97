import { beforeAll, expect, test, vi } from 'vitest'
import type { WebContents } from 'electron'
import { CHANNELS } from './channels.js'
import { registerIpc } from './ipc.js'
import { ipcMain } from './testing/fake-electron.js'

vi.mock('electron', () => import('./testing/fake-electron.js'))

const handlers = {
  connect: vi.fn((_contents: WebContents) => undefined),
  openExternal: vi.fn(async (_url: unknown, _contents: WebContents) => true),
  badgeHint: vi.fn((_count: number) => undefined)
}
beforeAll(() => registerIpc(handlers))

const top = { url: 'app://mutual/index.html', parent: null }
const event = (frame: { url: string; parent: unknown } | null) => ({ sender: { id: 1 }, senderFrame: frame })

test('shell: the page from app://mutual may connect, open links and nudge the badge', async () => {
  ipcMain.emit(CHANNELS.connect, event(top))
  expect(handlers.connect).toHaveBeenCalledWith({ id: 1 })
  await expect(
    ipcMain.handlers.get(CHANNELS.openExternal)?.(event(top), 'https://example.org/')
  ).resolves.toBe(true)
  ipcMain.emit(CHANNELS.badge, event(top), 5)
  expect(handlers.badgeHint).toHaveBeenCalledWith(5)
})

test('shell: IPC from any other page or from a subframe is ignored', async () => {
  vi.clearAllMocks()
  const strangers = [
    null,
    { url: 'https://evil.example/', parent: null },
    { url: 'file:///tmp/x.html', parent: null },
    { url: 'app://elsewhere/index.html', parent: null },
    { url: 'app://mutual/index.html', parent: top }
  ]
  for (const frame of strangers) {
    ipcMain.emit(CHANNELS.connect, event(frame))
    ipcMain.emit(CHANNELS.badge, event(frame), 1)
    expect(await ipcMain.handlers.get(CHANNELS.openExternal)?.(event(frame), 'https://example.org/')).toBe(
      false
    )
  }
  expect(handlers.connect).not.toHaveBeenCalled()
  expect(handlers.badgeHint).not.toHaveBeenCalled()
  expect(handlers.openExternal).not.toHaveBeenCalled()
})

test('shell: a malformed badge count from the page is ignored', () => {
  vi.clearAllMocks()
  for (const bad of [-1, 2.5, '3', null, Number.POSITIVE_INFINITY])
    ipcMain.emit(CHANNELS.badge, event(top), bad)
  expect(handlers.badgeHint).not.toHaveBeenCalled()
})
