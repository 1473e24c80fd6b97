// Where a daemon's storage and control socket live. Clients and the daemon
// must agree on the socket from the storage path alone, so every rule here is
// deterministic given DIR (plus, for the fallback, the file the daemon leaves).
import { createHash } from 'node:crypto'
import { lstatSync, mkdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CliError } from './failure.js'

const SOCKET_NAME = 'mutual.sock'
/** The daemon writes its socket path here when it had to put the socket elsewhere. */
export const CONTROL_FILE = 'control-socket'
// sockaddr_un holds 104 bytes on macOS and 108 on Linux, counting the NUL;
// stay clear of both.
const MAX_UNIX_SOCKET_PATH = 100

export function defaultStorage(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MUTUAL_STORAGE) return path.resolve(env.MUTUAL_STORAGE)
  const home = os.homedir()
  switch (process.platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Mutual')
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Mutual')
    default:
      return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'mutual')
  }
}

function storageHash(storage: string): string {
  // Windows paths are case-insensitive: C:\Data and c:\data are one folder.
  const key = process.platform === 'win32' ? storage.toLowerCase() : storage
  return createHash('sha256').update(key).digest('hex').slice(0, 24)
}

interface SocketLocation {
  path: string
  /** True when the socket is not DIR/mutual.sock, so clients need the control file to find it. */
  relocated: boolean
}

/** Where a daemon for `storage` (an absolute path) should listen. */
export function socketFor(storage: string): SocketLocation {
  if (process.platform === 'win32') {
    return { path: `\\\\.\\pipe\\mutual-${storageHash(storage)}`, relocated: false }
  }
  const inside = path.join(storage, SOCKET_NAME)
  if (Buffer.byteLength(inside) <= MAX_UNIX_SOCKET_PATH) return { path: inside, relocated: false }
  return { path: path.join(privateTempDir(), `${storageHash(storage)}.sock`), relocated: true }
}

/** Where a client should look for the daemon of `storage`; null when there can be no daemon. */
export function socketToConnect(storage: string): string | null {
  if (process.platform === 'win32') return socketFor(storage).path
  let written: string | null = null
  try {
    written = readFileSync(path.join(storage, CONTROL_FILE), 'utf8').trim() || null
  } catch {
    // No control file: the daemon (if any) uses the usual place.
  }
  if (!written) {
    const inside = path.join(storage, SOCKET_NAME)
    // A daemon that could not listen inside DIR always leaves the control file.
    return Buffer.byteLength(inside) <= MAX_UNIX_SOCKET_PATH ? inside : null
  }
  // A socket outside DIR is only trusted inside our own private directory,
  // so nobody else on the machine can stand in for the daemon.
  checkPrivateDir(path.dirname(written))
  return written
}

function tempDirName(): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0
  return path.join(os.tmpdir(), `mutual-${uid}`)
}

/** A directory in the temp folder that only this user can enter. */
function privateTempDir(): string {
  const dir = tempDirName()
  try {
    mkdirSync(dir, { mode: 0o700 })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
  checkPrivateDir(dir)
  return dir
}

function checkPrivateDir(dir: string): void {
  const st = lstatSync(dir, { throwIfNoEntry: false })
  const mine = typeof process.getuid !== 'function' || st?.uid === process.getuid()
  if (!st || !st.isDirectory() || !mine || (st.mode & 0o077) !== 0) {
    throw new CliError(
      `${dir} is not a private directory of this user; refusing to use a control socket there`
    )
  }
}
