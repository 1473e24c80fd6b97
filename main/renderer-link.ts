// Gives each window its own RPC port to the engine and keeps it told about the
// engine's state. Ports are handed out on request (the preload asks on every
// page load, so a reload gets a working connection) and pushed again after
// every engine restart.
import type { WebContents } from 'electron'
import type { EngineStatus } from '../core/rpc/bridge.js'
import { CHANNELS } from './channels.js'
import type { EngineSupervisor } from './supervisor.js'

export class RendererLink {
  private readonly attached = new Set<WebContents>()

  constructor(private readonly supervisor: EngineSupervisor) {
    supervisor.onStatus((status) => {
      for (const contents of this.attached) sendStatus(contents, status)
    })
    supervisor.onStart(() => {
      for (const contents of this.attached) this.sendPort(contents)
    })
  }

  /** A page asked for its connection. */
  attach(contents: WebContents): void {
    if (!this.attached.has(contents)) {
      this.attached.add(contents)
      contents.once('destroyed', () => this.attached.delete(contents))
    }
    // Status first: a preload that hears 'restarting' drops its old port, and
    // the port that follows replaces it.
    const status = this.supervisor.status
    if (status) sendStatus(contents, status)
    this.sendPort(contents)
  }

  private sendPort(contents: WebContents): void {
    if (contents.isDestroyed()) return
    // The previous port of this page needs no closing here: it was transferred,
    // and it closes with its page or with the engine process it led to.
    const port = this.supervisor.connect()
    if (port) contents.postMessage(CHANNELS.port, null, [port])
  }
}

function sendStatus(contents: WebContents, status: EngineStatus): void {
  if (!contents.isDestroyed()) contents.send(CHANNELS.status, status)
}
