// The personal support plan lives only on this machine, encrypted at rest
// with a key kept beside it. That protects a copied or backed-up plan file
// and casual reading, not an unlocked machine in someone else's hands; the
// docs say so. Who it is shared with is kept inside the same encrypted file.
import { readFile, writeFile, rename, chmod } from 'node:fs/promises'
import { join } from 'node:path'
import sodium from 'sodium-universal'
import { z } from 'zod'
import type { SupportPlan, SupportPlanContent } from '../domain/reaching.js'
import { MutualError } from '../errors.js'
import { planContent } from './payload.js'

const share = z.object({
  communityId: z.string().regex(/^[a-z0-9]{52}$/),
  memberId: z.string().regex(/^[0-9a-f]{64}$/)
})
const file = z.object({
  format: z.literal(1),
  plan: planContent.extend({
    version: z.number().int().nonnegative(),
    updatedAt: z.number().int().nonnegative().nullable()
  }),
  shares: z.array(share).max(1_000)
})
type PlanFile = z.infer<typeof file>
export type Share = z.infer<typeof share>

const EMPTY: PlanFile = {
  format: 1,
  plan: {
    helps: '',
    doesNotHelp: '',
    contacts: '',
    notInvolve: '',
    fromSupporters: '',
    version: 0,
    updatedAt: null
  },
  shares: []
}

export class PlanStore {
  private state: PlanFile | null = null
  private writing: Promise<void> = Promise.resolve()

  constructor(private readonly dir: string) {}

  private get planPath(): string {
    return join(this.dir, 'support-plan.enc')
  }

  private async key(create: boolean): Promise<Buffer | null> {
    const path = join(this.dir, 'support-plan.key')
    let key: Buffer
    try {
      key = await readFile(path)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      if (!create) return null
      key = Buffer.alloc(sodium.crypto_secretbox_KEYBYTES)
      sodium.randombytes_buf(key)
      await writeFile(path, key, { mode: 0o600, flag: 'wx' })
      return key
    }
    if (key.length !== sodium.crypto_secretbox_KEYBYTES)
      throw new MutualError('internal', `${path} is damaged; your support plan cannot be opened without it`)
    return key
  }

  /** Reads the plan; a damaged file is reported and left untouched, never overwritten. */
  async load(): Promise<PlanFile> {
    if (this.state) return this.state
    let sealed: Buffer
    try {
      sealed = await readFile(this.planPath)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      this.state = structuredClone(EMPTY)
      return this.state
    }
    const key = await this.key(false)
    const damaged = new MutualError(
      'internal',
      `${this.planPath} cannot be opened (damaged, or its key file is missing); move it aside to start a new plan`
    )
    const nonceBytes = sodium.crypto_secretbox_NONCEBYTES
    if (!key || sealed.length < nonceBytes + sodium.crypto_secretbox_MACBYTES) throw damaged
    const plain = Buffer.alloc(sealed.length - nonceBytes - sodium.crypto_secretbox_MACBYTES)
    if (
      !sodium.crypto_secretbox_open_easy(
        plain,
        sealed.subarray(nonceBytes),
        sealed.subarray(0, nonceBytes),
        key
      )
    )
      throw damaged
    let parsed: unknown
    try {
      parsed = JSON.parse(plain.toString('utf8'))
    } catch {
      throw damaged
    }
    const result = file.safeParse(parsed)
    if (!result.success) throw damaged
    this.state = result.data
    return this.state
  }

  async plan(): Promise<SupportPlan> {
    return (await this.load()).plan
  }

  async shares(): Promise<Share[]> {
    return (await this.load()).shares
  }

  async save(content: SupportPlanContent, now: number): Promise<SupportPlan> {
    const state = await this.load()
    const plan = { ...content, version: state.plan.version + 1, updatedAt: now }
    await this.write({ ...state, plan })
    return plan
  }

  async setShared(target: Share, shared: boolean): Promise<void> {
    const state = await this.load()
    const others = state.shares.filter(
      (s) => s.communityId !== target.communityId || s.memberId !== target.memberId
    )
    await this.write({ ...state, shares: shared ? [...others, target] : others })
  }

  private write(next: PlanFile): Promise<void> {
    this.state = next
    this.writing = this.writing.then(async () => {
      const key = await this.key(true)
      if (!key) throw new Error('unreachable: key is created when missing')
      const nonce = Buffer.alloc(sodium.crypto_secretbox_NONCEBYTES)
      sodium.randombytes_buf(nonce)
      const plain = Buffer.from(JSON.stringify(next), 'utf8')
      const box = Buffer.alloc(plain.length + sodium.crypto_secretbox_MACBYTES)
      sodium.crypto_secretbox_easy(box, plain, nonce, key)
      const tmp = this.planPath + '.tmp'
      await writeFile(tmp, Buffer.concat([nonce, box]), { mode: 0o600 })
      await chmod(tmp, 0o600)
      await rename(tmp, this.planPath)
    })
    return this.writing
  }
}
