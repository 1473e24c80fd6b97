// Finds what deserves an OS notification: replies to my posts and mentions
// of my name, arriving from others. This is local, per-device behaviour; it
// never touches the shared log.
import type { Notice } from '../domain/types.js'
import type { ViewReader } from '../view/read.js'

const PAGE = 200
/** History that arrives late (say, while catching up after a week away) is not news. */
const FRESH_MS = 60 * 60 * 1000

export class NoticeWatcher {
  private seen: number | null = null
  private running: Promise<void> = Promise.resolve()

  constructor(
    private readonly communityId: string,
    private readonly reader: () => ViewReader,
    private readonly me: () => string,
    private readonly now: () => number,
    private readonly onNotice: (notice: Notice) => void
  ) {}

  /** Starts from what is already here: only what arrives afterwards is news. */
  async start(): Promise<void> {
    const meta = await this.reader().meta()
    this.seen = meta ? meta.seq - 1 : 0
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
}
