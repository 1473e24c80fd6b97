// The support plan across communities: one plan per person, shared with
// chosen members of any community they belong to. Saving sends the new
// version to everyone it is shared with; revoking stops future versions.
import type { PlanShare, SupportPlan, SupportPlanContent } from '../domain/reaching.js'
import { MutualError } from '../errors.js'
import type { Community } from '../community/community.js'
import { PlanStore } from './plan-store.js'

interface PlansHost {
  get(communityId: string): Community
  has(communityId: string): boolean
  now(): number
  /** The plan's key, derived from the profile key. */
  planKey(): Buffer
}

export class SupportPlans {
  private readonly store: PlanStore

  constructor(
    dir: string,
    private readonly host: PlansHost
  ) {
    this.store = new PlanStore(dir, () => host.planKey())
  }

  /** Reads the plan each time the profile opens, so an older profile's plan is resealed at once. */
  async load(): Promise<void> {
    await this.store.load()
  }

  /** Resolves once every write asked for so far has landed. */
  settled(): Promise<void> {
    return this.store.settled()
  }

  async get(): Promise<{ plan: SupportPlan; shares: PlanShare[] }> {
    const plan = await this.store.plan()
    const shares: PlanShare[] = []
    for (const s of await this.store.shares()) {
      if (!this.host.has(s.communityId)) continue
      shares.push({ ...s, member: await this.host.get(s.communityId).reader().nameOf(s.memberId) })
    }
    return { plan, shares }
  }

  /** Saves locally first, so a share that cannot be sent now never costs the edit. */
  async save(content: SupportPlanContent): Promise<{ plan: SupportPlan; unsent: number }> {
    const plan = await this.store.save(content, this.host.now())
    let unsent = 0
    for (const s of await this.store.shares()) {
      if (!this.host.has(s.communityId)) continue
      try {
        await this.host.get(s.communityId).reaching.conversations.sharePlan(s.memberId, plan)
      } catch {
        unsent++
      }
    }
    return { plan, unsent }
  }

  async share(communityId: string, memberId: string): Promise<void> {
    const plan = await this.store.plan()
    if (plan.version === 0) throw new MutualError('bad-request', 'write your plan before sharing it')
    await this.host.get(communityId).reaching.conversations.sharePlan(memberId, plan)
    await this.store.setShared({ communityId, memberId }, true)
  }

  /** Future versions stop reaching them; what they already saw stays with them. */
  async revoke(communityId: string, memberId: string): Promise<void> {
    const shared = (await this.store.shares()).some(
      (s) => s.communityId === communityId && s.memberId === memberId
    )
    if (!shared) throw new MutualError('not-found', 'your plan is not shared with that member')
    await this.store.setShared({ communityId, memberId }, false)
    await this.host.get(communityId).reaching.conversations.revokePlan(memberId)
  }
}
