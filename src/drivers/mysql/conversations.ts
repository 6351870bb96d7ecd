// Conversations and their members in the MySQL store. Member writers take the conversation row lock first.
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
import { chunks, duplicateKey, limit } from './rows.js'
import { MysqlUsers } from './users.js'
import type { Result, Rows } from './store-base.js'
import { keepAnAdmin } from './invitations.js'

export abstract class MysqlConversations extends MysqlUsers {
  async createConversation(conversation: NewConversation, members: Member[], outbox: OutboxRecord[]): Promise<boolean> {
    const unique = [...new Map(members.map((m) => [m.userId, m])).values()]
    return this.tx(async (c) => {
      const cv = conversation
      try {
        await c.execute(`INSERT INTO conversations (${CONV_COLS}) VALUES (?, ?, ?, ?, ?, ?)`, [
          cv.conversationId,
          cv.kind,
          cv.name,
          cv.announcement,
          unique.length,
          cv.createdAt,
        ])
      } catch (err) {
        if (duplicateKey(err) === 'PRIMARY') return false
        throw err
      }
      await this.insertMembers(c, cv.conversationId, unique)
      await this.insertOutbox(c, outbox)
      return true
    })
  }

  async getConversation(conversationId: string): Promise<ConversationWithSeq | null> {
    const [rows] = await this.execute<Rows>(
      `SELECT ${CONV_COLS}, ${LAST_SEQ} FROM conversations c WHERE conversation_id = ?`,
      [conversationId],
    )
    return rows[0] ? toConversationWithSeq(rows[0]) : null
  }

  async setAnnouncement(
    conversationId: string,
    text: string,
    outbox: OutboxRecord[],
  ): Promise<ConversationWithSeq | null> {
    const found = await this.tx(async (c) => {
      const [rows] = await c.execute<Rows>(
        'SELECT announcement FROM conversations WHERE conversation_id = ? FOR UPDATE',
        [conversationId],
      )
      if (!rows[0]) return false
      // compared here, not in SQL, where the collation would call 'Rules' and 'rules ' the same text
      if ((rows[0].announcement ?? '') === text) return true
      await c.execute<Result>('UPDATE conversations SET announcement = ? WHERE conversation_id = ?', [
        text,
        conversationId,
      ])
      await this.insertOutbox(c, outbox)
      return true
    })
    return found ? this.getConversation(conversationId) : null
  }

  async addMembers(
    conversationId: string,
    members: Member[],
    outboxFor: (added: string[]) => OutboxRecord[],
  ): Promise<string[]> {
    return this.tx(async (c) => {
      await this.lockConversation(c, conversationId)
      const existing = new Set<string>()
      for (const chunk of chunks(members)) {
        const [rows] = await c.query<Rows>('SELECT user_id FROM members WHERE conversation_id = ? AND user_id IN (?)', [
          conversationId,
          chunk.map((m) => m.userId),
        ])
        for (const r of rows) existing.add(r.user_id)
      }
      const fresh: Member[] = []
      for (const m of members) {
        if (existing.has(m.userId)) continue
        existing.add(m.userId)
        fresh.push(m)
      }
      if (fresh.length === 0) return []
      await this.insertMembers(c, conversationId, fresh)
      await c.execute('UPDATE conversations SET member_count = member_count + ? WHERE conversation_id = ?', [
        fresh.length,
        conversationId,
      ])
      const added = fresh.map((m) => m.userId)
      await this.insertOutbox(c, outboxFor(added))
      return added
    })
  }

  async removeMember(conversationId: string, userId: string, outbox: OutboxRecord[], promote?: string) {
    return this.tx(async (c) => {
      const [conv] = await c.execute<Rows>('SELECT 1 FROM conversations WHERE conversation_id = ? FOR UPDATE', [
        conversationId,
      ])
      if (!conv[0]) return false
      const [[member]] = await c.execute<Rows>('SELECT role FROM members WHERE conversation_id = ? AND user_id = ?', [
        conversationId,
        userId,
      ])
      const [res] = await c.execute<Result>('DELETE FROM members WHERE conversation_id = ? AND user_id = ?', [
        conversationId,
        userId,
      ])
      if (res.affectedRows === 0) return false
      await keepAnAdmin(c, conversationId, member!.role, promote)
      await c.execute('UPDATE conversations SET member_count = member_count - 1 WHERE conversation_id = ?', [
        conversationId,
      ])
      await this.insertOutbox(c, outbox)
      return true
    })
  }

  async getMember(conversationId: string, userId: string): Promise<Member | null> {
    const [rows] = await this.execute<Rows>(
      `SELECT ${MEMBER_COLS} FROM members WHERE conversation_id = ? AND user_id = ?`,
      [conversationId, userId],
    )
    return rows[0] ? toMember(rows[0]) : null
  }

  async listMembers(conversationId: string, afterUserId: string, n: number): Promise<Member[]> {
    const [rows] = await this.execute<Rows>(
      `SELECT ${MEMBER_COLS} FROM members WHERE conversation_id = ? AND user_id > ? ORDER BY user_id ${limit(n)}`,
      [conversationId, afterUserId],
    )
    return rows.map(toMember)
  }

  async listUserConversations(userId: string): Promise<UserConversation[]> {
    const [rows] = await this.execute<Rows>(USER_CONVERSATIONS, [userId])
    return rows.map(toUserConversation)
  }
}
