#!/usr/bin/env node
// Coordinator for the one-sided-connection repro.
//
//   node scripts/repro-one-sided/run.mjs [--n 8] [--run-ms 40000] [--mode refresh,open,...]
//        [--keepalive 5000] [--silent-ms 3000] [--late-ms 0] [--inproc] [--quiet] [--log FILE]
//
// Modes (comma-separated, see peer.mjs and README.md): refresh, trace, open,
// fixsrv, silent, reaper.
//
// Starts a fresh HyperDHT testnet bound to 127.0.0.1 (in this process), runs
// peer 0 in this process and forks peers 1..n-1 (one process per peer, so at
// most n processes in all), all joining one random topic. Every 200 ms each
// peer reports its swarm.connections; a connection of A to B is "one-sided"
// when B's swarm.connections holds no connection to A for more than 2 s, and
// "mismatched" when B holds one but of another Noise session (another
// handshake hash): each end then keeps a connection the other has closed.
// Both are dead; both count in swarm.connections.size (Mutual's `peers`).
import { fork } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { runPeer } from './peer.mjs'

const require = createRequire(import.meta.url)
const createTestnet = require('hyperdht/testnet.js')

const args = process.argv.slice(2)
const arg = (name, def) => {
  const i = args.indexOf(`--${name}`)
  return i === -1 ? def : args[i + 1]
}
const N = Number(arg('n', 8))
const RUN_MS = Number(arg('run-ms', 40000))
const MODE = arg('mode', '') ? arg('mode', '').split(',') : []
const KEEPALIVE = Number(arg('keepalive', 5000))
const SILENT_MS = Number(arg('silent-ms', 3000))
const LATE_MS = Number(arg('late-ms', 0))
const INPROC = args.includes('--inproc')
const QUIET = args.includes('--quiet')
const ONE_SIDED_MS = 2000
if (N > 8 && !INPROC) throw new Error('at most 8 processes')

const here = fileURLToPath(new URL('.', import.meta.url))
const logFile = arg('log', join(tmpdir(), `one-sided-${process.pid}.ndjson`))
const lines = []

const testnet = await createTestnet(3, { host: '127.0.0.1' })
const bootstrap = testnet.bootstrap
const topic = randomBytes(32).toString('hex')
const t0 = Date.now()
const now = () => Date.now() - t0

const keyOf = new Map() // peer index -> short key
const peerOfKey = new Map()
const snaps = new Map() // peer index -> conns
const events = []
const children = []
const local = []

function onMessage(msg) {
  lines.push(JSON.stringify(msg))
  if (msg.type === 'ready') {
    keyOf.set(msg.peer, msg.me)
    peerOfKey.set(msg.me, msg.peer)
  } else if (msg.type === 'snap') {
    snaps.set(msg.peer, { t: msg.t, conns: msg.conns })
  } else if (msg.type !== 'stats') {
    events.push(msg)
    if (!QUIET && msg.type !== 'firstByte') {
      const { type, peer, t, ...rest } = msg
      delete rest.me
      console.log(`${String(t).padStart(6)} p${peer} ${type} ${JSON.stringify(rest)}`)
    }
  } else {
    events.push(msg)
  }
}

