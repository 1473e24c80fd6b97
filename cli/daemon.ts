// `mutual daemon`: runs the engine in the foreground and serves the RPC on a
// control socket, so other `mutual` commands (and scripts) can drive it.
import { chmodSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { Mutual } from '../core/mutual.js'
import { parseBootstrap, probeBootstrap } from '../core/network.js'
import { serveRpc } from '../core/rpc/server.js'
import { createHandlers } from '../core/rpc/handlers.js'
import { socketTransport } from '../core/rpc/socket.js'
import type { EngineEvent } from '../core/domain/types.js'
import { isListening } from './connect.js'
import { CliError, EXIT_FAILURE, EXIT_OK, describeError, oneLine } from './failure.js'
import { onCrash } from './fatal.js'
import { complain, exitWith, note, print } from './output.js'
import { CONTROL_FILE, socketFor, socketToConnect } from './paths.js'
import { shellQuote } from './quote.js'
import { untilStopSignal } from './signals.js'
import { passphraseSource } from './passphrase.js'
import { openUnlocked } from './unlock.js'

interface DaemonOptions {
  storage: string
  /** HOST:PORT[,HOST:PORT...]; undefined means the public DHT. */
  bootstrap: string | undefined
  offline: boolean
  /** Where a locked profile's passphrase comes from when there is no terminal to ask. */
  passphraseFd: string | undefined
}

/** A generous bound: closing flushes storage, but must not hang forever. */
const CLOSE_TIMEOUT_MS = 20_000

export async function runDaemon(options: DaemonOptions): Promise<number> {
  const storage = path.resolve(options.storage)
  // Parse before touching anything, so a typo costs nothing.
  const bootstrap = options.bootstrap === undefined ? undefined : parseBootstrap(options.bootstrap)
  // The storage folder is created, and made private (0700, its files 0600),
  // by engine.ready() below: nothing here writes into it before then.
  const stop = untilStopSignal()
  // A second Ctrl-C, or (below) a close that never finishes, still ends the process.
  stop.onRepeat(() => {
    complain('stopped before the engine finished opening or closing')
    void exitWith(EXIT_FAILURE)
  })

  // Fast, friendly answer when a daemon is already serving this DIR; the
  // engine's storage lock is the real guard and catches everything else.
  await refuseIfServed(storage)

  const engine = await openUnlocked(
    (passphrase) => new Mutual({ storage, bootstrap, offline: options.offline, passphrase }),
    () => passphraseSource(options.passphraseFd)
  )
  // Wiping removes the profile the daemon serves: nothing is left to serve, so it stops.
  const wiped = new Promise<void>((resolve) => engine.once('wiped', () => setImmediate(resolve)))

  const location = socketFor(storage)
  const controlFile = path.join(storage, CONTROL_FILE)
  const removeFiles = (): void => {
    if (process.platform !== 'win32') rmSync(location.path, { force: true })
    if (location.relocated) rmSync(controlFile, { force: true })
  }
  onCrash(removeFiles)

  const onEvent = (event: EngineEvent): void => {
    if (event.type === 'engine-error') note(`mutual daemon: ${oneLine(event.message)}`)
  }
  engine.on('event', onEvent)

  const handlers = createHandlers(engine)
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    serveRpc(socketTransport(socket), handlers, engine)
  })
  if (!stop.requested) {
    try {
      // We hold the storage lock, so a leftover socket file is from a daemon that died.
      if (process.platform !== 'win32') rmSync(location.path, { force: true })
      await listen(server, location.path)
      // A socket or pipe failing after start-up should not crash the daemon.
      server.on('error', (err) => complain(`control socket: ${describeError(err)}`))
      if (location.relocated) writeFileSync(controlFile, `${location.path}\n`, { mode: 0o600 })
      else rmSync(controlFile, { force: true })
    } catch (err) {
      removeFiles()
      await engine.close().catch(() => undefined)
      throw new CliError(`could not open the control socket ${location.path}: ${describeError(err)}`)
    }
    const offline = options.offline ? ', networking off' : ''
    print(`mutual daemon ready: storage ${storage}, socket ${location.path}${offline}`)
    // Ready either way; but say so plainly when nothing can sync because the network is out of reach.
    if (!options.offline)
      void probeBootstrap(bootstrap).then((reached) => {
        if (reached === false && !stop.requested)
          complain(
            `can't reach the network${options.bootstrap ? ` at ${options.bootstrap}` : ''}: no DHT node answered, so nothing will sync until it can`
          )
      })
    await Promise.race([stop.promise, wiped])
    if (!stop.requested) note("mutual daemon: this device's profile was wiped; stopping")
  }

  setTimeout(() => {
    complain(`the engine did not close within ${CLOSE_TIMEOUT_MS / 1000}s; exiting anyway`)
    void exitWith(EXIT_FAILURE)
  }, CLOSE_TIMEOUT_MS).unref()

  server.close()
  for (const socket of sockets) socket.destroy()
  engine.off('event', onEvent)
  try {
    await engine.close()
  } catch (err) {
    complain(`while closing: ${describeError(err)}`)
    return EXIT_FAILURE
  } finally {
    removeFiles()
  }
  return EXIT_OK
}

async function refuseIfServed(storage: string): Promise<void> {
  const candidates = new Set<string>()
  try {
    const current = socketToConnect(storage)
    if (current) candidates.add(current)
    candidates.add(socketFor(storage).path)
  } catch {
    // An unusable control file just means nobody we trust is serving.
  }
  for (const candidate of candidates) {
    if (await isListening(candidate)) {
      throw new CliError(
        `a Mutual daemon is already running for ${shellQuote(storage)} (socket ${candidate})`
      )
    }
  }
}

function listen(server: net.Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    // The socket is the key to every community on this device: create it
    // private rather than chmod it after a window where others could connect.
    const previous = process.platform === 'win32' ? null : process.umask(0o077)
    try {
      server.listen(socketPath, () => {
        server.off('error', reject)
        if (process.platform !== 'win32') chmodSync(socketPath, 0o600)
        resolve()
      })
    } finally {
      if (previous !== null) process.umask(previous)
    }
  })
}
