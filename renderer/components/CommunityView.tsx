// One community: who is reachable, honest banners, its pages (the
// conversation, reaching out, the support plan, the agreements, the log), the
// members panel, and the dialogs for what needs care: deleting, flagging,
// reviews and removals.
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react'
import type { KeyboardEvent } from 'react'
import type { CommunitySummary, Member, Post, SyncStatus } from '../../core/domain/types.js'
import type { ThreadTarget } from '../engine/connection.js'
import { useEngine } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { AgreementsGate } from './governance/AgreementsGate.js'
import { AgreementsPage } from './governance/AgreementsPage.js'
import { Banners } from './Banners.js'
import { initialNavigation, navigate } from './communityNavigation.js'
import { CommunityLog } from './governance/CommunityLog.js'
import { DeleteDialog } from './DeleteDialog.js'
import { ErrorText } from './ErrorText.js'
import { Feed } from './Feed.js'
import { InviteDialog } from './InviteDialog.js'
import { Members } from './Members.js'
import { ModerationDialog } from './governance/ModerationDialog.js'
import { PageNav } from './PageNav.js'
import { mayTakePart, mayWrite } from './participation.js'
import { SupportPlanPage } from './plan/SupportPlanPage.js'
import { ReachingPage } from './reaching/ReachingPage.js'
import type { ReachingView } from './reaching/ReachNotices.js'
import { RemovedNotice } from './governance/RemovedNotice.js'
import { Thread } from './Thread.js'
import { Topics } from './Topics.js'
import { useMarkRead } from './useMarkRead.js'
import { useCommunityLive } from './useCommunityLive.js'
import './CommunityView.css'
import { Button } from './Button.js'

/** What the shell or an in-app notice asked to show; `at` tells repeated asks apart. */
export interface OpenRequest {
  target: ThreadTarget
  at: number
}

