// RepoService over the store and cache ports: every method of proto/gochat/repo/v1/repo.proto.
//
// Events that come with a mutation go to the outbox in the mutation's transaction, and only when the mutation
// changed something (members added, a read cursor moved, …); the relay is woken after each such commit.
//
// The handlers are split by concern (users, conversations, members, invitations, moderation, attachments, messages,
// search, friends, presence, events, revocations, retention); this
// composes them into the one API the runtime serves.
import type { RepoApi } from '../../src/rpc/api.js'
import { attachmentHandlers } from './attachments.js'
import { conversationHandlers } from './conversations.js'
import type { RepoServiceDeps } from './deps.js'
import { eventHandlers } from './events.js'
import { friendHandlers } from './friends.js'
import { invitationHandlers } from './invitations.js'
import { memberHandlers } from './members.js'
import { messageHandlers } from './messages.js'
import { moderationHandlers } from './moderation.js'
import { presenceHandlers } from './presence.js'
import { retentionHandlers } from './retention.js'
import { revocationHandlers } from './revocations.js'
import { searchHandlers } from './search.js'
import { userHandlers } from './users.js'

export type { RepoServiceDeps } from './deps.js'
export { directConversationId } from './conversations.js'
export { SEQ_RESERVE_BLOCK } from './messages.js'

export function createRepoService(deps: RepoServiceDeps): RepoApi {
  const { reload: _, ...revocations } = revocationHandlers(deps)
  return {
    ...userHandlers(deps),
    ...conversationHandlers(deps),
    ...memberHandlers(deps),
    ...invitationHandlers(deps),
    ...moderationHandlers(deps),
    ...attachmentHandlers(deps),
    ...messageHandlers(deps),
    ...searchHandlers(deps),
    ...friendHandlers(deps),
    ...presenceHandlers(deps),
    ...eventHandlers(deps),
    ...revocations,
    ...retentionHandlers(deps),
  }
}
