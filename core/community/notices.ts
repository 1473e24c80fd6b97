// Finds what deserves an OS notification: replies to my posts and mentions
// of my name, arriving from others, and community decisions that concern me
// (my post collapsed, my removal, a new proposal to respond to). This is
// local, per-device behaviour; it never touches the shared log.
import ReadyResource from 'ready-resource'
import type { Notice } from '../domain/types.js'
import type { ViewReader } from '../view/read.js'
import type { LogRecord } from '../view/records.js'

const PAGE = 200
/** History that arrives late (say, while catching up after a week away) is not news. */
const FRESH_MS = 60 * 60 * 1000

export class NoticeWatcher extends ReadyResource {
  private seen: number | null = null
  private seenLog = 0
  private running: Promise<void> = Promise.resolve()

  constructor(
    private readonly communityId: string,
    private readonly reader: () => ViewReader,
    private readonly me: () => string,
    private readonly now: () => number,
    private readonly onNotice: (notice: Notice) => void
  ) {
    super()
  }

  /** Starts from what is already here: only what arrives afterwards is news. */
  protected override async _open(): Promise<void> {
    const meta = await this.reader().meta()
    this.seen = meta ? meta.seq - 1 : 0
    this.seenLog = meta?.events ?? 0
  }

  check(): Promise<void> {
    this.running = this.running.then(() => this.scan()).catch(() => undefined)
    return this.running
  }

  private async scan(): Promise<void> {
    if (this.seen === null) return
    const reader = this.reader()
    const meta = await reader.meta()
    if (!meta) return
    // Most changes are posts; the community log is read only when it grew.
    if (meta.events > this.seenLog) await this.scanLog(reader, meta.name)
    const me = await reader.member(this.me())
    const mention = me?.name ? `@${me.name.toLowerCase()}` : null
    for (;;) {
      const batch = await reader.timelineAfter(this.seen, PAGE)
      for (const { seq, record } of batch) {
        this.seen = seq
        if (record.author === this.me()) continue
        const post = await reader.postRecord(record.id)
        if (!post || post.deleted || this.now() - post.at > FRESH_MS) continue
        const parent = post.replyTo ? await reader.postRecord(post.replyTo) : null
        const kind =
          parent?.author === this.me()
            ? 'reply'
            : mention && post.text.toLowerCase().includes(mention)
              ? 'mention'
              : null
        if (!kind) continue
        const author = (await reader.member(post.author))?.name ?? 'a new member'
        this.onNotice({
          communityId: this.communityId,
          communityName: meta.name,
          kind,
          postId: post.id,
          root: post.root,
          author,
          excerpt: post.text.length > 140 ? post.text.slice(0, 139) + '…' : post.text
        })
      }
      if (batch.length < PAGE) return
    }
  }

  /** Decisions arrive in the community log; only those about me, or asking me to respond, are news. */
  private async scanLog(reader: ViewReader, communityName: string): Promise<void> {
    const governance = reader.governance()
    for (;;) {
      const batch = await governance.logAfter(this.seenLog, PAGE)
      for (const entry of batch) {
        this.seenLog = entry.n
        const notice = await this.fromLog(reader, entry)
        if (notice) this.onNotice({ communityId: this.communityId, communityName, ...notice })
      }
      if (batch.length < PAGE) return
    }
  }

  private async fromLog(
    reader: ViewReader,
    entry: LogRecord
  ): Promise<Omit<Notice, 'communityId' | 'communityName'> | null> {
    const me = this.me()
    if (entry.kind === 'collapsed' && entry.member === me && entry.postId !== null) {
      const post = await reader.postRecord(entry.postId)
      return {
        kind: 'collapsed',
        postId: entry.postId,
        root: post?.root ?? entry.postId,
        author: '',
        excerpt: `Reasons given: ${entry.reason ?? ''}`.slice(0, 140)
      }
    }
    if (entry.kind === 'removed' && entry.member === me)
      return { kind: 'removed', postId: null, root: null, author: '', excerpt: entry.reason ?? '' }
    if (entry.kind === 'proposed' && entry.actor !== null && entry.actor !== me) {
      // History arriving late is not a call to respond now.
      if (entry.at !== null && this.now() - entry.at > FRESH_MS) return null
      return {
        kind: 'proposal',
        postId: null,
        root: null,
        author: await reader.nameOf(entry.actor),
        excerpt: (entry.reason ?? '').slice(0, 140)
      }
    }
    return null
  }
}
