// `npm run bench`: measures the engine on real stacks over a local testnet
// (127.0.0.1 only) and prints one JSON document, also saved to
// bench/results/latest.json. Not part of `npm test`: a slow machine must not fail CI.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { cpus, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import { BenchLab } from './fixtures.js'
import { FULL, QUICK } from './sizes.js'
import type { Sizes } from './sizes.js'
import { localPost } from './scenarios/local-post.js'
import { propagation } from './scenarios/propagation.js'
import { feedPage, thread } from './scenarios/reads.js'
import { bulkSyncMemory, grownCommunity, joinTimes } from './scenarios/join.js'
import { rawReplication } from './scenarios/raw-replication.js'
import { offlineConvergence } from './scenarios/offline.js'
import { sustainedWrites } from './scenarios/sustained.js'
import { profileChild, profileStartAndMemory } from './scenarios/profile.js'
import { baselineJoin, baselinePropagation, baselineRestart } from './scenarios/baseline.js'
import { mesh } from './scenarios/mesh.js'
import { bareChild } from './bare/remote.js'
import { round } from './stats.js'

type Scenario = (lab: BenchLab, sizes: Sizes) => Promise<unknown>

const scenarios: Record<string, Scenario> = {
  localPost,
  propagation,
  thread: async (lab, sizes) => thread(await lab.local({ offline: true }), sizes),
  join: async (lab, sizes) => {
    const c = await grownCommunity(lab, sizes.joinWriters, sizes.joinPosts, 'Join')
    const runs = [await joinTimes(lab, c), await joinTimes(lab, c), await joinTimes(lab, c)]
    return { posts: c.posts, writers: sizes.joinWriters, runs, target: { newestPageMs: 2000 } }
  },
  joinAtScale: async (lab, sizes) => {
    const c = await grownCommunity(lab, sizes.joinWriters, sizes.scalePosts, 'Scale')
    const founder = c.writers[0]!
    const feed = await feedPage(founder, c.id, { ...sizes, feedTopicPosts: c.posts })
    const join = await joinTimes(lab, c)
    const raw = await rawReplication(lab, join.writerBlocks, join.writerBytes)
    const bulkSync = await bulkSyncMemory(lab, c)
    return {
      posts: c.posts,
      writers: sizes.joinWriters,
      ...join,
      feedPage: feed,
      raw,
      fullHistoryToRawRatio: round(join.fullHistoryMs / raw.ms),
      daemonBulkSync: bulkSync,
      target: { newestPageMs: 3000, fullHistoryMs: 30_000, ratio: 2 }
    }
  },
  offlineConvergence,
  // Joins into communities with members online, and a mesh of meshMembers daemons (issue 11).
  mesh,
  sustainedWrites,
  profile: profileStartAndMemory,
  // Mutual and a bare Autobase + Hyperbee stack on the same workload, with Mutual ÷ bare.
  baselineJoin,
  baselinePropagation,
  baselineRestart
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      child: { type: 'string' }
    },
    allowPositionals: true
  })
  if (values.child === 'profile') {
    const [dir, communityId, bootstrap] = positionals
    return profileChild(dir!, communityId!, bootstrap!)
  }
  if (values.child === 'bare') return bareChild()
  const sizes = values.quick ? QUICK : FULL
  const chosen = values.only ? values.only.split(',') : Object.keys(scenarios)
  for (const name of chosen) if (!scenarios[name]) throw new Error(`unknown scenario "${name}"`)

  const results: Record<string, unknown> = {}
  const started = performance.now()
  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 2 ** 30),
    node: process.version
  }
  const libraries = await versions([
    'autobase',
    'corestore',
    'hypercore',
    'hyperbee',
    'hyperswarm',
    'hyperdht',
    'blind-pairing'
  ])
  // Saved after every scenario, so a run that is cut short keeps what it measured.
  const save = async (complete: boolean): Promise<string> => {
    const report = {
      mode: values.quick ? 'quick' : 'full',
      complete,
      date: new Date().toISOString(),
      machine,
      versions: libraries,
      totalSeconds: round((performance.now() - started) / 1000),
      results
    }
    const json = JSON.stringify(report, null, 2)
    await mkdir(new URL('../bench/results/', import.meta.url), { recursive: true })
    await writeFile(new URL('../bench/results/latest.json', import.meta.url), json + '\n')
    return json
  }
  for (const name of chosen) {
    const lab = new BenchLab()
    await lab.start()
    const t = performance.now()
    try {
      results[name] = await scenarios[name]!(lab, sizes)
    } catch (err) {
      results[name] = { error: err instanceof Error ? err.message : String(err) }
    } finally {
      await lab.stop()
    }
    process.stderr.write(`bench: ${name} done in ${round((performance.now() - t) / 1000)} s\n`)
    await save(false)
  }
  const json = await save(true)
  process.stdout.write(json + '\n')
}

async function versions(names: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of names) {
    const pkg = JSON.parse(
      await readFile(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')
    ) as {
      version: string
    }
    out[name] = pkg.version
  }
  return out
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`)
  process.exitCode = 1
})
