// Opens an RPC client on a running daemon's control socket.
import net from 'node:net'
import { RpcClient } from '../core/rpc/client.js'
import { socketTransport } from '../core/rpc/socket.js'
import { CliError } from './failure.js'
import { socketToConnect } from './paths.js'
import { shellQuote } from './quote.js'

// Errors that just mean "nobody is listening there".
const NOT_RUNNING = new Set(['ENOENT', 'ECONNREFUSED', 'ENOTSOCK', 'ENAMETOOLONG', 'ENOTDIR'])

function noDaemonMessage(storage: string): string {
  const dir = shellQuote(storage)
  return `no Mutual daemon is running for ${dir}; start one with: mutual daemon --storage ${dir}`
}

export async function connectToDaemon(storage: string): Promise<RpcClient> {
  const socketPath = socketToConnect(storage)
  if (socketPath === null) throw new CliError(noDaemonMessage(storage))
  const socket = await new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect(socketPath)
    s.once('connect', () => {
      s.off('error', reject)
      resolve(s)
    })
    s.once('error', reject)
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code && NOT_RUNNING.has(err.code)) throw new CliError(noDaemonMessage(storage))
    throw new CliError(`could not reach the Mutual daemon at ${socketPath}: ${err.message}`)
  })
  return new RpcClient(socketTransport(socket))
}

/** Resolves true when something accepts connections at `socketPath`. */
export function isListening(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(socketPath)
    s.once('connect', () => {
      s.destroy()
      resolve(true)
    })
    s.once('error', () => resolve(false))
  })
}
