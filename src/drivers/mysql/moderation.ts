// Moderation in MySQL/MariaDB (src/ports/moderation.ts). A ban takes the group's row lock first, as the store's
// member writers do, so it is serialized with adds, invitations and accepts of the same group.
import type mysql from 'mysql2/promise'
import { AppError } from '../../core/errors.js'
import type { BanRow, BlockRow, ModerationStore } from '../../ports/moderation.js'
import type { OutboxRecord } from '../../ports/store.js'
import { blockedAmong, LIST_BANS, LIST_BLOCKS, toBan, toBlock } from '../sql/moderation.js'
import type { MysqlAccess } from './invitations.js'
import { chunks, limit } from './rows.js'

type Rows = mysql.RowDataPacket[]
type Result = mysql.ResultSetHeader

export class MysqlModeration implements ModerationStore {
  constructor(private readonly s: MysqlAccess) {}

  private async changed(sql: string, params: unknown[]): Promise<boolean> {
    const [res] = await this.s.query<Result>(sql, params)
    return res.affectedRows > 0
  }

  /** ids of `ids` that `sql` (`?` the chunk) returns, chunk by chunk */
  private async among(ids: string[], sql: string, params: (chunk: string[]) => unknown[]): Promise<Set<string>> {
    const found = new Set<string>()
    for (const chunk of chunks(ids)) {
      const [rows] = await this.s.query<Rows>(sql, params(chunk))
      for (const r of rows) found.add(Object.values(r)[0] as string)
    }
    return found
  }

  block(row: BlockRow): Promise<boolean> {
    return this.changed('INSERT IGNORE INTO user_blocks (user_id, blocked_id, created_at) VALUES (?, ?, ?)', [
      row.userId,
      row.blockedId,
      row.createdAt,
    ])
  }

  unblock(userId: string, blockedId: string): Promise<boolean> {
    return this.changed('DELETE FROM user_blocks WHERE user_id = ? AND blocked_id = ?', [userId, blockedId])
  }

  async listBlocks(userId: string, n: number): Promise<BlockRow[]> {
    const [rows] = await this.s.query<Rows>(`${LIST_BLOCKS} ${limit(n)}`, [userId])
    return rows.map(toBlock)
  }

  blockedAmong(userId: string, candidates: string[]): Promise<Set<string>> {
    return this.among(candidates, blockedAmong('?'), (chunk) => [userId, chunk, userId, chunk])
  }

  setConversationMuted(userId: string, conversationId: string, muted: boolean): Promise<boolean> {
    const sql = muted
      ? 'INSERT IGNORE INTO conversation_mutes (user_id, conversation_id) VALUES (?, ?)'
      : 'DELETE FROM conversation_mutes WHERE user_id = ? AND conversation_id = ?'
    return this.changed(sql, [userId, conversationId])
  }

  async mutedConversations(userId: string): Promise<Set<string>> {
    const [rows] = await this.s.query<Rows>('SELECT conversation_id FROM conversation_mutes WHERE user_id = ?', [
      userId,
    ])
    return new Set(rows.map((r) => r.conversation_id as string))
  }

  mutedAmong(conversationId: string, userIds: string[]): Promise<Set<string>> {
    return this.among(
      userIds,
      'SELECT user_id FROM conversation_mutes WHERE conversation_id = ? AND user_id IN (?)',
      (chunk) => [conversationId, chunk],
    )
  }

  muteMember(conversationId: string, userId: string, until: number, outbox: OutboxRecord[]) {
    return this.s.tx(async (c) => {
      const [member] = await c.execute<Rows>('SELECT 1 FROM members WHERE conversation_id = ? AND user_id = ?', [
        conversationId,
        userId,
      ])
      if (member.length === 0) return false
      await c.execute(
        'INSERT INTO member_mutes (conversation_id, user_id, until) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE until = VALUES(until)',
        [conversationId, userId, until],
      )
      await this.s.insertOutbox(c, outbox)
      return true
    })
  }

  unmuteMember(conversationId: string, userId: string, outbox: OutboxRecord[]) {
    return this.s.tx(async (c) => {
      const [res] = await c.execute<Result>('DELETE FROM member_mutes WHERE conversation_id = ? AND user_id = ?', [
        conversationId,
        userId,
      ])
      if (res.affectedRows === 0) return false
      await this.s.insertOutbox(c, outbox)
      return true
    })
  }

  async memberMutedUntil(conversationId: string, userId: string): Promise<number> {
    const [rows] = await this.s.query<Rows>(
      'SELECT until FROM member_mutes WHERE conversation_id = ? AND user_id = ?',
      [conversationId, userId],
    )
    return rows[0] ? Number(rows[0].until) : 0
  }

  ban(row: BanRow, outbox: OutboxRecord[]): Promise<boolean> {
    const { conversationId: g, userId: u } = row
    return this.s.tx(async (c) => {
      const [locked] = await c.execute<Rows>('SELECT 1 FROM conversations WHERE conversation_id = ? FOR UPDATE', [g])
      if (locked.length === 0) throw new AppError('not_found', `conversation ${g} not found`)
      const [added] = await c.execute<Result>(
        'INSERT IGNORE INTO group_bans (conversation_id, user_id, banned_by, created_at) VALUES (?, ?, ?, ?)',
        [g, u, row.bannedBy, row.createdAt],
      )
      if (added.affectedRows === 0) return false
      const [gone] = await c.execute<Result>('DELETE FROM members WHERE conversation_id = ? AND user_id = ?', [g, u])
      if (gone.affectedRows > 0)
        await c.execute('UPDATE conversations SET member_count = member_count - 1 WHERE conversation_id = ?', [g])
      await c.execute('DELETE FROM group_invitations WHERE conversation_id = ? AND invitee_id = ?', [g, u])
      await c.execute('DELETE FROM member_mutes WHERE conversation_id = ? AND user_id = ?', [g, u])
      await this.s.insertOutbox(c, outbox)
      return true
    })
  }

  unban(conversationId: string, userId: string, outbox: OutboxRecord[]) {
    return this.s.tx(async (c) => {
      const [res] = await c.execute<Result>('DELETE FROM group_bans WHERE conversation_id = ? AND user_id = ?', [
        conversationId,
        userId,
      ])
      if (res.affectedRows === 0) return false
      await this.s.insertOutbox(c, outbox)
      return true
    })
  }

  bannedAmong(conversationId: string, userIds: string[]): Promise<Set<string>> {
    return this.among(
      userIds,
      'SELECT user_id FROM group_bans WHERE conversation_id = ? AND user_id IN (?)',
      (chunk) => [conversationId, chunk],
    )
  }

  async listBans(conversationId: string, n: number): Promise<BanRow[]> {
    const [rows] = await this.s.query<Rows>(`${LIST_BANS} ${limit(n)}`, [conversationId])
    return rows.map(toBan)
  }
}
