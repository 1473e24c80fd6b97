// Posting steps of apply: topics, posts (new, edited, deleted) and reactions.
// Where a post's record lives is posts.ts's concern; what a member may post,
// and where, is decided here.
import type { OpOf } from '../domain/ops.js'
import { REACTION_KINDS } from '../domain/types.js'
import { CHECK_INS_TOPIC, RESOURCES_TOPIC } from '../domain/reaching.js'
import { keys } from './records.js'
import type { MetaRecord, PostRecord, TopicRecord } from './records.js'
import { isLean, leaveFeed, loadPost, notePostDeleted, placePost, savePost } from './posts.js'
import type { Ctx } from './writer.js'

const BUILT_IN_TOPICS: ReadonlySet<string> = new Set([CHECK_INS_TOPIC, RESOURCES_TOPIC])

/** A mood belongs to a check-in and details to a resource, each on the top-level post only. */
function fitsTopic(op: OpOf<'post/create'>, topic: string): boolean {
  if (op.replyTo !== null) return op.mood === undefined && op.resource === undefined
  if (op.mood !== undefined && topic !== CHECK_INS_TOPIC) return false
  return (op.resource !== undefined) === (topic === RESOURCES_TOPIC)
}

export async function topicCreate(ctx: Ctx, op: OpOf<'topic/create'>): Promise<void> {
  if (await ctx.view.get(keys.topic(op.name))) return
  const topic: TopicRecord = { name: op.name, postCount: 0, createdBy: ctx.author }
  await ctx.view.put(keys.topic(op.name), topic)
}

export async function postCreate(ctx: Ctx, meta: MetaRecord, op: OpOf<'post/create'>): Promise<void> {
  if (op.text.trim().length === 0) return
  if (await ctx.view.get(keys.post(op.id))) return // ids are first come, first kept
  let root = op.id
  let topicName = op.topic
  let parent: PostRecord | null = null
  if (op.replyTo !== null) {
    parent = await loadPost(ctx.view, op.replyTo)
    if (!parent) return
    root = parent.root
    topicName = parent.topic // a reply lives where its thread lives
  }
  if (!fitsTopic(op, topicName)) return
  let topic = await ctx.view.get<TopicRecord>(keys.topic(topicName))
  if (!topic && BUILT_IN_TOPICS.has(topicName))
    topic = { name: topicName, postCount: 0, createdBy: ctx.author }
  if (!topic) return
  const seq = meta.seq
  const post: PostRecord = {
    id: op.id,
    author: ctx.author,
    topic: topicName,
    replyTo: op.replyTo,
    root,
    mode: op.mode,
    note: op.note,
    text: op.text,
    at: op.at,
    editedAt: null,
    deleted: false,
    seq,
    writerLength: ctx.node.length,
    ...(ctx.writer !== ctx.author ? { writer: ctx.writer } : {}),
    replyCount: 0,
    reactions: { 'me-too': [], 'hear-you': [], thanks: [] },
    flags: [],
    collapsed: false,
    ...(op.mood !== undefined ? { mood: op.mood } : {}),
    ...(op.resource !== undefined ? { resource: op.resource } : {})
  }
  await placePost(ctx, post)
  await ctx.view.put(keys.meta, { ...meta, seq: seq + 1 })
  if (parent) {
    const rootPost = root === parent.id ? parent : await loadPost(ctx.view, root)
    if (rootPost) await savePost(ctx, { ...rootPost, replyCount: rootPost.replyCount + 1 })
  } else {
    if (!isLean(ctx.version)) await ctx.view.put(keys.feed(topicName, seq), op.id)
    await ctx.view.put(keys.topic(topicName), { ...topic, postCount: topic.postCount + 1 })
  }
}

async function ownLivePost(ctx: Ctx, id: string): Promise<PostRecord | null> {
  const post = await loadPost(ctx.view, id)
  if (!post || post.deleted || post.author !== ctx.author) return null
  return post
}

export async function postEdit(ctx: Ctx, op: OpOf<'post/edit'>): Promise<void> {
  if (op.text.trim().length === 0) return
  const post = await ownLivePost(ctx, op.id)
  if (!post) return
  await savePost(ctx, {
    ...post,
    text: op.text,
    mode: op.mode,
    note: op.note,
    editedAt: op.at
  })
}

export async function postDelete(ctx: Ctx, op: OpOf<'post/delete'>): Promise<void> {
  const post = await ownLivePost(ctx, op.id)
  if (!post) return
  // The text leaves the view; the thread keeps a placeholder so replies keep their context.
  const emptied: PostRecord = {
    ...post,
    text: '',
    note: null,
    deleted: true,
    reactions: { 'me-too': [], 'hear-you': [], thanks: [] }
  }
  await savePost(ctx, emptied)
  await notePostDeleted(ctx, post)
  if (post.replyTo === null && post.replyCount === 0) {
    await leaveFeed(ctx, emptied)
    const topic = await ctx.view.get<TopicRecord>(keys.topic(post.topic))
    if (topic) await ctx.view.put(keys.topic(post.topic), { ...topic, postCount: topic.postCount - 1 })
  }
}

export async function react(ctx: Ctx, op: OpOf<'reaction/add'> | OpOf<'reaction/remove'>): Promise<void> {
  const post = await loadPost(ctx.view, op.postId)
  if (!post || post.deleted || !REACTION_KINDS.includes(op.kind)) return
  const current = post.reactions[op.kind]
  const has = current.includes(ctx.author)
  if (op.type === 'reaction/add' ? has : !has) return
  const next = op.type === 'reaction/add' ? [...current, ctx.author] : current.filter((k) => k !== ctx.author)
  await savePost(ctx, { ...post, reactions: { ...post.reactions, [op.kind]: next } })
}