export function CommunityView({
  community,
  status,
  online,
  onSetOnline,
  request,
  onViewing
}: {
  community: CommunitySummary
  status: SyncStatus | undefined
  online: boolean
  onSetOnline: (online: boolean) => void
  request: OpenRequest | null
  /** Tells the window whether reaching out (and which conversation) is on screen. */
  onViewing?: (view: ReachingView | null) => void
}) {
  const engine = useEngine()
  const communityId = community.id
  const [navigation, dispatch] = useReducer(navigate, initialNavigation)
  const {
    page,
    topic,
    threadRoot,
    conversationWith,
    membersOpen,
    inviting,
    deleting,
    moderating,
    readingRemoved
  } = navigation

  const topics = useCommunityLive(communityId, () => engine.call('topics.list', { communityId }))
  const members = useCommunityLive(communityId, () => engine.call('members.list', { communityId }))
  const governance = useCommunityLive(communityId, () => engine.call('governance.get', { communityId }))
  const conversations = useCommunityLive(communityId, () =>
    engine.call('conversations.list', { communityId })
  )
  const privateUnread = (conversations.data ?? []).reduce((sum, c) => sum + c.unread, 0)
  // Counted from who is here now: the summary's count also includes members who left or were removed.
  const memberCount = members.data ? members.data.filter((m) => !m.left).length : community.memberCount
  const colors = useMemo(
    () => new Map((members.data ?? []).map((m) => [m.id, m.color] as const)),
    [members.data]
  )

  useMarkRead(community)
  useEffect(() => {
    if (request) dispatch({ type: 'open-target', target: request.target })
  }, [request])
  useEffect(() => {
    onViewing?.(page === 'reaching' ? { communityId, memberId: conversationWith } : null)
  }, [onViewing, page, communityId, conversationWith])
  const showResources = useCallback(() => dispatch({ type: 'show-resources' }), [])
  const writePrivately = useCallback(
    (member: Member) => dispatch({ type: 'write-privately', memberId: member.id }),
    []
  )

  const gov = governance.data
  const removed = gov?.removed ?? null
  const writable = mayWrite(community, status, removed !== null)
  const canAct = mayTakePart(writable, gov?.myAgreedVersion)
  const agreementsChanged =
    gov !== undefined && gov.myAgreedVersion !== null && gov.agreements.version > gov.myAgreedVersion
  const needsAgreeing = gov !== undefined && gov.myAgreedVersion === null && writable
  const peers = status?.peers ?? 0
  const openThread = useCallback((post: Post) => dispatch({ type: 'open-thread', root: post.root }), [])
  const onDelete = useCallback((post: Post) => dispatch({ type: 'delete', post }), [])
  const onFlag = useCallback(
    (post: Post) => dispatch({ type: 'moderate', request: { kind: 'flag', post } }),
    []
  )
  const onAskReview = useCallback(
    (post: Post) => dispatch({ type: 'moderate', request: { kind: 'review', post } }),
    []
  )
  const onProposeRemoval = useCallback(
    (member: Member) => dispatch({ type: 'moderate', request: { kind: 'removal', member } }),
    []
  )
  const onOpenConversation = useCallback(
    (memberId: string | null) => dispatch({ type: 'open-conversation', memberId }),
    []
  )
  const feedFocus = useRef<string | null>(null)

  const closeThread = () => {
    feedFocus.current = threadRoot
    dispatch({ type: 'close-thread' })
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
    if (page !== 'conversation') return
    const target = event.target as HTMLElement
    if (target.closest('input, textarea, select, dialog')) return
    event.preventDefault()
    closeThread()
  }

  const membersId = `members-${communityId.slice(0, 8)}`
  // Reading what you have after a removal: no compose box, and a way back to the notice.
  const removedStrip = (
    <div className="removed-strip">
      <p>{strings.removal.body}</p>
      <Button small onClick={() => dispatch({ type: 'back-to-removal' })}>
        {strings.removal.hideRead}
      </Button>
    </div>
  )
  /** What stands in for the compose box: the removal strip, or the agreements to say "I agree" to first. */
  const gate = (compact: boolean) =>
    removed ? (
      removedStrip
    ) : needsAgreeing && gov ? (
      <AgreementsGate communityId={communityId} agreements={gov.agreements} compact={compact} />
    ) : undefined
  /** What the feed and a thread both need to show and act on posts. */
  const posting = { communityId, topic, writable: canAct, colors, onDelete, onFlag, onAskReview }
  const showRemoved = removed !== null && !readingRemoved
  const onConversation = page === 'conversation' && !showRemoved
  return (
    <div className="community-view" onKeyDown={onKeyDown}>
      <header className="community-header">
        <div className="community-title">
          <h1>{community.name}</h1>
          <p className="community-sub">
            <span>{strings.header.members(memberCount)}</span>
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
          {canAct ? (
            <Button onClick={() => dispatch({ type: 'invite' })}>{strings.header.invite}</Button>
          ) : null}
          <Button
            aria-expanded={membersOpen}
            aria-controls={membersOpen ? membersId : undefined}
            onClick={() => dispatch({ type: 'toggle-members' })}
          >
            {strings.header.membersPanel}
          </Button>
          {/* Never held while a switch is under way: the engine takes the last wish, and a press
              that waited on the one before would be lost. */}
          <Button tone="quiet" onClick={() => onSetOnline(!online)}>
            {online ? strings.header.goOffline : strings.header.goOnline}
          </Button>
        </div>
      </header>
      <Banners
        community={community}
        status={status}
        online={online}
        peers={peers}
        memberCount={memberCount}
        removed={removed !== null}
        agreementsChanged={agreementsChanged && page !== 'agreements'}
        onReadAgreements={() => dispatch({ type: 'select-page', page: 'agreements' })}
      />
      {showRemoved ? null : (
        <PageNav
          page={page}
          openProposals={gov?.openProposals ?? 0}
          privateUnread={privateUnread}
          onSelect={(next) => dispatch({ type: 'select-page', page: next })}
        />
      )}
      <div className="community-body">
        <div className="community-stage">
          {/* The conversation stays mounted, laid out and out of reach under the other pages, so coming back keeps your place and your draft. */}
          <div className={`community-main${onConversation ? '' : ' covered'}`} inert={!onConversation}>
            <Topics
              communityId={communityId}
              topics={topics.data ?? [{ name: 'general', postCount: 0 }]}
              current={topic}
              writable={canAct}
              onSelect={(name) => dispatch({ type: 'select-topic', topic: name })}
            />
            <div className="conversation" id={onConversation ? 'content' : undefined} tabIndex={-1}>
              <Feed
                {...posting}
                communityName={community.name}
                covered={threadRoot !== null}
                onOpenThread={openThread}
                defaultMode={gov?.settings.defaultReplyMode}
                gate={gate(false)}
              />
              {threadRoot ? (
                <Thread {...posting} rootId={threadRoot} onBack={closeThread} gate={gate(true)} />
              ) : null}
            </div>
          </div>
          {!showRemoved && page === 'agreements' ? (
            gov ? (
              <AgreementsPage
                communityId={communityId}
                communityName={community.name}
                governance={gov}
                members={members.data ?? []}
                writable={writable}
              />
            ) : (
              <section className="page" id="content" tabIndex={-1}>
                {governance.error?.code === 'syncing' || governance.error?.code === 'not-found' ? (
                  <p className="quiet-note">{strings.agreements.syncing}</p>
                ) : (
                  <>
                    <ErrorText error={governance.error} />
                    <p className="quiet-note" role="status">
                      {strings.agreements.loading}
                    </p>
                  </>
                )}
              </section>
            )
          ) : null}
          {!showRemoved && page === 'reaching' ? (
            <ReachingPage
              community={community}
              members={members.data ?? []}
              conversations={conversations.data}
              conversationsError={conversations.error}
              canAct={canAct}
              conversationWith={conversationWith}
              onOpenConversation={onOpenConversation}
              onResources={showResources}
            />
          ) : null}
          {!showRemoved && page === 'plan' ? (
            <SupportPlanPage communityId={communityId} members={members.data ?? []} canAct={canAct} />
          ) : null}
          {!showRemoved && page === 'log' ? <CommunityLog communityId={communityId} /> : null}
          {showRemoved && removed ? (
            <RemovedNotice
              communityName={community.name}
              reason={removed.reason}
              onRead={() => dispatch({ type: 'read-after-removal' })}
            />
          ) : null}
        </div>
        {membersOpen ? (
          <Members
            id={membersId}
            community={community}
            members={members.data ?? []}
            canAct={canAct}
            onProposeRemoval={onProposeRemoval}
            onWritePrivately={canAct ? writePrivately : undefined}
            onClose={() => dispatch({ type: 'close-members' })}
          />
        ) : null}
      </div>
      {inviting ? (
        <InviteDialog
          communityId={communityId}
          communityName={community.name}
          secondNeeded={gov?.settings.invite === 'second-member'}
          onClose={() => dispatch({ type: 'close-invite' })}
        />
      ) : null}
      {deleting ? (
        <DeleteDialog
          communityId={communityId}
          post={deleting}
          onClose={(deleted) => dispatch({ type: 'close-delete', deleted })}
        />
      ) : null}
      {moderating ? (
        <ModerationDialog
          communityId={communityId}
          request={moderating}
          settings={gov?.settings}
          onClose={() => dispatch({ type: 'close-moderation' })}
        />
      ) : null}
    </div>
  )
}
