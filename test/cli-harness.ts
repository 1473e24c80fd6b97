// Runs the `mutual` command as child processes, for the black-box CLI tests:
// a loopback testnet, daemons, and one-shot commands. Every process is bound
// to 127.0.0.1; nothing reaches the public DHT (daemons always get
// --bootstrap, and MUTUAL_BOOTSTRAP is set too).
import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const STACK_LINE = /^\s+at /m
/** Bound for anything that crosses the (loopback) network. */
export const SYNC_DEADLINE_MS = 60_000

export interface Outcome {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface Running {
  child: ChildProcessWithoutNullStreams
  stdout: () => string
  stderr: () => string
  exited: Promise<Outcome>
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>
}

/**
 * Bundles the CLI to `outfile` (relative to the repository). Test files that
 * run at the same time each build their own, so none reads a half-written one.
 */
export function buildCli(outfile: string): string {
  const script = `import { bundleForNode } from './scripts/node-bundle.mjs'; await bundleForNode('cli/main.ts', ${JSON.stringify(outfile)})`
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: 'pipe' })
  return path.join(ROOT, outfile)
}

export class CliHarness {
  readonly scratch = mkdtempSync(path.join(os.tmpdir(), 'mutual-cli-'))
  /** Set once the testnet has printed its address. */
  bootstrap = ''
  readonly everyStderr: { args: string[]; text: () => string }[] = []
  private readonly started: Running[] = []

  /** `entry` is the script that is `mutual`: bin/mutual.js, or a bundle. */
  constructor(private readonly entry: string) {}

  private env(): NodeJS.ProcessEnv {
    const clean: NodeJS.ProcessEnv = { ...process.env }
    for (const key of Object.keys(clean)) if (key.startsWith('MUTUAL_')) delete clean[key]
    // A forgotten --storage must not touch the real profile, nor a forgotten --bootstrap the public DHT.
    return {
      ...clean,
      MUTUAL_STORAGE: path.join(this.scratch, 'default'),
      MUTUAL_BOOTSTRAP: this.bootstrap || '127.0.0.1:1'
    }
  }

  start = (args: string[]): Running => {
    const child = spawn(process.execPath, [this.entry, ...args], { cwd: ROOT, env: this.env() })
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
    const exited = new Promise<Outcome>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: err }))
    )
    this.everyStderr.push({ args, text: () => err })
    const running: Running = {
      child,
      stdout: () => out,
      stderr: () => err,
      exited,
      async waitForLine(pattern, timeoutMs = 30_000) {
        const deadline = Date.now() + timeoutMs
        let exitedEarly = false
        void exited.then(() => (exitedEarly = true))
        for (;;) {
          const line = out.split('\n').find((l) => pattern.test(l))
          if (line !== undefined) return line
          if (exitedEarly)
            throw new Error(`mutual ${args.join(' ')} exited before printing ${pattern}: ${err}`)
          if (Date.now() > deadline)
            throw new Error(`mutual ${args.join(' ')} printed no ${pattern} in ${timeoutMs}ms: ${err}`)
          await delay(50)
        }
      }
    }
    this.started.push(running)
    return running
  }

  /** Runs one CLI command to completion. */
  mutual = (...args: string[]): Promise<Outcome> => {
    const running = this.start(args)
    const timer = setTimeout(() => running.child.kill('SIGKILL'), SYNC_DEADLINE_MS)
    return running.exited.finally(() => clearTimeout(timer))
  }

  /** Runs one command that must succeed; its stdout, trimmed. */
  ok = async (...args: string[]): Promise<string> => {
    const result = await this.mutual(...args)
    if (result.code !== 0) throw new Error(`mutual ${args.join(' ')} exited ${result.code}: ${result.stderr}`)
    return result.stdout.trim()
  }

  /** Runs one CLI command with --json and parses what it prints. */
  json = async <T>(...args: string[]): Promise<T> => JSON.parse(await this.ok(...args, '--json')) as T

  startDaemon = (storage: string, ...extra: string[]): Running =>
    this.start(['daemon', '--storage', storage, '--bootstrap', this.bootstrap, ...extra])

  /** Kills whatever is still running (after a failure) and removes the scratch folder. */
  async cleanUp(): Promise<void> {
    for (const running of this.started) if (running.child.exitCode === null) running.child.kill('SIGKILL')
    await Promise.all(this.started.map((r) => r.exited))
    rmSync(this.scratch, { recursive: true, force: true })
  }
}

/** Polls until `probe` returns a value, within a bounded deadline. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + SYNC_DEADLINE_MS
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await delay(200)
  }
}

export function expectOneLineError(result: Outcome, code: number, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(code)
  expect(result.stdout).toBe('')
  const lines = result.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
}
