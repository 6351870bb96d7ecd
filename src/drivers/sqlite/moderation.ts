// Moderation in SQLite (src/ports/moderation.ts). better-sqlite3 is synchronous: each mutation is one transaction
// function, so nothing else of this process runs between its reads and writes.
import { AppError } from '../../core/errors.js'
import type { BanRow, BlockRow, ModerationStore } from '../../ports/moderation.js'
import type { OutboxRecord } from '../../ports/store.js'
import { CHUNK } from '../sql/invitations.js'
import { blockedAmong, LIST_BANS, LIST_BLOCKS, toBan, toBlock } from '../sql/moderation.js'
import type { Row } from '../sql/rows.js'
import type { SqliteTx } from './invitations.js'

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')

export class SqliteModeration implements ModerationStore {
  constructor(private readonly s: SqliteTx) {}

  private run(sql: string, ...params: unknown[]): number {
    return this.s.db.prepare(sql).run(...params).changes
  }

  /** ids of `ids` that `sql` (with `?…` for a chunk after `before`) returns, chunk by chunk */
  private among(ids: string[], sql: (p: string) => string, params: (chunk: string[]) => unknown[]): Set<string> {
    const found = new Set<string>()
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK)
      for (const id of this.s.db
        .prepare(sql(marks(chunk.length)))
        .pluck()
        .all(...params(chunk)) as string[])
        found.add(id)
    }
    return found
  }

  async block(row: BlockRow): Promise<boolean> {
    return (
      this.run(
        'INSERT INTO user_blocks (user_id, blocked_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        row.userId,
        row.blockedId,
        row.createdAt,
      ) > 0
    )
  }

  async unblock(userId: string, blockedId: string): Promise<boolean> {
    return this.run('DELETE FROM user_blocks WHERE user_id = ? AND blocked_id = ?', userId, blockedId) > 0
  }

  async listBlocks(userId: string, limit: number): Promise<BlockRow[]> {
    return (this.s.db.prepare(`${LIST_BLOCKS} LIMIT ?`).all(userId, limit) as Row[]).map(toBlock)
  }

  async blockedAmong(userId: string, candidates: string[]): Promise<Set<string>> {
    return this.among(candidates, blockedAmong, (chunk) => [userId, ...chunk, userId, ...chunk])
  }

  async setConversationMuted(userId: string, conversationId: string, muted: boolean): Promise<boolean> {
    const sql = muted
      ? 'INSERT INTO conversation_mutes (user_id, conversation_id) VALUES (?, ?) ON CONFLICT DO NOTHING'
      : 'DELETE FROM conversation_mutes WHERE user_id = ? AND conversation_id = ?'
    return this.run(sql, userId, conversationId) > 0
  }

  async mutedConversations(userId: string): Promise<Set<string>> {
    const ids = this.s.db
      .prepare('SELECT conversation_id FROM conversation_mutes WHERE user_id = ?')
      .pluck()
      .all(userId)
    return new Set(ids as string[])
  }

  async mutedAmong(conversationId: string, userIds: string[]): Promise<Set<string>> {
    return this.among(
      userIds,
      (p) => `SELECT user_id FROM conversation_mutes WHERE conversation_id = ? AND user_id IN (${p})`,
      (chunk) => [conversationId, ...chunk],
    )
  }

  async muteMember(conversationId: string, userId: string, until: number, outbox: OutboxRecord[]) {
    return this.s.tx(() => {
      if (
        !this.s.db
          .prepare('SELECT 1 FROM members WHERE conversation_id = ? AND user_id = ?')
          .get(conversationId, userId)
      )
        return false
      this.run(
        'INSERT INTO member_mutes (conversation_id, user_id, until) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET until = excluded.until',
        conversationId,
        userId,
        until,
      )
      this.s.insertOutbox(outbox)
      return true
    })
  }

  async unmuteMember(conversationId: string, userId: string, outbox: OutboxRecord[]) {
    return this.s.tx(() => {
      if (!this.run('DELETE FROM member_mutes WHERE conversation_id = ? AND user_id = ?', conversationId, userId))
        return false
      this.s.insertOutbox(outbox)
      return true
    })
  }

  async memberMutedUntil(conversationId: string, userId: string): Promise<number> {
    const until = this.s.db
      .prepare('SELECT until FROM member_mutes WHERE conversation_id = ? AND user_id = ?')
      .pluck()
      .get(conversationId, userId)
    return until === undefined ? 0 : Number(until)
  }

  async ban(row: BanRow, outbox: OutboxRecord[]): Promise<boolean> {
    const { conversationId: c, userId: u } = row
    return this.s.tx(() => {
      if (!this.s.db.prepare('SELECT 1 FROM conversations WHERE conversation_id = ?').get(c))
        throw new AppError('not_found', `conversation ${c} not found`)
      const added = this.run(
        'INSERT INTO group_bans (conversation_id, user_id, banned_by, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
        c,
        u,
        row.bannedBy,
        row.createdAt,
      )
      if (!added) return false
      if (this.run('DELETE FROM members WHERE conversation_id = ? AND user_id = ?', c, u))
        this.run('UPDATE conversations SET member_count = member_count - 1 WHERE conversation_id = ?', c)
      this.run('DELETE FROM group_invitations WHERE conversation_id = ? AND invitee_id = ?', c, u)
      this.run('DELETE FROM member_mutes WHERE conversation_id = ? AND user_id = ?', c, u)
      this.s.insertOutbox(outbox)
      return true
    })
  }

  async unban(conversationId: string, userId: string, outbox: OutboxRecord[]): Promise<boolean> {
    return this.s.tx(() => {
      if (!this.run('DELETE FROM group_bans WHERE conversation_id = ? AND user_id = ?', conversationId, userId))
        return false
      this.s.insertOutbox(outbox)
      return true
    })
  }

  async bannedAmong(conversationId: string, userIds: string[]): Promise<Set<string>> {
    return this.among(
      userIds,
      (p) => `SELECT user_id FROM group_bans WHERE conversation_id = ? AND user_id IN (${p})`,
      (chunk) => [conversationId, ...chunk],
    )
  }

  async listBans(conversationId: string, limit: number): Promise<BanRow[]> {
    return (this.s.db.prepare(`${LIST_BANS} LIMIT ?`).all(conversationId, limit) as Row[]).map(toBan)
  }
}