for (let i = 0; i < N; i++) {
  const opts = {
    index: i,
    bootstrap,
    topic,
    t0,
    mode: MODE,
    keepAliveMs: KEEPALIVE,
    silentMs: SILENT_MS,
    runMs: RUN_MS,
    startDelayMs: LATE_MS && i === N - 1 ? LATE_MS : 0
  }
  if (INPROC || i === 0) {
    local.push(await runPeer(opts, onMessage))
  } else {
    const child = fork(join(here, 'peer.mjs'), ['--child', JSON.stringify(opts)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    child.on('message', onMessage)
    children.push(child)
  }
}

// --- analysis ----------------------------------------------------------------
const bad = new Map() // "A:connId" -> { since, kind, counted, maxMs, remote }
const counted = { missing: 0, mismatch: 0 }
let meshCompleteAt = null
let meshCompleteNow = false
const timeline = []

function evaluate() {
  if (snaps.size < N) return
  const t = now()
  const seenNow = new Set()
  let matchedPairs = 0
  let badNow = 0
  for (const [a, snap] of snaps) {
    const keyA = keyOf.get(a)
    const matchedRemotes = new Set()
    for (const c of snap.conns) {
      const b = peerOfKey.get(c.remote)
      if (b === undefined) continue
      const other = snaps.get(b)
      const back = other ? other.conns.filter((x) => x.remote === keyA) : []
      let kind = null
      if (back.length === 0) kind = 'missing'
      else if (!back.some((x) => x.hh === c.hh)) kind = 'mismatch'
      const id = `${a}:${c.conn}`
      if (!kind) {
        matchedRemotes.add(c.remote)
        const st = bad.get(id)
        if (st) bad.delete(id)
        continue
      }
      badNow++
      seenNow.add(id)
      let st = bad.get(id)
      if (!st || st.kind !== kind) {
        st = { since: t, kind, counted: false, remote: b, a, conn: c.conn, initiator: c.initiator, maxMs: 0 }
        bad.set(id, st)
      }
      st.maxMs = t - st.since
      if (!st.counted && st.maxMs > ONE_SIDED_MS) {
        st.counted = true
        counted[kind]++
        st.countedAt = t
        oneSidedList.push(st)
      }
    }
    matchedPairs += matchedRemotes.size
  }
  for (const id of bad.keys()) if (!seenNow.has(id)) bad.delete(id)
  const complete = matchedPairs === N * (N - 1)
  if (complete && meshCompleteAt === null) meshCompleteAt = t
  meshCompleteNow = complete
  timeline.push({ t, matchedPairs, badNow })
}
const oneSidedList = []
const evalTimer = setInterval(evaluate, 250)

await new Promise((resolve) => setTimeout(resolve, RUN_MS))
clearInterval(evalTimer)
evaluate()

// --- stop ------------------------------------------------------------------
for (const c of children) c.send({ type: 'stop' })
await Promise.all(
  children.map(
    (c) =>
      new Promise((resolve) => {
        c.on('exit', resolve)
        setTimeout(() => {
          c.kill()
          resolve()
        }, 10000).unref()
      })
  )
)
for (const p of local) await p.stop()
await testnet.destroy()

// --- summary ---------------------------------------------------------------
const closes = events.filter((e) => e.type === 'close')
const opens = events.filter((e) => e.type === 'open')
const dups = events.filter((e) => e.type === 'dup')
const byReason = {}
for (const c of closes) {
  byReason[c.reason] = (byReason[c.reason] || 0) + 1
}
const noByte3s = closes.filter((c) => !c.byteWithin3s).length
const stillOpenNoByte = [...snaps.values()].flatMap((s) => s.conns).filter((c) => !c.gotByte).length
const lastFull = (() => {
  // the last moment the mesh stopped being complete, if it ever was
  let last = null
  for (let i = 1; i < timeline.length; i++) {
    if (timeline[i - 1].matchedPairs === N * (N - 1) && timeline[i].matchedPairs < N * (N - 1))
      last = timeline[i].t
  }
  return last
})()
const summary = {
  n: N,
  mode: MODE,
  inproc: INPROC,
  keepAliveMs: KEEPALIVE,
  runMs: RUN_MS,
  lateMs: LATE_MS,
  oneSided: counted.missing + counted.mismatch,
  oneSidedMissing: counted.missing,
  oneSidedMismatch: counted.mismatch,
  longestOneSidedMs: Math.max(0, ...oneSidedList.map((s) => s.maxMs)),
  oneSidedConns: oneSidedList.map((s) => ({
    holder: s.a,
    remote: s.remote,
    conn: s.conn,
    initiator: s.initiator,
    kind: s.kind,
    ms: s.maxMs
  })),
  connectionsOpened: opens.length,
  connectionsClosed: closes.length,
  closedWithoutByteIn3s: noByte3s,
  openAtEndWithoutAnyByte: stillOpenNoByte,
  closeReasons: byReason,
  duplicateDecisions: {
    total: dups.length,
    keepNew: dups.filter((d) => d.keepNew).length,
    keepNewBecauseOutdated: dups.filter((d) => d.keepNew && d.existingIsOutdated && d.expectedInitiator)
      .length,
    keepExisting: dups.filter((d) => !d.keepNew).length
  },
  meshCompleteAtMs: meshCompleteAt,
  meshCompleteAtEnd: meshCompleteNow,
  meshLastBrokeAtMs: lastFull,
  maxDeadAtOnce: Math.max(0, ...timeline.map((x) => x.badNow)),
  finalMatchedPairs: timeline.length ? timeline[timeline.length - 1].matchedPairs : 0,
  pairsNeeded: N * (N - 1),
  log: logFile
}
writeFileSync(logFile, lines.join('\n') + '\n')
console.log('SUMMARY ' + JSON.stringify(summary, null, 2))
process.exit(0)
