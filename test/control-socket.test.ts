// The daemon's control socket, spoken to by hand over node:net as any local
// program could: every line gets exactly one reply, a client that never reads
// cannot make the daemon buffer without bound, and the storage folder is
// private. The daemon runs with --offline: nothing leaves 127.0.0.1.
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { connectToDaemon } from '../cli/connect.js'
import { socketToConnect } from '../cli/paths.js'
import { Mutual } from '../core/mutual.js'
import { createHandlers } from '../core/rpc/handlers.js'
import { CliHarness, buildCli, eventually } from './cli-harness.js'
import type { Running } from './cli-harness.js'

const MB = 1024 * 1024
/** Feed pages of 50 posts of this size make replies of about 1 MB. */
const POST_TEXT = 'Still up, still listening. '.repeat(700)

// Its own bundle, so it can run beside test/cli.test.ts, which rebuilds dist/cli.js.
const cli = new CliHarness(buildCli('dist/test-control-socket/cli.js'))
const storage = path.join(cli.scratch, 'ash')
let daemon: Running
let socketPath = ''
let communityId = ''

beforeAll(async () => {
  // A folder that already exists and is readable by everyone, as a plain mkdir leaves it.
  mkdirSync(path.join(storage, 'notes'), { recursive: true })
  writeFileSync(path.join(storage, 'notes', 'old.txt'), 'from before\n')
  chmodSync(path.join(storage, 'notes', 'old.txt'), 0o644)
  chmodSync(path.join(storage, 'notes'), 0o755)
  chmodSync(storage, 0o755)

  daemon = cli.start(['daemon', '--storage', storage, '--offline'])
  await daemon.waitForLine(/ready/)
  socketPath = socketToConnect(storage) ?? ''

  const rpc = await connectToDaemon(storage)
  ;({ id: communityId } = await rpc.call('communities.create', { name: 'Night owls', displayName: 'Ash' }))
  for (let i = 0; i < 50; i++) await rpc.call('posts.create', { communityId, text: `${i} ${POST_TEXT}` })
  rpc.close()
})

afterAll(() => cli.cleanUp())

interface Reply {
  t: string
  id: number | null
  ok: boolean
  error?: { code: string; message: string }
}

/** A hand-made client: raw lines out, parsed replies in. */
function lineClient() {
  const socket = net.connect(socketPath)
  const replies: Reply[] = []
  let partial = ''
  socket.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) {
      const message = JSON.parse(line) as Reply
      if (message.t === 'res') replies.push(message)
    }
  })
  const replyTo = (id: number) =>
    eventually(`the reply to request ${id}`, () => Promise.resolve(replies.find((r) => r.id === id)))
  return { socket, replies, replyTo }
}

/** The reply to a line the server could not take an id from. */
const unanswerable = (message: string) => ({
  t: 'res',
  id: null,
  ok: false,
  error: { code: 'bad-request', message }
})

const request = (id: number, method: string, params: unknown) =>
  JSON.stringify({ t: 'req', id, method, params }) + '\n'

test('control socket: a garbled line gets an error reply with a null id', async () => {
  const client = lineClient()
  client.socket.write('{"t":"req","id":4,"method"\n')
  client.socket.write(request(5, 'communities.list', {}))
  await client.replyTo(5)
  expect(client.replies).toEqual([
    unanswerable('that request was not valid JSON'),
    expect.objectContaining({ id: 5, ok: true })
  ])
  client.socket.destroy()
})

test('control socket: requests with a negative, fractional or missing id each get exactly one reply', async () => {
  const client = lineClient()
  client.socket.write('{"t":"req","id":-1,"method":"communities.list","params":{}}\n')
  client.socket.write('{"t":"req","id":1.5,"method":"communities.list","params":{}}\n')
  client.socket.write('{"t":"req","method":"communities.list","params":{}}\n')
  client.socket.write('[1,2,3]\n')
  client.socket.write(request(6, 'communities.list', {}))
  await client.replyTo(6)
  const invalidId = { code: 'bad-request', message: 'a request needs a whole-number id, 0 or more' }
  expect(client.replies).toEqual([
    { t: 'res', id: -1, ok: false, error: invalidId },
    { t: 'res', id: 1.5, ok: false, error: invalidId },
    { t: 'res', id: null, ok: false, error: invalidId },
    unanswerable('a request must be a JSON object'),
    expect.objectContaining({ id: 6, ok: true })
  ])
  client.socket.destroy()
})

