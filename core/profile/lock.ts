// One engine per profile directory. Two processes sharing a Corestore would
// corrupt it, so the second one must fail at once with a clear message.
import { openSync, closeSync, writeSync, readFileSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { MutualError } from '../errors.js'

export class ProfileLock {
  private readonly path: string
  private held = false

  constructor(dir: string) {
    this.path = join(dir, 'mutual.lock')
  }

  acquire(): void {
    if (this.held) return
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.path, 'wx')
        writeSync(fd, String(process.pid))
        closeSync(fd)
        this.held = true
        return
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
        const owner = this.owner()
        if (owner !== null && isAlive(owner)) {
          throw new MutualError(
            'storage-locked',
            `this profile is already open in another Mutual (process ${owner}); close it first or use another --storage folder`
          )
        }
        // Left behind by a process that crashed: safe to take over.
        unlinkSync(this.path)
      }
    }
    throw new MutualError('storage-locked', 'could not lock the profile folder')
  }

  release(): void {
    if (!this.held) return
    this.held = false
    try {
      unlinkSync(this.path)
    } catch {
      // Already gone: nothing to release.
    }
  }

  private owner(): number | null {
    try {
      const pid = Number.parseInt(readFileSync(this.path, 'utf8'), 10)
      return Number.isInteger(pid) && pid > 0 ? pid : null
    } catch {
      return null
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
