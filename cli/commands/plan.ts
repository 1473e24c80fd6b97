// The personal support plan: kept encrypted on this device, shared with
// chosen members one at a time, and unshared just as easily.
import type { SupportPlanContent } from '../../core/domain/reaching.js'
import type { Flags } from '../args.js'
import { UsageError } from '../failure.js'
import { PLAN_FIELDS, myPlanLines, planBody, sharedPlanLines } from '../format-reaching.js'
import { plural } from '../format.js'
import { print, printJson } from '../output.js'
import { explainAgreementsFirst, resolveCommunity, resolveMember, typedRef } from './resolve.js'
import type { ClientCommand } from './spec.js'
import { askCommunity } from './ask.js'

export const plan: ClientCommand = {
  kind: 'client',
  name: 'plan',
  usage: 'plan',
  summary: 'show your support plan and who it is shared with',
  details: 'Your plan is kept encrypted on this device; it reaches only the members you share it with.',
  args: [],
  options: [],
  async run(input) {
    const result = await input.client.call('plan.get', {})
    if (input.json) printJson(result)
    else print(myPlanLines(result.plan, result.shares).join('\n'))
  }
}

/** The plan with the parts given as flags replaced; the other parts as they were. */
export function editedPlan(current: SupportPlanContent, flags: Flags): SupportPlanContent {
  const next = { ...current }
  let changed = false
  for (const { key, option } of PLAN_FIELDS) {
    const value = flags[option]
    if (typeof value !== 'string') continue
    next[key] = value.replace(/\r\n?/g, '\n').trim()
    changed = true
  }
  if (!changed) {
    throw new UsageError(
      `edit-plan needs at least one of ${PLAN_FIELDS.map((f) => `--${f.option}`).join(', ')}`
    )
  }
  return next
}

export const editPlan: ClientCommand = {
  kind: 'client',
  name: 'edit-plan',
  usage:
    'edit-plan [--helps TEXT] [--does-not-help TEXT] [--contacts TEXT] [--not-involve TEXT] [--from-supporters TEXT]',
  summary: 'write or change your support plan; members you shared it with get the new version',
  details:
    'Each flag replaces that part of your plan; parts you leave out stay as they are, and "" empties one.\n' +
    '  --helps            what helps you\n' +
    "  --does-not-help    what doesn't help\n" +
    '  --contacts         who to contact\n' +
    '  --not-involve      who not to involve\n' +
    '  --from-supporters  what you want from supporters',
  args: [],
  options: PLAN_FIELDS.map((f) => f.option),
  async run(input) {
    const { client } = input
    const current = await client.call('plan.get', {})
    const { version: _version, updatedAt: _updatedAt, ...content } = current.plan
    const result = await client.call('plan.save', { plan: editedPlan(content, input.flags) })
    if (input.json) {
      printJson(result)
      return
    }
    const lines = [
      `Saved version ${result.plan.version} of your support plan:`,
      '',
      ...planBody(result.plan),
      ''
    ]
    const shared = current.shares.length
    if (shared === 0)
      lines.push('It is only on this device until you share it: mutual share-plan COMMUNITY MEMBER')
    else if (result.unsent === 0) lines.push(`Sent to the ${plural(shared, 'member')} you shared it with.`)
    else {
      lines.push(
        `Could not send it to ${plural(result.unsent, 'member')} just now; they keep the version they have, ` +
          'and get the next one you save.'
      )
    }
    print(lines.join('\n'))
  }
}

function shareCommand(share: boolean): ClientCommand {
  const name = share ? 'share-plan' : 'revoke-plan'
  return {
    kind: 'client',
    name,
    usage: `${name} COMMUNITY MEMBER`,
    summary: share
      ? 'share your support plan with one member; later edits reach them too'
      : 'stop sharing your support plan with a member',
    args: ['COMMUNITY', 'MEMBER'],
    options: [],
    async run(input) {
      const { client } = input
      const ref = typedRef(input.arg('COMMUNITY'))
      const communityId = await resolveCommunity(client, input.arg('COMMUNITY'))
      const member = await resolveMember(client, communityId, input.arg('MEMBER'), 'MEMBER')
      if (member.isMe) throw new UsageError('your plan is already yours; choose another member')
      const method = share ? 'plan.share' : 'plan.revoke'
      const result = await client
        .call(method, { communityId, memberId: member.id })
        .catch((err: unknown) => explainAgreementsFirst(err, ref))
      if (input.json) printJson(result)
      else if (share) {
        print(
          `Shared your support plan with ${member.name}, privately. Each edit reaches them too, until you run: mutual revoke-plan ${ref} ${typedRef(input.arg('MEMBER'))}`
        )
      } else {
        print(
          `Stopped sharing your support plan with ${member.name}. Future edits stop reaching them; what they already saw stays with them.`
        )
      }
    }
  }
}

export const sharePlan = shareCommand(true)
export const revokePlan = shareCommand(false)

export const plans = askCommunity({
  name: 'plans',
  usage: 'plans COMMUNITY',
  summary: 'show the support plans members shared with you',
  method: 'plans.sharedWithMe',
  say: (list) => sharedPlanLines(list).join('\n')
})
