// Conversations and their members in the SQLite store.
import { AppError } from '../../core/errors.js'
import type { ConversationWithSeq, Member, NewConversation, OutboxRecord, UserConversation } from '../../ports/store.js'
import {
  CONV_COLS,
  LAST_SEQ,
  MEMBER_COLS,
  USER_CONVERSATIONS,
  toConversationWithSeq,
  toMember,
  toUserConversation,
} from '../sql/rows.js'
import { SqliteUsers } from './users.js'
import { keepAnAdmin } from './invitations.js'

export abstract class SqliteConversations extends SqliteUsers {
  async createConversation(conversation: NewConversation, members: Member[], outbox: OutboxRecord[]): Promise<boolean> {
    const unique = [...new Map(members.map((m) => [m.userId, m])).values()]
    const cv = conversation
    return this.tx(() => {
      const created = this.run(
        `INSERT INTO conversations (${CONV_COLS}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        cv.conversationId,
        cv.kind,
        cv.name,
        cv.announcement,
        unique.length,
        cv.createdAt,
      )
      if (created.changes === 0) return false
      this.insertMembers(cv.conversationId, unique)
      this.insertOutbox(outbox)
      return true
    })
  }

  async getConversation(conversationId: string): Promise<ConversationWithSeq | null> {
    const r = this.one(
      `SELECT ${CONV_COLS}, ${LAST_SEQ} FROM conversations c WHERE conversation_id = ?`,
      conversationId,
    )
    return r ? toConversationWithSeq(r) : null
  }

  async setAnnouncement(
    conversationId: string,
    text: string,
    outbox: OutboxRecord[],
  ): Promise<ConversationWithSeq | null> {
    const found = this.tx(() => {
      const r = this.one('SELECT announcement FROM conversations WHERE conversation_id = ?', conversationId)
      if (!r) return false
      if (r.announcement === text) return true // unchanged: no outbox, nobody is told
      this.run('UPDATE conversations SET announcement = ? WHERE conversation_id = ?', text, conversationId)
      this.insertOutbox(outbox)
      return true
    })
    return found ? this.getConversation(conversationId) : null
  }

  async addMembers(
    conversationId: string,
    members: Member[],
    outboxFor: (added: string[]) => OutboxRecord[],
  ): Promise<string[]> {
    return this.tx(() => {
      if (!this.one('SELECT 1 AS ok FROM conversations WHERE conversation_id = ?', conversationId)) {
        throw new AppError('not_found', `conversation ${conversationId} not found`)
      }
      const isMember = this.stmt('SELECT 1 FROM members WHERE conversation_id = ? AND user_id = ?').pluck()
      const seen = new Set<string>()
      const fresh = members.filter(
        (m) => !seen.has(m.userId) && seen.add(m.userId) && !isMember.get(conversationId, m.userId),
      )
      if (fresh.length === 0) return []
      const added = fresh.map((m) => m.userId)
      const outbox = outboxFor(added)
      this.insertMembers(conversationId, fresh)
      this.run(
        'UPDATE conversations SET member_count = member_count + ? WHERE conversation_id = ?',
        fresh.length,
        conversationId,
      )
      this.insertOutbox(outbox)
      return added
    })
  }

  async removeMember(conversationId: string, userId: string, outbox: OutboxRecord[], promote?: string) {
    return this.tx(() => {
      const gone = this.one(
        'DELETE FROM members WHERE conversation_id = ? AND user_id = ? RETURNING role',
        conversationId,
        userId,
      )
      if (!gone) return false
      keepAnAdmin(this.db, conversationId, gone.role as Member['role'], promote)
      this.run('UPDATE conversations SET member_count = member_count - 1 WHERE conversation_id = ?', conversationId)
      this.insertOutbox(outbox)
      return true
    })
  }

  async getMember(conversationId: string, userId: string): Promise<Member | null> {
    const r = this.one(
      `SELECT ${MEMBER_COLS} FROM members WHERE conversation_id = ? AND user_id = ?`,
      conversationId,
      userId,
    )
    return r ? toMember(r) : null
  }

  async listMembers(conversationId: string, afterUserId: string, limit: number): Promise<Member[]> {
    return this.all(
      `SELECT ${MEMBER_COLS} FROM members WHERE conversation_id = ? AND user_id > ? ORDER BY user_id LIMIT ?`,
      conversationId,
      afterUserId,
      limit,
    ).map(toMember)
  }

  async listUserConversations(userId: string): Promise<UserConversation[]> {
    return this.all(USER_CONVERSATIONS, userId).map(toUserConversation)
  }
}
