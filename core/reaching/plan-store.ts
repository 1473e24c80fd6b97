// The personal support plan lives only on this machine, sealed under a key
// derived from the profile key (keyring.ts): locked with the profile when it
// has a passphrase, and otherwise as safe as the profile folder. Who it is
// shared with is kept inside the same sealed file. Before the lock existed,
// the plan's key lay beside it in support-plan.key; the first read reseals
// the plan and removes that file.
import { readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { communityId, memberId } from '../domain/ids.js'
import type { SupportPlan, SupportPlanContent } from '../domain/reaching.js'
import { MutualError } from '../errors.js'
import { open, readSealed, writeSealed } from '../profile/sealed.js'
import { planContent } from './payload.js'

const share = z.object({
  communityId,
  memberId
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
type Share = z.infer<typeof share>

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

  private legacyOpened = false

  /** `key` is the plan's key, derived from the profile key once the profile is unlocked. */
  constructor(
    private readonly dir: string,
    private readonly key: () => Buffer
  ) {}

  private get planPath(): string {
    return join(this.dir, 'support-plan.enc')
  }

  /** Reads the plan; a damaged file is reported and left untouched, never overwritten. */
  async load(): Promise<PlanFile> {
    if (this.state) return this.state
    const damaged = new MutualError(
      'internal',
      `${this.planPath} cannot be opened (damaged, or sealed with another key); move it aside to start a new plan`
    )
    let plain = await readSealed(this.planPath, this.key())
    if (plain === 'damaged') plain = await this.openLegacy()
    if (plain === null) {
      this.state = structuredClone(EMPTY)
      return this.state
    }
    if (plain === 'damaged') throw damaged
    let parsed: unknown
    try {
      parsed = JSON.parse(plain.toString('utf8'))
    } catch {
      throw damaged
    }
    const result = file.safeParse(parsed)
    if (!result.success) throw damaged
    this.state = result.data
    if (this.legacyOpened) {
      await this.write(this.state)
      await unlink(this.legacyKeyPath)
      this.legacyOpened = false
    }
    return this.state
  }

  settled(): Promise<void> {
    return this.writing.catch(() => undefined)
  }

  private get legacyKeyPath(): string {
    return join(this.dir, 'support-plan.key')
  }

  /** A plan sealed under the key file that lay beside it before the lock. */
  private async openLegacy(): Promise<Buffer | 'damaged'> {
    let key: Buffer
    try {
      key = await readFile(this.legacyKeyPath)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'damaged'
      throw err
    }
    const plain = open(await readFile(this.planPath), key)
    if (!plain) return 'damaged'
    this.legacyOpened = true
    return plain
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
    const plain = Buffer.from(JSON.stringify(next), 'utf8')
    this.writing = this.writing.then(() => writeSealed(this.planPath, plain, this.key()))
    return this.writing
  }
}
