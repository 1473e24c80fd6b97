// The community log: every flag, decision and removal, newest first, with
// who acted and why. Read a page at a time with `before` cursors.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { LogEntry, LogPage } from '../../../core/domain/types.js'
import { asRpcError, useConnectionState, useEngine, useEngineEvents } from '../../engine/hooks.js'
import type { RpcError } from '../../../core/rpc/client.js'
import { strings } from '../../strings/index.js'
import { ErrorText } from '../ErrorText.js'
import { Page } from '../Page.js'
import { useNow } from '../useNow.js'
import './CommunityLog.css'
import { Button } from '../Button.js'

const PAGE = 50

/** One entry in plain words. */
function logWords(entry: LogEntry): string {
  const s = strings.log
  const actor = entry.actor ?? s.community
  const member = entry.member ?? s.someone
  const c = strings.proposals.change
  const what =
    entry.change === null
      ? ''
      : entry.change.kind === 'removal'
        ? c.removal(member)
        : entry.change.kind === 'review'
          ? c.review(entry.member)
          : c[entry.change.kind]
  const about = ['proposed', 'revised', 'withdrawn', 'adopted', 'outdated'].includes(entry.kind)
    ? what
    : member
  return s.entry[entry.kind](actor, about)
}

export function CommunityLog({ communityId }: { communityId: string }) {
  const engine = useEngine()
  const now = useNow()
  const s = strings.log
  const { generation } = useConnectionState()
  const [entries, setEntries] = useState<LogEntry[] | null>(null)
  const loaded = useRef<LogEntry[]>([])
  const publish = (list: LogEntry[]) => {
    loaded.current = list
    setEntries(list)
  }
  const [next, setNext] = useState<number | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<RpcError | null>(null)

  const read = useCallback(
    (before?: number): Promise<LogPage> =>
      engine.call('moderation.log', {
        communityId,
        limit: PAGE,
        ...(before === undefined ? {} : { before })
      }),
    [engine, communityId]
  )
  // The newest page, merged with older pages already read.
  const refresh = useCallback(() => {
    read().then(
      (page) => {
        setError(null)
        const oldest = page.entries[page.entries.length - 1]
        const kept = oldest ? loaded.current.filter((e) => e.n < oldest.n) : []
        // With nothing older kept, this page's cursor is where reading on starts.
        if (kept.length === 0) setNext(page.next)
        publish([...page.entries, ...kept])
      },
      (err: unknown) => setError(asRpcError(err))
    )
  }, [read])
  useEffect(refresh, [refresh, generation])
  useEngineEvents((event) => {
    if (event.type === 'community-changed' && event.communityId === communityId) refresh()
  })

  const loadMore = async () => {
    if (next === null || loadingMore) return
    setLoadingMore(true)
    try {
      const page = await read(next)
      const old = loaded.current
      publish([...old, ...page.entries.filter((e) => !old.some((o) => o.n === e.n))])
      setNext(page.next)
    } catch (err) {
      setError(asRpcError(err))
    } finally {
      setLoadingMore(false)
    }
  }

  return (
    <Page className="log-page" title={s.title}>
      <p className="hint">{s.intro}</p>
      <ErrorText error={error} />
      {entries === null ? (
        <p className="quiet-note" role="status">
          {s.loading}
        </p>
      ) : entries.length === 0 ? (
        <p className="quiet-note">{s.empty}</p>
      ) : (
        <ol className="log-list plain-list" aria-label={s.label}>
          {entries.map((entry) => (
            <li key={entry.n} className={`log-entry box log-${entry.kind}`}>
              <p className="log-what">{logWords(entry)}</p>
              {entry.reason ? (
                <p className="log-reason">
                  <span className="reason-label">{s.reason} </span>
                  {entry.reason}
                </p>
              ) : null}
              {entry.at !== null ? (
                <time className="log-time" dateTime={new Date(entry.at).toISOString()}>
                  {strings.time.relative(entry.at, now)}
                </time>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {next !== null && entries !== null ? (
        <div className="actions">
          <Button disabled={loadingMore} onClick={() => void loadMore()}>
            {loadingMore ? s.loading : s.more}
          </Button>
        </div>
      ) : null}
    </Page>
  )
}
