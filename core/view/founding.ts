// Founding a community: the first op of the founder's writer sets down the
// community's name, agreements and settings, and makes the founder its first
// member. Part of apply, so deterministic like the rest of it.
import { LEGACY_VERSION } from '../domain/ops.js'
import type { OpOf } from '../domain/ops.js'
import { DEFAULT_SETTINGS } from '../domain/governance.js'
import { keys } from './records.js'
import type { AgreementsRecord, MetaRecord, TopicRecord } from './records.js'
import { blankLog, logEvent, putMember } from './writer.js'
import type { Ctx } from './writer.js'
import { claimFounderName } from './profile.js'

export async function init(ctx: Ctx, op: OpOf<'community/init'>): Promise<void> {
  // Only the founder's writer (the base's bootstrap core) can found, and only once.
  if (!ctx.node.from.key.equals(ctx.host.key)) return
  if (await ctx.view.get(keys.meta)) return
  const meta: MetaRecord = {
    name: op.name,
    founder: ctx.author,
    seq: 1,
    memberCount: 1,
    indexers: 1,
    current: 1,
    events: 0,
    ...(ctx.version >= 3 ? { agreed: 1 } : {}),
    // The founder's build stamps the version the community starts at on this first op.
    ...(ctx.version > LEGACY_VERSION ? { version: ctx.version } : {})
  }
  await ctx.view.put(keys.meta, meta)
  await putMember(ctx, {
    key: ctx.author,
    name: op.displayName,
    color: null,
    order: 0,
    joinedSeq: 0,
    indexer: true,
    left: false,
    removed: false,
    inviteId: null,
    // The founder wrote the first agreements, so agrees to them.
    agreedVersion: 1,
    device: null
  })
  await claimFounderName(ctx)
  const general: TopicRecord = { name: 'general', postCount: 0, createdBy: ctx.author }
  await ctx.view.put(keys.topic('general'), general)
  // Before version 3 the settings had no counting rule: decisions counted everyone let in.
  const { counting: _counting, ...legacySettings } = DEFAULT_SETTINGS
  await ctx.view.put(keys.settings, ctx.version >= 3 ? DEFAULT_SETTINGS : legacySettings)
  const event = await logEvent(ctx, { ...blankLog, kind: 'agreed', actor: ctx.author, member: ctx.author })
  const agreements: AgreementsRecord = {
    version: 1,
    text: op.agreements,
    confidentiality: op.confidentiality,
    proposalId: null,
    event
  }
  await ctx.view.put(keys.agreements, agreements)
  await ctx.view.put(keys.agreementsVersion(1), agreements)
}