// Reads the daemon's memory and CPU time from /proc.
test.skipIf(process.platform !== 'linux')(
  'control socket: a client that never reads keeps the daemon under 300 MB, and the memory comes back when it leaves',
  async () => {
    const pid = daemon.child.pid ?? 0
    // Make sure the replies really are large, or this test would prove nothing.
    const probe = lineClient()
    probe.socket.write(request(1, 'posts.feed', { communityId, limit: 50 }))
    await probe.replyTo(1)
    expect(probe.socket.bytesRead).toBeGreaterThan(0.9 * MB)
    probe.socket.destroy()
    const baseline = rss(pid)

    const client = lineClient()
    client.socket.pause() // never reads a single reply
    const padding = 'x'.repeat(MB)
    let sent = 0
    let peak = baseline
    let still = { buffered: -1, cpu: -1, polls: 0 }
    const deadline = Date.now() + 20_000
    // Large requests (1 MB of padding) and requests with large replies (1 MB
    // pages), as fast as the daemon takes them, until it stops taking any.
    while (sent < 2000) {
      while (sent < 2000 && client.socket.writableLength < 16 * MB) {
        const line =
          sent % 2 === 0
            ? request(sent, 'posts.feed', { communityId, limit: 50 })
            : request(sent, 'communities.list', { padding })
        client.socket.write(line)
        sent++
      }
      peak = Math.max(peak, rss(pid))
      expect(peak, `daemon RSS with ${sent} requests sent`).toBeLessThan(300 * MB)
      const now = { buffered: client.socket.writableLength, cpu: cpuTicks(pid) }
      // The daemon has stopped reading once our buffer and its CPU time both stay put.
      still =
        now.buffered === still.buffered && now.cpu === still.cpu
          ? { ...now, polls: still.polls + 1 }
          : { ...now, polls: 0 }
      if (still.polls >= 10) break
      if (Date.now() > deadline) throw new Error('the daemon neither stopped reading nor read everything')
      await delay(50)
    }
    console.log(`daemon RSS: ${mb(baseline)} before, peak ${mb(peak)} with ${sent} requests written`)
    expect(sent, 'the daemon read everything, so nothing was held back').toBeLessThan(2000)

    client.socket.destroy()
    const after = await eventually('the daemon to give the memory back', () => {
      const now = rss(pid)
      return Promise.resolve(now < baseline + 40 * MB ? now : undefined)
    })
    console.log(`daemon RSS after the client left: ${mb(after)}`)
    // And it still serves.
    const next = lineClient()
    next.socket.write(request(7, 'communities.list', {}))
    await expect(next.replyTo(7)).resolves.toMatchObject({ ok: true })
    next.socket.destroy()
  }
)

test.skipIf(process.platform === 'win32')(
  'control socket: the storage folder is 0700 and its files 0600, though it was 0755 before',
  () => {
    const entries = walk(storage)
    const paths = entries.map((e) => e.path)
    // What was there before, and what the engine wrote since: its profile and each community's store.
    expect(paths).toEqual(
      expect.arrayContaining([
        '.',
        'notes',
        path.join('notes', 'old.txt'),
        'keyring.json',
        'profile.sealed',
        'communities'
      ])
    )
    expect(paths.filter((p) => p.startsWith('communities' + path.sep)).length).toBeGreaterThan(3)
    const loose = entries.filter((e) => e.mode !== (e.dir ? 0o700 : 0o600))
    expect(loose).toEqual([])
  }
)

test.skipIf(process.platform === 'win32')(
  'profile folder: an engine opened on a 0755 folder makes it, and everything it writes, private',
  async () => {
    // The umask tests usually run with, so files the engine creates would be 0644 if nothing changed it.
    const previousUmask = process.umask(0o022)
    try {
      const dir = path.join(cli.scratch, 'engine')
      mkdirSync(path.join(dir, 'notes'), { recursive: true, mode: 0o755 })
      writeFileSync(path.join(dir, 'notes', 'old.txt'), 'from before\n', { mode: 0o644 })
      chmodSync(dir, 0o755)
      const engine = new Mutual({ storage: dir, offline: true })
      await engine.ready()
      try {
        await createHandlers(engine)['communities.create']({ name: 'Night owls', displayName: 'Ash' })
      } finally {
        await engine.close()
      }
      const entries = walk(dir)
      expect(entries.map((e) => e.path)).toEqual(
        expect.arrayContaining([
          '.',
          path.join('notes', 'old.txt'),
          'keyring.json',
          'profile.sealed',
          'communities'
        ])
      )
      expect(entries.filter((e) => e.path.startsWith('communities' + path.sep)).length).toBeGreaterThan(3)
      expect(entries.filter((e) => e.mode !== (e.dir ? 0o700 : 0o600))).toEqual([])
    } finally {
      process.umask(previousUmask)
    }
  }
)

/** Every directory and regular file under `root` (sockets and links are left out), with its permission bits. */
function walk(root: string, rel = '.'): { path: string; dir: boolean; mode: number }[] {
  const stat = lstatSync(path.join(root, rel))
  if (!stat.isDirectory() && !stat.isFile()) return []
  const here = { path: rel, dir: stat.isDirectory(), mode: stat.mode & 0o777 }
  if (!here.dir) return [here]
  const children = readdirSync(path.join(root, rel)).map((name) => walk(root, path.join(rel, name)))
  return [here, ...children.flat()]
}

function rss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)
  if (!line?.[1]) throw new Error(`no VmRSS for process ${pid}`)
  return Number(line[1]) * 1024
}

/** User plus system CPU time of a process, in clock ticks. */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces) start at state, field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(fields[11]) + Number(fields[12])
}

const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`
