// One community: who is reachable, honest banners, topics, the feed or a
// thread, and the members panel.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { CommunitySummary, Post, SyncStatus } from '../../core/domain/types.js'
import { useAction, useEngine, useLive } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { Dialog } from './Dialog.js'
import { ErrorText } from './ErrorText.js'
import { Feed } from './Feed.js'
import { InviteDialog } from './InviteDialog.js'
import { Members } from './Members.js'
import { Thread } from './Thread.js'
import { Topics } from './Topics.js'

/** A thread the shell asked to show (a clicked notification); `at` tells repeated asks apart. */
export interface ThreadRequest {
  communityId: string
  root: string
  at: number
}

export function CommunityView({
  community,
  status,
  online,
  onSetOnline,
  settingOnline,
  requestedThread
}: {
  community: CommunitySummary
  status: SyncStatus | undefined
  online: boolean
  onSetOnline: (online: boolean) => void
  settingOnline: boolean
  requestedThread: ThreadRequest | null
}) {
  const engine = useEngine()
  const communityId = community.id
  const [topic, setTopic] = useState('general')
  const [threadRoot, setThreadRoot] = useState<string | null>(null)
  const [membersOpen, setMembersOpen] = useState(false)
  const [inviting, setInviting] = useState(false)
  const [deleting, setDeleting] = useState<Post | null>(null)
  const changed = (e: { type: string; communityId?: string }) =>
    e.type === 'community-changed' && e.communityId === communityId

  const topics = useLive(() => engine.call('topics.list', { communityId }), [communityId], changed)
  const members = useLive(() => engine.call('members.list', { communityId }), [communityId], changed)
  const colors = useMemo(
    () => new Map((members.data ?? []).map((m) => [m.id, m.color] as const)),
    [members.data]
  )

  useMarkRead(community)
  useEffect(() => {
    if (requestedThread) setThreadRoot(requestedThread.root)
  }, [requestedThread])

  const writable = community.writable && !status?.updateNeeded
  const peers = status?.peers ?? 0
  const openThread = useCallback((post: Post) => setThreadRoot(post.root), [])
  const feedFocus = useRef<string | null>(null)

  const closeThread = () => {
    feedFocus.current = threadRoot
    setThreadRoot(null)
  }
  // Back from a thread, focus returns to the post it was opened from.
  useEffect(() => {
    if (threadRoot !== null || !feedFocus.current) return
    const id = feedFocus.current
    feedFocus.current = null
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`article[data-post-id="${id}"] .replies`)?.focus()
    )
  }, [threadRoot])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || threadRoot === null || event.defaultPrevented) return
    const target = event.target as HTMLElement
    if (target.closest('input, textarea, select, dialog')) return
    event.preventDefault()
    closeThread()
  }

  const membersId = `members-${communityId.slice(0, 8)}`
  return (
    <div className="community-view" onKeyDown={onKeyDown}>
      <header className="community-header">
        <div className="community-title">
          <h1>{community.name}</h1>
          <p className="community-sub">
            <span>{strings.header.members(community.memberCount)}</span>
            <span aria-hidden="true"> · </span>
            <span className={`sync sync-${!online ? 'offline' : peers > 0 ? 'connected' : 'alone'}`}>
              <span className="sync-dot" aria-hidden="true" />
              {!online
                ? strings.header.offline
                : peers > 0
                  ? strings.header.connected(peers)
                  : strings.header.alone}
            </span>
          </p>
        </div>
        <div className="toolbar" role="toolbar" aria-label={strings.header.toolbar}>
          {community.writable ? (
            <button type="button" className="button" onClick={() => setInviting(true)}>
              {strings.header.invite}
            </button>
          ) : null}
          <button
            type="button"
            className="button"
            aria-expanded={membersOpen}
            aria-controls={membersOpen ? membersId : undefined}
            onClick={() => setMembersOpen((o) => !o)}
          >
            {strings.header.membersPanel}
          </button>
          <button
            type="button"
            className="button quiet"
            disabled={settingOnline}
            onClick={() => onSetOnline(!online)}
          >
            {online ? strings.header.goOffline : strings.header.goOnline}
          </button>
        </div>
      </header>
      <Banners community={community} status={status} online={online} peers={peers} />
      <div className="community-body">
        <div className="community-main">
          <Topics
            communityId={communityId}
            topics={topics.data ?? [{ name: 'general', postCount: 0 }]}
            current={topic}
            writable={writable}
            onSelect={(name) => {
              setTopic(name)
              setThreadRoot(null)
            }}
          />
          <div className="conversation" id="content" tabIndex={-1}>
            {/* The feed stays mounted under a thread, so coming back keeps your place and your draft. */}
            <Feed
              communityId={communityId}
              communityName={community.name}
              topic={topic}
              writable={writable}
              colors={colors}
              covered={threadRoot !== null}
              onOpenThread={openThread}
              onDelete={setDeleting}
            />
            {threadRoot ? (
              <Thread
                communityId={communityId}
                rootId={threadRoot}
                topic={topic}
                writable={writable}
                colors={colors}
                onBack={closeThread}
                onDelete={setDeleting}
              />
            ) : null}
          </div>
        </div>
        {membersOpen ? (
          <Members
            id={membersId}
            community={community}
            members={members.data ?? []}
            onClose={() => setMembersOpen(false)}
          />
        ) : null}
      </div>
      {inviting ? (
        <InviteDialog
          communityId={communityId}
          communityName={community.name}
          onClose={() => setInviting(false)}
        />
      ) : null}
      {deleting ? (
        <DeleteDialog
          communityId={communityId}
          post={deleting}
          onClose={(deleted) => {
            if (deleted && deleting.id === threadRoot) setThreadRoot(null)
            setDeleting(null)
          }}
        />
      ) : null}
    </div>
  )
}

