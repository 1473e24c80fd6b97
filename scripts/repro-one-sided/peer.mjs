// One Hyperswarm peer for the one-sided-connection repro. Forked by run.mjs
// (one process per peer); also importable so run.mjs can host a peer itself.
// Everything binds to 127.0.0.1 and bootstraps only from the local testnet.
//
// Per connection it logs: remote key, isInitiator, handshake hash (the same on
// both ends of one Noise session, so the coordinator can pair the two ends),
// open time, first byte received, whether a byte arrived within 3 s, close time
// and reason, and who destroyed it (hyperswarm's duplicate handling, a
// mitigation, or the stream itself).
import { createRequire } from 'node:module'
import b4a from 'b4a'
import HyperDHT from 'hyperdht'
import Hyperswarm from 'hyperswarm'

const require = createRequire(import.meta.url)
const { getStreamError } = require('streamx')

const short = (buf) => (buf ? b4a.toString(buf, 'hex').slice(0, 8) : null)

/**
 * opts: { index, bootstrap, topic (hex), t0, mode: Set<string>, keepAliveMs }
 * report(msg): called with { type, ... } records.
 */
export async function runPeer(opts, report) {
  const mode = new Set(opts.mode || [])
  const t0 = opts.t0
  const now = () => Date.now() - t0
  // Mode 'open': on loopback every node can reach every other, so say so. The
  // node is then OPEN and hyperdht connects directly instead of racing a LAN
  // ping against a holepunch (see docs/one-sided-connections.md).
  const dht = new HyperDHT({
    bootstrap: opts.bootstrap,
    host: '127.0.0.1',
    ...(mode.has('open') ? { firewalled: false } : {})
  })
  patchDuplicateLog()
  const swarm = new Hyperswarm({ dht })
  const me = short(swarm.keyPair.publicKey)
  const log = (type, rec) => report({ type, peer: opts.index, me, t: now(), ...rec })

  if (mode.has('trace')) installTrace(swarm, dht, log)
  if (mode.has('fixsrv')) installServerFix(swarm.server)

  let nextId = 0
  const info = new Map() // conn -> record

  // --- instrumentation (monkey-patching, repro only) -----------------------
  // Hyperswarm's duplicate handling is bound in its constructor, so it is
  // wrapped on the prototype (patchDuplicateLog) and reports through this.
  swarm._dupLog = (rec) => log('dup', rec)

  const track = (conn, side) => {
    if (info.has(conn)) return
    const rec = {
      id: `${opts.index}.${nextId++}`,
      remote: short(conn.remotePublicKey),
      initiator: conn.isInitiator,
      hh: short(conn.handshakeHash),
      side,
      open: now(),
      firstByte: null,
      closed: null
    }
    info.set(conn, rec)
    const raw = conn.rawStream
    rec.udx = raw ? { id: raw.id, remoteId: raw.remoteId, lport: raw.localPort, rport: raw.remotePort } : null
    log('open', { conn: rec.id, remote: rec.remote, initiator: rec.initiator, hh: rec.hh, udx: rec.udx })

    const origDestroy = conn.destroy.bind(conn)
    conn.destroy = (err) => {
      if (!conn._killedBy) conn._killedBy = err ? `destroy(${err.message})` : 'destroy()'
      return origDestroy(err)
    }
    conn.on('data', () => {
      if (rec.firstByte === null) {
        rec.firstByte = now()
        log('firstByte', { conn: rec.id, remote: rec.remote, after: rec.firstByte - rec.open })
      }
    })
    conn.on('error', () => {})
    conn.on('close', () => {
      rec.closed = now()
      const err = getStreamError(conn)
      log('close', {
        conn: rec.id,
        remote: rec.remote,
        initiator: rec.initiator,
        hh: rec.hh,
        lived: rec.closed - rec.open,
        gotByte: rec.firstByte !== null,
        byteWithin3s: rec.firstByte !== null && rec.firstByte - rec.open <= 3000,
        reason: conn._killedBy || (err ? err.message : 'remote end/close'),
        by: conn._killedBy ? 'local' : 'remote-or-stream'
      })
      info.delete(conn)
    })
    // What Mutual does on every connection: Protomux opens a channel at once (bytes
    // go out immediately) and the keep-alive is set to 5 s (member-links.ts muxerOf).
    conn.setKeepAlive(opts.keepAliveMs ?? 5000)
    conn.write(b4a.from(`hello from ${me}`))

    if (mode.has('silent')) {
      // Mitigation: a connection on which nothing arrived within silentMs is dead.
      const ms = opts.silentMs ?? 3000
      setTimeout(() => {
        if (!conn.destroyed && rec.firstByte === null) {
          conn._killedBy = `silent>${ms}ms`
          conn.destroy()
        }
      }, ms).unref()
    }
  }

  swarm.on('connection', (conn, peerInfo) => track(conn, peerInfo && peerInfo.client ? 'client' : 'server'))

  if (mode.has('reaper')) {
    // Mutual's staleConnectionReaper (core/community/join.ts), verbatim in behaviour.
    const seen = new Map()
    setInterval(() => {
      const t = Date.now()
      for (const conn of swarm.connections) {
        const since = seen.get(conn)
        if (since === undefined) seen.set(conn, t)
        else if (t - since > 3000) {
          conn._killedBy = 'reaper'
          conn.destroy()
        }
      }
    }, 1000).unref()
  }

  const snapshot = () => {
    const conns = []
    for (const conn of swarm.connections) {
      const rec = info.get(conn)
      conns.push({
        remote: short(conn.remotePublicKey),
        hh: short(conn.handshakeHash),
        initiator: conn.isInitiator,
        conn: rec ? rec.id : null,
        rx: conn.rawBytesRead,
        tx: conn.rawBytesWritten,
        gotByte: rec ? rec.firstByte !== null : false
      })
    }
    log('snap', { conns, pending: swarm._allConnections.size - swarm.connections.size })
  }
  const snapTimer = setInterval(snapshot, 200)
  snapTimer.unref()

  log('ready', {})
  await new Promise((resolve) => setTimeout(resolve, opts.startDelayMs ?? 0))
  const topic = b4a.from(opts.topic, 'hex')
  const discovery = swarm.join(topic)
  log('joined', {})
  discovery.flushed().then(() => log('announced', {}))
  if (mode.has('refresh')) {
    // Look again every 5 s, as blind pairing's candidate poll does: both ends then dial.
    setInterval(() => discovery.refresh().catch(() => {}), 5000).unref()
  }

  return {
    swarm,
    async stop() {
      clearInterval(snapTimer)
      snapshot()
      const st = swarm.stats
      log('stats', { stats: st, dhtPunches: dht.stats && dht.stats.punches })
      await swarm.destroy().catch(() => {})
    }
  }
}

