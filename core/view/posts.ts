// Where a post's record lives in the view, for the two layouts a community
// may hold. Which one a new post takes is decided by the community's adopted
// op version, so every peer writes the same blocks; where an existing post is
// rewritten is decided by where its record already is, so a community that
// moved up keeps its older posts readable and editable.
//
// Before op version 4 (legacy): `post/<id>` holds the whole record, a reply is
// copied again under `thread/<root>/<seq>`, `feed/` holds the id, and an
// `authored/` index lists each member's posts.
// From op version 4 (lean): the record is kept once, where it is read in
// order: a top-level post in its topic's feed, a reply in its thread, so a
// page or a whole history is one range read. `post/<id>` holds only the path
// of that record, and a member's count of posts rides on the quota record
// apply writes anyway. A deleted post leaves the feed, and its emptied record
// moves to `post/<id>`, as in the legacy layout.
import { keys } from './records.js'
import type { PostRecord, TimelineRecord } from './records.js'
import type { Ctx, ViewWriter } from './writer.js'

const LEAN_SINCE_VERSION = 4

export const isLean = (version: number): boolean => version >= LEAN_SINCE_VERSION

/**
 * What `post/<id>` or a feed entry holds: a legacy record, a legacy post id,
 * or the path of a lean record. Ids are hex, so only a path holds a '/'.
 */
export type PostPointer = PostRecord | string

export const isPath = (at: PostPointer): at is string => typeof at === 'string' && at.includes('/')

/** Where a lean post's record lives. */
const home = (post: PostRecord): string =>
  post.replyTo === null ? keys.feed(post.topic, post.seq) : keys.thread(post.root, post.seq)

export async function loadPost(view: ViewWriter, id: string): Promise<PostRecord | null> {
  const at = await view.get<PostPointer>(keys.post(id))
  if (at !== null && isPath(at)) return view.get<PostRecord>(at)
  return typeof at === 'string' ? null : at
}

/** Whether this post's record is kept in the lean layout. */
async function isLeanPost(view: ViewWriter, id: string): Promise<boolean> {
  const at = await view.get<PostPointer>(keys.post(id))
  return at !== null && isPath(at)
}

/** Rewrites a post where its record lives. */
export async function savePost(ctx: Ctx, post: PostRecord): Promise<void> {
  const at = await ctx.view.get<PostPointer>(keys.post(post.id))
  if (at !== null && isPath(at)) return ctx.view.put(at, post)
  await ctx.view.put(keys.post(post.id), post)
  if (post.replyTo !== null) await ctx.view.put(keys.thread(post.root, post.seq), post)
}

/**
 * Places a new post and its indexes. The legacy writes keep exactly their old
 * order: a view built before this change must go on growing the same way.
 */
export async function placePost(ctx: Ctx, post: PostRecord): Promise<void> {
  const timeline: TimelineRecord = { id: post.id, author: ctx.author }
  if (isLean(ctx.version)) {
    await ctx.view.put(home(post), post)
    await ctx.view.put(keys.post(post.id), home(post))
    await ctx.view.put(keys.timeline(post.seq), timeline)
    ctx.postsKept = (ctx.postsKept ?? 0) + 1
    return
  }
  await ctx.view.put(keys.post(post.id), post)
  if (post.replyTo !== null) await ctx.view.put(keys.thread(post.root, post.seq), post)
  await ctx.view.put(keys.authored(ctx.author, post.writerLength), post.id)
  await ctx.view.put(keys.timeline(post.seq), timeline)
  // The feed entry of a legacy post comes after the meta record (apply.ts).
}

/**
 * A deleted top-level post with no replies leaves its topic's feed. A lean
 * one's emptied record moves to `post/<id>`, so it still reads as deleted.
 */
export async function leaveFeed(ctx: Ctx, emptied: PostRecord): Promise<void> {
  const lean = await isLeanPost(ctx.view, emptied.id)
  await ctx.view.del(keys.feed(emptied.topic, emptied.seq))
  if (lean) await ctx.view.put(keys.post(emptied.id), emptied)
}

/** A lean post deleted: its author's count goes down with it. */
export async function notePostDeleted(ctx: Ctx, post: PostRecord): Promise<void> {
  if (await isLeanPost(ctx.view, post.id)) ctx.postsKept = (ctx.postsKept ?? 0) - 1
}
