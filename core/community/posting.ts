// Writing posts, replies, reactions and topics. Each write checks what it
// can against the view first (the topic exists, the post is mine), so a person
// hears at once what apply would silently skip; apply checks it all again.
import hcrypto from 'hypercore-crypto'
import type { Op } from '../domain/ops.js'
import { CHECK_INS_TOPIC, RESOURCES_TOPIC } from '../domain/reaching.js'
import type { ResourceKind } from '../domain/reaching.js'
import type { ReactionKind, ReplyMode } from '../domain/types.js'
import { MutualError } from '../errors.js'
import type { ViewReader } from '../view/read.js'
import type { Place } from './write-queue.js'

interface PostingHost {
  readonly me: string
  reader(): ViewReader
  append(op: Op, place?: Place): Promise<void>
  /** Runs a write in the place in line it takes now, so writes land in the order asked. */
  inOrder<T>(write: (place: Place) => Promise<T>): Promise<T>
}

interface NewPost {
  text: string
  topic?: string | undefined
  replyTo?: string | undefined
  mode?: ReplyMode | undefined
  note?: string | undefined
  mood?: string | undefined
  resource?: { kind: ResourceKind; name: string; contact?: string | null | undefined } | undefined
  now: number
}

interface PostChange {
  text: string
  mode?: ReplyMode | undefined
  note?: string | null | undefined
  now: number
}

export class Posting {
  constructor(private readonly host: PostingHost) {}

  async createTopic(name: string): Promise<void> {
    if (await this.host.reader().topic(name)) return
    await this.host.append({ type: 'topic/create', name })
  }

  post(input: NewPost): Promise<string> {
    return this.host.inOrder((place) => this.postNow(input, place))
  }

  private async postNow(input: NewPost, place?: Place): Promise<string> {
    const reader = this.host.reader()
    const topic = input.topic ?? 'general'
    if (input.replyTo) {
      const parent = await reader.postRecord(input.replyTo)
      if (!parent || parent.deleted)
        throw new MutualError('not-found', 'the post you are replying to is not here')
    } else if (!(await reader.topic(topic))) {
      throw new MutualError('not-found', `there is no topic "${topic}" in this community yet`)
    }
    checkTopicFields(input.replyTo ? null : topic, input)
    const id = hcrypto.randomBytes(8).toString('hex')
    const note = input.note?.trim() ? input.note.trim() : null
    await this.host.append(
      {
        type: 'post/create',
        id,
        topic,
        replyTo: input.replyTo ?? null,
        mode: input.mode ?? (await reader.governance().settings()).defaultReplyMode,
        note,
        text: input.text,
        at: input.now,
        ...(input.mood ? { mood: input.mood } : {}),
        ...(input.resource
          ? {
              resource: {
                kind: input.resource.kind,
                name: input.resource.name,
                contact: input.resource.contact ?? null
              }
            }
          : {})
      },
      place
    )
    return id
  }

  private async ownPost(postId: string) {
    const post = await this.host.reader().postRecord(postId)
    if (!post || post.deleted) throw new MutualError('not-found', 'that post is not here')
    if (post.author !== this.host.me)
      throw new MutualError('not-allowed', 'you can only change your own posts')
    return post
  }

  editPost(postId: string, change: PostChange): Promise<void> {
    return this.host.inOrder((place) => this.editPostNow(postId, change, place))
  }

  private async editPostNow(postId: string, change: PostChange, place?: Place): Promise<void> {
    const post = await this.ownPost(postId)
    const note = change.note === undefined ? post.note : change.note?.trim() || null
    await this.host.append(
      {
        type: 'post/edit',
        id: postId,
        text: change.text,
        mode: change.mode ?? post.mode,
        note,
        at: change.now
      },
      place
    )
  }

  deletePost(postId: string): Promise<void> {
    return this.host.inOrder((place) => this.deletePostNow(postId, place))
  }

  private async deletePostNow(postId: string, place?: Place): Promise<void> {
    await this.ownPost(postId)
    await this.host.append({ type: 'post/delete', id: postId }, place)
  }

  react(postId: string, kind: ReactionKind, add: boolean): Promise<void> {
    return this.host.inOrder((place) => this.reactNow(postId, kind, add, place))
  }

  private async reactNow(postId: string, kind: ReactionKind, add: boolean, place?: Place): Promise<void> {
    const post = await this.host.reader().postRecord(postId)
    if (!post || post.deleted) throw new MutualError('not-found', 'that post is not here')
    await this.host.append({ type: add ? 'reaction/add' : 'reaction/remove', postId, kind }, place)
  }
}

/** Apply keeps moods to check-ins and resource details to the resources topic; say so before writing. */
function checkTopicFields(
  topic: string | null,
  input: { mood?: string | undefined; resource?: unknown }
): void {
  if (input.mood && topic !== CHECK_INS_TOPIC)
    throw new MutualError('bad-request', `a mood word goes with a check-in, in "${CHECK_INS_TOPIC}"`)
  if (input.resource !== undefined && topic !== RESOURCES_TOPIC)
    throw new MutualError('bad-request', `resource details go in "${RESOURCES_TOPIC}"`)
  if (input.resource === undefined && topic === RESOURCES_TOPIC)
    throw new MutualError('bad-request', 'a resource needs a kind and a name')
}