/**
 * Logs every duplicate decision hyperswarm makes (index.js _handleServerConnection)
 * with its inputs, and tags the connection it destroys.
 */
function patchDuplicateLog() {
  const proto = Hyperswarm.prototype
  if (proto._dupPatched) return
  proto._dupPatched = true
  const orig = proto._handleServerConnection
  proto._handleServerConnection = function (conn) {
    const existing = this._allConnections.get(conn.remotePublicKey)
    if (existing && !this.destroyed && !this.suspended && this._dupLog) {
      const existingIsOutdated = existing.rawBytesRead > 0 && existing.rawBytesWritten > 0
      const expectedInitiator = b4a.compare(conn.publicKey, conn.remotePublicKey) > 0
      const keepNew = existingIsOutdated || expectedInitiator === conn.isInitiator
      this._dupLog({
        remote: short(conn.remotePublicKey),
        existingInitiator: existing.isInitiator,
        existingOpen: this.connections.has(existing),
        existingHH: short(existing.handshakeHash),
        newHH: short(conn.handshakeHash),
        existingRead: existing.rawBytesRead,
        existingWritten: existing.rawBytesWritten,
        existingIsOutdated,
        expectedInitiator,
        keepNew
      })
      ;(keepNew ? existing : conn)._killedBy = keepNew ? 'dup:existing-replaced' : 'dup:new-dropped'
    }
    return orig.call(this, conn)
  }
}

/**
 * Candidate upstream fix (mode 'fixsrv'), applied by monkey-patching the
 * server instance. In hyperdht's same-LAN branch (lib/server.js, the
 * `clientAddress.host === serverAddress.host` case) the puncher's onabort
 * destroys hs.rawStream; the client meanwhile races a LAN ping against the
 * holepunch and may already have connected to that stream. Here a failed
 * holepunch only ends the punching: the raw stream stays for the LAN
 * shortcut until the 10 s prepunch timer, which still cleans it up.
 */
function installServerFix(server) {
  const origAbort = server._abort.bind(server)
  server._abort = (h, error) => {
    const sameLanPrepunch =
      h.puncher && h.prepunching && !h.replyFromPuncher && h.rawStream && !h.rawStream.connected
    if (sameLanPrepunch) h.puncher.onabort = () => {}
    return origAbort(h, error)
  }
}

/**
 * Tracing (mode 'trace'): follows every UDX stream hyperdht makes, by its id.
 * The client's open log gives udx.remoteId = the server's stream id, so both
 * ends of one attempted connection can be joined in the log.
 */
