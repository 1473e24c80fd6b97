import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { secureProfileDir } from './permissions.js'

const modeOf = (p: string) => statSync(p).mode & 0o777

describe.skipIf(process.platform === 'win32')('profile folder permissions', () => {
  let scratch = ''
  let previousUmask = 0
  beforeEach(() => {
    // The usual umask, so "private" below is secureProfileDir's doing and not the environment's.
    previousUmask = process.umask(0o022)
    scratch = mkdtempSync(join(tmpdir(), 'mutual-perm-'))
  })
  afterEach(() => {
    process.umask(previousUmask)
    rmSync(scratch, { recursive: true, force: true })
  })

  test('profile folder: a folder that does not exist yet is created 0700', async () => {
    const dir = join(scratch, 'new', 'profile')
    await secureProfileDir(dir)
    expect(modeOf(dir)).toBe(0o700)
  })

  test('profile folder: an existing 0755 folder and everything in it becomes 0700 and 0600', async () => {
    const dir = join(scratch, 'old')
    mkdirSync(join(dir, 'communities', 'abc'), { recursive: true, mode: 0o755 })
    writeFileSync(join(dir, 'profile.json'), '{}', { mode: 0o644 })
    writeFileSync(join(dir, 'communities', 'abc', 'data'), 'x', { mode: 0o666 })
    chmodSync(dir, 0o755)
    await secureProfileDir(dir)
    expect(modeOf(dir)).toBe(0o700)
    expect(modeOf(join(dir, 'communities'))).toBe(0o700)
    expect(modeOf(join(dir, 'communities', 'abc'))).toBe(0o700)
    expect(modeOf(join(dir, 'profile.json'))).toBe(0o600)
    expect(modeOf(join(dir, 'communities', 'abc', 'data'))).toBe(0o600)
  })

  test('profile folder: a link inside is not followed, so what it points at keeps its mode', async () => {
    const dir = join(scratch, 'linked')
    const outside = join(scratch, 'outside.txt')
    writeFileSync(outside, 'not ours', { mode: 0o644 })
    mkdirSync(dir)
    symlinkSync(outside, join(dir, 'link'))
    await secureProfileDir(dir)
    expect(modeOf(outside)).toBe(0o644)
  })

  test('profile folder: files and folders created afterwards are private too', async () => {
    const dir = join(scratch, 'later')
    await secureProfileDir(dir)
    writeFileSync(join(dir, 'written-later'), 'x')
    mkdirSync(join(dir, 'made-later'))
    expect(modeOf(join(dir, 'written-later'))).toBe(0o600)
    expect(modeOf(join(dir, 'made-later'))).toBe(0o700)
  })
})
