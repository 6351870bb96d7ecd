// Conversations and their members in the in-memory store.
import { AppError } from '../../core/errors.js'
import {
  checkOutbox,
  type ConversationWithSeq,
  type Member,
  type NewConversation,
  type OutboxRecord,
  type UserConversation,
} from '../../ports/store.js'
import { MemoryUsers } from './users.js'
import { pair, upperBound } from './store-base.js'
import { noAdminLeft, promotionAfterRemoval } from '../../ports/last-admin.js'

export abstract class MemoryConversations extends MemoryUsers {
  async createConversation(conversation: NewConversation, members: Member[], outbox: OutboxRecord[]): Promise<boolean> {
    if (this.conversations.has(conversation.conversationId)) return false
    checkOutbox(outbox)
    this.conversations.set(conversation.conversationId, { ...conversation, memberCount: 0 })
    this.members.set(conversation.conversationId, { byUser: new Map(), sorted: [] })
    this.putMembers(conversation.conversationId, members)
    this.append(outbox)
    return true
  }

  async getConversation(conversationId: string): Promise<ConversationWithSeq | null> {
    const c = this.conversations.get(conversationId)
    return c ? this.withSeq(c) : null
  }

  async setAnnouncement(
    conversationId: string,
    text: string,
    outbox: OutboxRecord[],
  ): Promise<ConversationWithSeq | null> {
    const c = this.conversations.get(conversationId)
    if (!c) return null
    if (c.announcement === text) return this.withSeq(c) // unchanged: no outbox, nobody is told
    checkOutbox(outbox)
    c.announcement = text
    this.append(outbox)
    return this.withSeq(c)
  }

  async addMembers(
    conversationId: string,
    members: Member[],
    outboxFor: (added: string[]) => OutboxRecord[],
  ): Promise<string[]> {
    const group = this.members.get(conversationId)
    if (!group) throw new AppError('not_found', `conversation ${conversationId} not found`)
    const seen = new Set<string>()
    const fresh = members.filter((m) => !group.byUser.has(m.userId) && !seen.has(m.userId) && seen.add(m.userId))
    if (fresh.length === 0) return []
    const outbox = outboxFor(fresh.map((m) => m.userId))
    checkOutbox(outbox)
    this.putMembers(conversationId, fresh)
    this.append(outbox)
    return fresh.map((m) => m.userId)
  }

  async removeMember(conversationId: string, userId: string, outbox: OutboxRecord[], promote?: string) {
    const group = this.members.get(conversationId)
    const removed = group?.byUser.get(userId)
    if (!group || !removed) return false
    const left = [...group.byUser.values()].filter((m) => m.userId !== userId)
    const promoted = promotionAfterRemoval({
      removedRole: removed.role,
      adminsLeft: left.filter((m) => m.role === 'admin').length,
      membersLeft: left.length,
      promote,
    })
    if (promoted !== null && (promoted === userId || !group.byUser.has(promoted))) throw noAdminLeft()
    checkOutbox(outbox)
    this.dropMember(conversationId, userId)
    if (promoted !== null) group.byUser.get(promoted)!.role = 'admin'
    this.append(outbox)
    return true
  }

  async getMember(conversationId: string, userId: string): Promise<Member | null> {
    const m = this.members.get(conversationId)?.byUser.get(userId)
    return m ? { ...m } : null
  }

  async listMembers(conversationId: string, afterUserId: string, limit: number): Promise<Member[]> {
    const group = this.members.get(conversationId)
    if (!group) return []
    const from = upperBound(group.sorted, afterUserId, (u) => u)
    return group.sorted.slice(from, from + limit).map((u) => ({ ...group.byUser.get(u)! }))
  }

  async listUserConversations(userId: string): Promise<UserConversation[]> {
    return [...(this.conversationsOfUser.get(userId) ?? [])].sort().map((id) => {
      const conversation = this.withSeq(this.conversations.get(id)!)
      const byUser = this.members.get(id)!.byUser
      const peerId = conversation.kind === 'direct' ? [...byUser.keys()].find((u) => u !== userId) : undefined
      return {
        conversation,
        readSeq: this.readCursors.get(pair(id, userId)) ?? 0,
        role: byUser.get(userId)!.role,
        ...(peerId ? { peer: { userId: peerId, readSeq: this.readCursors.get(pair(id, peerId)) ?? 0 } } : {}),
      }
    })
  }
}
