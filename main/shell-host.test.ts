// The engine host without Electron: Node's MessageChannel stands in for
// Electron's MessagePortMain, and a real engine runs offline on a temp folder.
import { EventEmitter } from 'node:events'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { MessageChannel } from 'node:worker_threads'
import type { MessagePort } from 'node:worker_threads'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { RpcClient } from '../core/rpc/client.js'
import type { EngineConfig } from './engine-messages.js'
import { runEngineHost } from './host.js'
import type { ParentPortLike } from './host.js'
import { portTransport } from './port-transport.js'
import type { PortLike } from './port-transport.js'

/** Node's MessagePort with Electron's MessagePortMain event shape ({ data }). */
function electronLike(port: MessagePort): PortLike {
  return {
    postMessage: (message) => port.postMessage(message),
    on(event: 'message' | 'close', listener: (event: { data: unknown }) => void) {
      if (event === 'message') port.on('message', (data: unknown) => listener({ data }))
      else port.on('close', () => listener({ data: undefined }))
      return undefined
    },
    start: () => port.start(),
    close: () => port.close()
  }
}

class FakeParentPort extends EventEmitter implements ParentPortLike {
  private readonly unread: unknown[] = []
  private waiter: ((message: unknown) => void) | null = null
  postMessage(message: unknown): void {
    if (this.waiter) this.waiter(message)
    else this.unread.push(message)
    this.waiter = null
  }
  /** The host's next message to the main process, whether it came already or comes later. */
  nextMessage(): Promise<unknown> {
    if (this.unread.length > 0) return Promise.resolve(this.unread.shift())
    return new Promise((resolve) => (this.waiter = resolve))
  }
  deliver(data: unknown, ports: PortLike[] = []): void {
    this.emit('message', { data, ports })
  }
}

let dir: string
let parent: FakeParentPort
let exited: Promise<number>
let clients: RpcClient[] = []

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mutual-host-'))
  parent = new FakeParentPort()
  exited = new Promise((resolve) => runEngineHost(parent, { exit: resolve, log: () => undefined }))
})

afterEach(async () => {
  for (const c of clients) c.close()
  clients = []
  await rm(dir, { recursive: true, force: true })
})

function connect(): RpcClient {
  const { port1, port2 } = new MessageChannel()
  parent.deliver({ type: 'connect' }, [electronLike(port1)])
  const client = new RpcClient(portTransport(electronLike(port2)))
  clients.push(client)
  return client
}

const start = (config: Partial<EngineConfig> = {}): void =>
  parent.deliver({
    type: 'start',
    config: { storage: path.join(dir, 'profile'), bootstrap: null, offline: true, keychain: false, ...config }
  })

test('shell: the engine host serves the RPC over a MessagePort it was handed', async () => {
  start()
  // Connected before the engine finished opening: the port waits, nothing is lost.
  const client = connect()
  const created = client.call('communities.create', { name: 'Night owls', displayName: 'Ash' })
  expect(await parent.nextMessage()).toEqual({ type: 'ready' })
  const { id } = await created
  expect(id).toMatch(/^[a-z0-9]{52}$/)

  const second = connect()
  const list = await second.call('communities.list', {})
  expect(list).toMatchObject([{ id, name: 'Night owls', myName: 'Ash', unread: 0 }])
  if (process.platform !== 'win32') expect((await stat(path.join(dir, 'profile'))).mode & 0o777).toBe(0o700)

  parent.deliver({ type: 'stop' })
  expect(await exited).toBe(0)
})

test('shell: the engine host pushes engine events to every connected port', async () => {
  start()
  expect(await parent.nextMessage()).toEqual({ type: 'ready' })
  const client = connect()
  const events: string[] = []
  client.onEvent((e) => events.push(e.type))
  const changed = new Promise<void>((resolve) =>
    client.onEvent((e) => e.type === 'communities-changed' && resolve())
  )
  await client.call('communities.create', { name: 'Circle', displayName: 'Bo' })
  await changed
  expect(events).toContain('communities-changed')
  parent.deliver({ type: 'stop' })
  expect(await exited).toBe(0)
})

test('shell: the engine host reports a bad bootstrap as a failure not worth retrying', async () => {
  start({ bootstrap: 'nonsense' })
  expect(await parent.nextMessage()).toEqual({
    type: 'fatal',
    reason: expect.stringMatching(/must look like HOST:PORT/),
    retry: false
  })
  expect(await exited).toBe(1)
})

/** The OS keychain, faked: sealing is only reversible here, by the test, which the engine cannot tell. */
async function answerKeychain(op: 'seal' | 'open'): Promise<void> {
  const request = (await parent.nextMessage()) as { type: string; id: number; op: string; data: string }
  expect(request).toMatchObject({ type: 'keychain', op })
  const data = Buffer.from(request.data, 'base64')
  const out = op === 'seal' ? Buffer.concat([Buffer.from('os:'), data.reverse()]) : data.subarray(3).reverse()
  parent.deliver({ type: 'keychain-reply', id: request.id, ok: true, data: out.toString('base64') })
}

test('shell: with the OS keychain, the profile key is kept sealed by it, and the next start opens it through it', async () => {
  start({ keychain: true })
  await answerKeychain('seal')
  // What it sealed must open again before the key is kept that way; then opening the profile opens it.
  await answerKeychain('open')
  await answerKeychain('open')
  expect(await parent.nextMessage()).toEqual({ type: 'ready' })
  const { id } = await connect().call('communities.create', { name: 'Night owls', displayName: 'Ash' })
  expect(await connect().call('lock.status', {})).toMatchObject({ protection: 'keychain', locked: false })
  const keyring = JSON.parse(await readFile(path.join(dir, 'profile', 'keyring.json'), 'utf8')) as object
  expect(keyring).toMatchObject({ protection: 'keychain' })
  expect(keyring).not.toHaveProperty('key')
  parent.deliver({ type: 'stop' })
  expect(await exited).toBe(0)

  // The app started again: a new engine host, as a new utility process would be.
  parent = new FakeParentPort()
  exited = new Promise((resolve) => runEngineHost(parent, { exit: resolve, log: () => undefined }))
  start({ keychain: true })
  await answerKeychain('open')
  expect(await parent.nextMessage()).toEqual({ type: 'ready' })
  expect(await connect().call('communities.list', {})).toMatchObject([{ id, name: 'Night owls' }])
  parent.deliver({ type: 'stop' })
  expect(await exited).toBe(0)
})

test('shell: the engine host refuses a profile that another Mutual has open', async () => {
  const storage = path.join(dir, 'profile')
  const { Mutual } = await import('../core/mutual.js')
  const other = new Mutual({ storage, offline: true })
  await other.ready()
  try {
    start({ storage })
    expect(await parent.nextMessage()).toMatchObject({ type: 'fatal', retry: false })
    expect(await exited).toBe(1)
  } finally {
    await other.close()
  }
})
