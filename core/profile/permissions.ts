// The profile folder holds every community's keys and history: only this
// user may read it, whether we created it or it was already there.
import { chmod, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { isMainThread } from 'node:worker_threads'

const PRIVATE_DIR = 0o700
const PRIVATE_FILE = 0o600

/**
 * Makes `dir` (created if needed) and everything in it private to this user,
 * and makes files created afterwards private too. Does nothing on Windows,
 * where POSIX modes do not describe who can read a file.
 */
export async function secureProfileDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  // The umask is process-wide: it also narrows files this process writes
  // anywhere else. That is acceptable because the engine always runs in a
  // process of its own (the daemon, or Electron's utilityProcess), which
  // writes nothing that others should read. Setting it, rather than passing
  // modes at each call, also covers files created by storage libraries.
  // Worker threads may not change it; there the walk below still applies.
  if (isMainThread) process.umask(0o077)
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR })
  await chmod(dir, PRIVATE_DIR)
  await secureTree(dir)
}

async function secureTree(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(ignoreVanished)
  for (const entry of entries ?? []) {
    // Dirent types come from lstat: a symlink is neither a file nor a
    // directory here, so links (and what they point at) are left alone.
    const full = join(dir, entry.name)
    if (entry.isDirectory()) {
      await chmod(full, PRIVATE_DIR).catch(ignoreVanished)
      await secureTree(full)
    } else if (entry.isFile()) {
      await chmod(full, PRIVATE_FILE).catch(ignoreVanished)
    }
  }
}

/** Something else (a crash cleanup, say) may remove an entry mid-walk; that is not a failure. */
function ignoreVanished(err: unknown): undefined {
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
  throw err
}