function Banners({
  community,
  status,
  online,
  peers
}: {
  community: CommunitySummary
  status: SyncStatus | undefined
  online: boolean
  peers: number
}) {
  const b = strings.banners
  const messages: { key: string; text: string }[] = []
  if (!online) messages.push({ key: 'offline', text: b.offline })
  else if (peers === 0 && community.memberCount > 1) messages.push({ key: 'alone', text: b.alone })
  if (status?.updateNeeded) messages.push({ key: 'update', text: b.updateNeeded })
  else if (!community.writable) messages.push({ key: 'writable', text: b.notWritable })
  return (
    <div className="banners" role="status">
      {messages.map((m) => (
        <p key={m.key} className={`banner banner-${m.key}`}>
          {m.text}
        </p>
      ))}
    </div>
  )
}

function DeleteDialog({
  communityId,
  post,
  onClose
}: {
  communityId: string
  post: Post
  onClose: (deleted: boolean) => void
}) {
  const engine = useEngine()
  const s = strings.deleteDialog
  const remove = useAction(async () => engine.call('posts.delete', { communityId, postId: post.id }))
  return (
    <Dialog title={s.title} onClose={() => onClose(false)} className="delete-dialog">
      <p>{s.body}</p>
      <ErrorText error={remove.error} />
      <div className="actions">
        <button type="button" className="button" autoFocus onClick={() => onClose(false)}>
          {s.cancel}
        </button>
        <button
          type="button"
          className="button danger-solid"
          disabled={remove.pending}
          onClick={async () => {
            if (await remove.run()) onClose(true)
          }}
        >
          {s.confirm}
        </button>
      </div>
    </Dialog>
  )
}

/** While a community is on screen, what arrives in it counts as read. */
function useMarkRead(community: CommunitySummary): void {
  const engine = useEngine()
  const marked = useRef(new Map<string, number>())
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden')
  useEffect(() => {
    const update = () => setVisible(document.visibilityState !== 'hidden')
    document.addEventListener('visibilitychange', update)
    return () => document.removeEventListener('visibilitychange', update)
  }, [])
  const { id, latestSeq, unread } = community
  useEffect(() => {
    if (!visible || unread === 0) return
    if ((marked.current.get(id) ?? -1) >= latestSeq) return
    marked.current.set(id, latestSeq)
    void engine.call('communities.markRead', { communityId: id, seq: latestSeq }).catch(() => {
      marked.current.delete(id)
    })
  }, [engine, id, latestSeq, unread, visible])
}
