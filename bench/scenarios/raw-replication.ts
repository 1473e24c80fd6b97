// The floor: plain Hypercore replication of the same bytes between two peers
// over the same local swarm, with no Autobase and no view to build.
import Corestore from 'corestore'
import Hyperswarm from 'hyperswarm'
import HyperDHT from 'hyperdht'
import type { BenchLab } from '../fixtures.js'
import { round } from '../stats.js'

export async function rawReplication(lab: BenchLab, blocks: number, bytes: number) {
  const blockSize = Math.max(1, Math.round(bytes / blocks))
  const [dirA, dirB] = [await lab.dir(), await lab.dir()]
  const a = new Corestore(dirA)
  const b = new Corestore(dirB)
  const swarmA = new Hyperswarm({ dht: new HyperDHT({ bootstrap: lab.bootstrap, host: '127.0.0.1' }) })
  const swarmB = new Hyperswarm({ dht: new HyperDHT({ bootstrap: lab.bootstrap, host: '127.0.0.1' }) })
  try {
    const source = a.get({ name: 'raw' }) as unknown as {
      ready(): Promise<void>
      append(b: Buffer[]): Promise<void>
      key: Buffer
      discoveryKey: Buffer
    }
    await source.ready()
    const block = Buffer.alloc(blockSize, 'x')
    for (let i = 0; i < blocks; i += 1000) {
      await source.append(Array.from({ length: Math.min(1000, blocks - i) }, () => block))
    }
    swarmA.on('connection', (conn) => a.replicate(conn))
    swarmB.on('connection', (conn) => b.replicate(conn))
    await swarmA.join(source.discoveryKey).flushed()
    const copy = b.get({ key: source.key }) as unknown as {
      ready(): Promise<void>
      download(range: { start: number; end: number }): { done(): Promise<void> }
    }
    await copy.ready()
    const start = performance.now()
    swarmB.join(source.discoveryKey)
    await copy.download({ start: 0, end: blocks }).done()
    return { blocks, bytes: blocks * blockSize, ms: round(performance.now() - start) }
  } finally {
    await swarmA.destroy()
    await swarmB.destroy()
    await a.close()
    await b.close()
  }
}
