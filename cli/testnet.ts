// `mutual testnet`: a throwaway DHT on 127.0.0.1 so daemons can find each
// other in tests and demos without touching the public network.
import createTestnet from 'hyperdht/testnet.js'
import { CliError, EXIT_OK, describeError } from './failure.js'
import { print } from './output.js'
import { untilStopSignal } from './signals.js'
import { parseWholeNumber } from './values.js'

const HOST = '127.0.0.1'
/** One bootstrap node plus two more, so lookups have somewhere to go. */
const NODES = 3

export async function runTestnet(portFlag: string | undefined): Promise<number> {
  const port = portFlag === undefined ? 0 : parseWholeNumber('--port', portFlag, 0, 65535)
  const stop = untilStopSignal()
  let testnet
  try {
    testnet = await createTestnet(NODES, { host: HOST, port })
  } catch (err) {
    throw new CliError(`could not start a testnet on ${HOST}:${port || 'any port'}: ${describeError(err)}`)
  }
  const first = testnet.bootstrap[0]
  print(`${first?.host ?? HOST}:${first?.port ?? port}`)
  await stop.promise
  stop.onRepeat(() => process.exit(1))
  await testnet.destroy()
  return EXIT_OK
}
