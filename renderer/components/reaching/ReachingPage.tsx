// Reaching out in one community: that Mutual is peers and not a crisis
// service, "I'd like to talk" and the reach-outs, your private conversations
// (or one of them, open), and how you are here.
import type { ConversationSummary } from '../../../core/domain/reaching.js'
import type { CommunitySummary, Member } from '../../../core/domain/types.js'
import type { RpcError } from '../../../core/rpc/client.js'
import { strings } from '../../strings/index.js'
import { Page } from '../Page.js'
import { AvailabilityForm } from './AvailabilityForm.js'
import { ConversationList } from './ConversationList.js'
import { ConversationView } from './ConversationView.js'
import { NotCrisis } from './NotCrisis.js'
import { ReachOuts } from './ReachOuts.js'

export function ReachingPage({
  community,
  members,
  conversations,
  conversationsError,
  canAct,
  conversationWith,
  onOpenConversation,
  onResources
}: {
  community: CommunitySummary
  members: readonly Member[]
  conversations: readonly ConversationSummary[] | undefined
  conversationsError: RpcError | null
  canAct: boolean
  /** The member whose conversation is open, or null for the overview. */
  conversationWith: string | null
  onOpenConversation: (memberId: string | null) => void
  onResources: () => void
}) {
  const s = strings.reaching
  if (conversationWith)
    return (
      <ConversationView
        key={conversationWith}
        communityId={community.id}
        memberId={conversationWith}
        members={members}
        canAct={canAct}
        onBack={() => onOpenConversation(null)}
      />
    )
  return (
    <Page className="reaching-page" title={s.title}>
      <NotCrisis onResources={onResources} />
      <ReachOuts
        communityId={community.id}
        members={members}
        canAct={canAct}
        onOpenConversation={onOpenConversation}
        onResources={onResources}
      />
      <ConversationList
        conversations={conversations}
        error={conversationsError}
        onOpen={onOpenConversation}
      />
      <AvailabilityForm communityId={community.id} canAct={canAct} />
    </Page>
  )
}
