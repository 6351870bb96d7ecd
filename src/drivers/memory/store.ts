// The in-memory store (`gochat up`, unit tests): the MySQL driver's behaviour for one process. Every mutation
// validates everything before it changes anything, which is how it stays all-or-nothing like a transaction.
// Nothing awaits inside a mutation, so each runs alone, as under MySQL's row lock: storeMessage's MAX(seq) + 1 is
// exact.
//
// The class is composed of one file per concern, each extending the one before it:
// store-base (the maps and the helpers that keep their indexes in step) → users → conversations → messages
// → revocations → outbox.
import type { Store } from '../../ports/store.js'
import { MemoryAttachments } from './attachments.js'
import { MemoryInvitations } from './invitations.js'
import { MemoryModeration } from './moderation.js'
import { MemoryOutbox } from './outbox.js'
import { MemoryRetention } from './retention.js'

export class MemoryStore extends MemoryOutbox implements Store {
  readonly attachments = new MemoryAttachments({
    // a scan: downloads are asked for far less often than messages are sent, and memory holds small histories
    messagesWith: (attachmentId) =>
      [...this.messageById.values()].filter((m) => m.attachment?.attachmentId === attachmentId),
    isMember: (id, userId) => this.members.get(id)?.byUser.has(userId) === true,
  })
  readonly invitations = new MemoryInvitations({
    conversation: (id) => this.conversations.get(id),
    isMember: (id, userId) => this.members.get(id)?.byUser.has(userId) === true,
    conversationsOf: (userId) => this.conversationsOfUser.get(userId) ?? [],
    addMember: (m) => this.putMembers(m.conversationId, [m]),
    append: (outbox) => this.append(outbox),
  })
  readonly retention = new MemoryRetention({
    conversationIds: () => this.conversations.keys(),
    hasConversation: (id) => this.conversations.has(id),
    records: (id) => this.messages.get(id)?.sorted ?? [],
    append: (outbox) => this.append(outbox),
    allRecords: () => this.messageById.values(),
    carries: (attachmentId) => [...this.messageById.values()].some((m) => m.attachment?.attachmentId === attachmentId),
  })

  readonly moderation = new MemoryModeration({
    conversation: (id) => this.conversations.get(id),
    isMember: (id, userId) => this.members.get(id)?.byUser.has(userId) === true,
    expel: (id, userId) => {
      if (this.members.get(id)?.byUser.has(userId)) this.dropMember(id, userId)
      this.invitations.drop(id, userId)
    },
    append: (outbox) => this.append(outbox),
  })

  protected override forgetInvitations(userId: string): void {
    this.invitations.forget(userId)
    this.moderation.forget(userId)
  }
}