function installTrace(swarm, dht, log) {
  const frames = (skip) =>
    new Error().stack
      .split('\n')
      .slice(skip)
      .filter((l) => l.includes('node_modules'))
      .slice(0, 4)
      .map((l) => l.replace(/^.*node_modules\//, '').replace(/\)$/, ''))
  const born = new Map()
  const origCreate = dht.createRawStream.bind(dht)
  dht.createRawStream = (o = {}) => {
    const origin = frames(2)[0] || '?'
    let fwCalls = 0
    let stream = null
    const fw = o.firewall
    const wrapped = {
      ...o,
      firewall(socket, port, host) {
        if (fwCalls++ < 3)
          log('raw-fw', { id: stream && stream.id, sock: socket.address().port, from: `${host}:${port}` })
        return fw ? fw(socket, port, host) : false
      }
    }
    stream = origCreate(wrapped)
    born.set(stream, Date.now())
    log('raw-create', { id: stream.id, origin, target: dht._traceTarget || null })
    const origConnect = stream.connect.bind(stream)
    stream.connect = (socket, remoteId, port, host, opts) => {
      log('raw-connect', {
        id: stream.id,
        sock: socket.address().port,
        remoteId,
        to: `${host}:${port}`,
        via: frames(2)
      })
      return origConnect(socket, remoteId, port, host, opts)
    }
    if (stream.changeRemote) {
      const origChange = stream.changeRemote.bind(stream)
      stream.changeRemote = (socket, remoteId, port, host) => {
        log('raw-change', {
          id: stream.id,
          sock: socket.address().port,
          remoteId,
          to: `${host}:${port}`,
          via: frames(2)
        })
        return origChange(socket, remoteId, port, host)
      }
    }
    stream.on('close', () =>
      log('raw-close', {
        id: stream.id,
        connected: stream.socket !== null,
        age: Date.now() - born.get(stream)
      })
    )
    return stream
  }
  const origConnect = dht.connect.bind(dht)
  dht.connect = (key, opts) => {
    dht._traceTarget = b4a.toString(key, 'hex').slice(0, 8)
    try {
      return origConnect(key, opts)
    } finally {
      dht._traceTarget = null
    }
  }
  // Who gives up a holepunch, and why (server side: its onabort destroys hs.rawStream).
  const Holepuncher = require('hyperdht/lib/holepuncher.js')
  if (!Holepuncher.prototype._traced) {
    Holepuncher.prototype._traced = true
    const origDestroy = Holepuncher.prototype.destroy
    Holepuncher.prototype.destroy = function () {
      if (!this.destroyed && this.dht._traceLog)
        this.dht._traceLog('punch-destroy', {
          initiator: this.isInitiator,
          connected: this.connected,
          punching: this.punching,
          natFirewall: this.nat.firewall,
          remoteFirewall: this.remoteFirewall,
          remoteHolepunching: this.remoteHolepunching,
          via: frames(2)
        })
      return origDestroy.call(this)
    }
  }
  dht._traceLog = log
  const server = swarm.server
  const origAdd = server._addHandshake.bind(server)
  server._addHandshake = (k, noise, clientAddress, req, direct) => {
    let handshake = null
    const origCH = server.createHandshake
    server.createHandshake = (...a) => (handshake = origCH(...a))
    const p = origAdd(k, noise, clientAddress, req, direct)
    server.createHandshake = origCH
    p.then((hs) => {
      log('srv-hs', {
        remote:
          handshake && handshake.remotePublicKey
            ? b4a.toString(handshake.remotePublicKey, 'hex').slice(0, 8)
            : null,
        ok: !!hs,
        direct,
        client: `${clientAddress.host}:${clientAddress.port}`,
        reqTo: req && req.to ? `${req.to.host}:${req.to.port}` : null,
        reqSock: req && req.socket ? req.socket.address().port : null,
        weOpen: !!dht.remoteAddress(),
        firewalled: dht.firewalled,
        rawId:
          hs &&
          (hs.rawStream ? hs.rawStream.id : hs.encryptedSocket ? hs.encryptedSocket.rawStream.id : null),
        emitted: !!(hs && hs.encryptedSocket),
        puncher: !!(hs && hs.puncher),
        replyFromPuncher: !!(hs && hs.replyFromPuncher),
        prepunching: !!(hs && hs.prepunching)
      })
    })
    return p
  }
  const origAbort = server._abort.bind(server)
  server._abort = (h, error) => {
    log('srv-abort', { rawId: h.rawStream ? h.rawStream.id : null, error, via: frames(2) })
    return origAbort(h, error)
  }
  const io = dht.io
  const state = () => ({
    firewalled: dht.firewalled,
    ephemeral: dht.ephemeral,
    server: io.serverSocket ? io.serverSocket.address().port : null,
    client: io.clientSocket ? io.clientSocket.address().port : null
  })
  let last = ''
  const poll = () => {
    if (!io.serverSocket || !io.clientSocket) return
    const s = JSON.stringify(state())
    if (s !== last) {
      last = s
      log('dht-state', state())
    }
  }
  dht.ready().then(poll, () => {})
  setInterval(poll, 100).unref()
}

// --- forked child entry -----------------------------------------------------
if (process.send && process.argv[2] === '--child') {
  const opts = JSON.parse(process.argv[3])
  const send = (msg) => {
    if (process.connected) process.send(msg)
  }
  const peer = await runPeer(opts, send)
  const hardStop = setTimeout(() => process.exit(0), opts.runMs + 15000)
  hardStop.unref()
  process.on('message', async (m) => {
    if (m && m.type === 'stop') {
      await peer.stop()
      send({ type: 'stopped', peer: opts.index })
      setTimeout(() => process.exit(0), 200)
    }
  })
  process.on('disconnect', () => process.exit(0))
}
