// An engine with many communities: how fast it starts and how much memory it keeps.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Mutual } from '../../core/mutual.js'
import { createHandlers } from '../../core/rpc/handlers.js'
import { fill } from '../fixtures.js'
import type { BenchLab } from '../fixtures.js'
import type { Sizes } from '../sizes.js'
import { round, summarise } from '../stats.js'

/** A profile folder holding `profileCommunities` communities with `profilePosts` posts between them. */
async function buildProfile(lab: BenchLab, sizes: Sizes): Promise<{ dir: string; firstCommunity: string }> {
  const peer = await lab.local({ offline: true })
  let firstCommunity = ''
  for (let c = 0; c < sizes.profileCommunities; c++) {
    const { id } = await peer.rpc.call('communities.create', { name: `Circle ${c}`, displayName: 'Ash' })
    firstCommunity ||= id
    await fill(peer, id, Math.round(sizes.profilePosts / sizes.profileCommunities), { label: `c${c}` })
  }
  await peer.close()
  return { dir: peer.dir, firstCommunity }
}

/** Runs in a fresh process: open from disk, serve the first feed page, then sit idle and report memory. */
export async function profileChild(dir: string, communityId: string, bootstrap: string): Promise<void> {
  const [host, port] = bootstrap.split(':')
  const start = performance.now()
  const engine = new Mutual({ storage: dir, bootstrap: [{ host: host!, port: Number(port) }] })
  await engine.ready()
  const page = await createHandlers(engine)['posts.feed']({ communityId, limit: 50 })
  const startMs = performance.now() - start
  if (page.posts.length !== 50) throw new Error('first page incomplete')
  await new Promise((r) => setTimeout(r, 3000))
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  await new Promise((r) => setTimeout(r, 500))
  const rssMb = process.memoryUsage().rss / 1024 / 1024
  await engine.close()
  process.stdout.write(JSON.stringify({ startMs, rssMb }) + '\n')
}

export async function profileStartAndMemory(lab: BenchLab, sizes: Sizes) {
  const { dir, firstCommunity } = await buildProfile(lab, sizes)
  const bootstrap = `${lab.bootstrap[0]!.host}:${lab.bootstrap[0]!.port}`
  const runs: { startMs: number; rssMb: number }[] = []
  for (let i = 0; i < 3; i++)
    runs.push(await runChild(['--child', 'profile', dir, firstCommunity, bootstrap]))
  return {
    communities: sizes.profileCommunities,
    posts: sizes.profilePosts,
    startMs: summarise(runs.map((r) => r.startMs)),
    idleRssMb: round(Math.max(...runs.map((r) => r.rssMb))),
    target: { startMs: 1000, idleRssMb: 300 }
  }
}

function runChild(args: string[]): Promise<{ startMs: number; rssMb: number }> {
  const script = fileURLToPath(import.meta.url)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`profile child exited ${code}`))
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as { startMs: number; rssMb: number })
      } catch (err) {
        reject(err as Error)
      }
    })
  })
}
