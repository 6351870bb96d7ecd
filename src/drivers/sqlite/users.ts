// Users of the SQLite store: accounts, profile changes, people search, friend requests and the guest sweep.
import { AppError } from '../../core/errors.js'
import type { GuestSweep, OutboxRecord, UserChanges, UserRow, UserSearch } from '../../ports/store.js'
import { changedUser } from '../../ports/store.js'
import { normalizeUsername } from '../../contracts/names.js'
import { CONTACT, USER_COLS, USER_INSERT_COLS, userValues, toUser } from '../sql/rows.js'
import { SqliteStoreBase } from './store-base.js'
import { promoteOldestIfNoAdmin } from './invitations.js'
import { CONVERSATION_TABLES, USER_MODERATION_TABLES } from '../sql/moderation.js'
import { unindexConversation } from './search.js'

/** "UNIQUE constraint failed: users.username" → true for that column list */
const violates = (err: unknown, what: string) =>
  (err as { code?: string })?.code?.startsWith('SQLITE_CONSTRAINT') === true && (err as Error).message.includes(what)

export abstract class SqliteUsers extends SqliteStoreBase {
  async insertUsers(users: UserRow[], outbox: OutboxRecord[]): Promise<void> {
    this.tx(() => {
      const insert = this.stmt(`INSERT INTO users (${USER_INSERT_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      for (const u of users) {
        try {
          insert.run(...userValues(u))
        } catch (err) {
          // users.username or users.username_norm
          if (violates(err, 'users.username')) throw new AppError('username_taken', `username ${u.username} is taken`)
          throw err
        }
      }
      this.insertOutbox(outbox)
    })
  }

  async getUser(by: { userId: string } | { username: string }): Promise<UserRow | null> {
    const r =
      'userId' in by
        ? this.one(`SELECT ${USER_COLS} FROM users WHERE user_id = ?`, by.userId)
        : (this.one(`SELECT ${USER_COLS} FROM users WHERE username = ?`, by.username) ??
          this.one(`SELECT ${USER_COLS} FROM users WHERE username_norm = ?`, normalizeUsername(by.username)))
    return r ? toUser(r) : null
  }

  async existingUserIds(userIds: string[]): Promise<Set<string>> {
    const rows = this.stmt('SELECT user_id FROM users WHERE user_id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(userIds))
    return new Set(rows as string[])
  }

  async updateUser(userId: string, changes: UserChanges, outbox: OutboxRecord[]): Promise<UserRow | null> {
    return this.tx(() => {
      const r = this.one(`SELECT ${USER_COLS} FROM users WHERE user_id = ?`, userId)
      if (!r) return null
      const user = changedUser(toUser(r), changes)
      this.run(
        `UPDATE users SET display_name = ?, discoverable = ?, password_hash = ?, username = ?${changes.erase ? ', username_norm = NULL' : ''} WHERE user_id = ?`,
        user.displayName,
        user.discoverable ? 1 : 0,
        user.passwordHash,
        user.username,
        userId,
      )
      this.insertOutbox(outbox)
      return user
    })
  }

  async directPeers(userId: string, limit: number): Promise<string[]> {
    const rows = this.all(
      `SELECT DISTINCT p.user_id FROM members mb
         JOIN conversations c ON c.conversation_id = mb.conversation_id AND c.kind = 'direct'
         JOIN members p ON p.conversation_id = mb.conversation_id AND p.user_id <> mb.user_id
        WHERE mb.user_id = ? ORDER BY p.user_id LIMIT ?`,
      userId,
      limit,
    )
    return rows.map((r) => r.user_id as string)
  }

  async getUsers(userIds: string[]): Promise<UserRow[]> {
    const found: UserRow[] = []
    const ids = [...new Set(userIds)]
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500)
      found.push(
        ...this.all(
          `SELECT ${USER_COLS} FROM users WHERE user_id IN (${chunk.map(() => '?').join(', ')})`,
          ...chunk,
        ).map(toUser),
      )
    }
    return found.sort((a, b) => (a.userId < b.userId ? -1 : 1))
  }

  async searchUsers({ prefix, afterUserId, limit, scope }: UserSearch): Promise<UserRow[]> {
    // a prefix as a range on the indexed lower-cased columns (migration 002)
    const low = prefix.toLowerCase()
    const high = `${low}\uffff`
    const match =
      '((lower(username) >= ? AND lower(username) < ?) OR (lower(display_name) >= ? AND lower(display_name) < ?))'
    if (!scope)
      return this.all(
        `SELECT ${USER_COLS} FROM users WHERE ${match} AND user_id > ? ORDER BY user_id LIMIT ?`,
        low,
        high,
        low,
        high,
        afterUserId,
        limit,
      ).map(toUser)
    // the prefix among contacts (and discoverable users), or the one exact normalized username (its unique index)
    return this.all(
      `SELECT ${USER_COLS} FROM users u
        WHERE u.user_id > ? AND (u.username_norm = ? OR (${match} AND (${scope.discoverable ? 'u.discoverable = 1 OR ' : ''}${CONTACT})))
        ORDER BY u.user_id LIMIT ?`,
      afterUserId,
      scope.exactUsername,
      low,
      high,
      low,
      high,
      scope.contactsOf,
      scope.contactsOf,
      limit,
    ).map(toUser)
  }

  async createFriendRequest(fromUserId: string, toUserId: string, at: number, outbox: OutboxRecord[]): Promise<void> {
    this.tx(() => {
      const exists = this.one(
        `SELECT 1 AS ok FROM friend_requests WHERE (from_user_id = ? AND to_user_id = ?) OR (from_user_id = ? AND to_user_id = ? AND status = 'accepted')`,
        fromUserId,
        toUserId,
        toUserId,
        fromUserId,
      )
      if (exists) throw new AppError('already_exists', `${fromUserId} already asked ${toUserId}, or they are friends`)
      this.run(
        `INSERT INTO friend_requests (from_user_id, to_user_id, status, created_at, updated_at) VALUES (?, ?, 'pending', ?, ?)`,
        fromUserId,
        toUserId,
        at,
        at,
      )
      this.insertOutbox(outbox)
    })
  }

  async acceptFriendRequest(fromUserId: string, toUserId: string, at: number, outbox: OutboxRecord[]): Promise<void> {
    this.tx(() => {
      const res = this.run(
        `UPDATE friend_requests SET status = 'accepted', updated_at = ? WHERE from_user_id = ? AND to_user_id = ? AND status = 'pending'`,
        at,
        fromUserId,
        toUserId,
      )
      if (res.changes === 0)
        throw new AppError('not_found', `no pending friend request from ${fromUserId} to ${toUserId}`)
      this.insertOutbox(outbox)
    })
  }

  async sweepGuests(createdBefore: number, limit: number): Promise<GuestSweep> {
    return this.tx(() => {
      const ids = this.all(
        'SELECT user_id FROM users WHERE guest = 1 AND created_at < ? ORDER BY created_at, user_id LIMIT ?',
        createdBefore,
        limit,
      ).map((r) => String(r.user_id))
      let conversations = 0
      for (const userId of ids) {
        const memberships = this.all(
          'SELECT c.conversation_id, c.kind FROM members m JOIN conversations c ON c.conversation_id = m.conversation_id WHERE m.user_id = ?',
          userId,
        )
        for (const { conversation_id, kind } of memberships) {
          const id = String(conversation_id)
          if (kind === 'group') {
            this.run('DELETE FROM members WHERE conversation_id = ? AND user_id = ?', id, userId)
            this.run('DELETE FROM read_cursors WHERE conversation_id = ? AND user_id = ?', id, userId)
            const left = this.one(
              'UPDATE conversations SET member_count = member_count - 1 WHERE conversation_id = ? RETURNING member_count',
              id,
            )
            if (Number(left?.member_count) > 0) {
              promoteOldestIfNoAdmin(this.db, id) // the last-admin rule; sweeps write no outbox
              continue
            }
          }
          unindexConversation(this.db, id)
          for (const table of CONVERSATION_TABLES) this.run(`DELETE FROM ${table} WHERE conversation_id = ?`, id)
          conversations++
        }
        this.run('DELETE FROM friend_requests WHERE from_user_id = ?', userId)
        this.run('DELETE FROM friend_requests WHERE to_user_id = ?', userId)
        this.run('DELETE FROM group_invitations WHERE invitee_id = ? OR inviter_id = ?', userId, userId)
        this.run('DELETE FROM user_blocks WHERE user_id = ? OR blocked_id = ?', userId, userId)
        for (const table of USER_MODERATION_TABLES) this.run(`DELETE FROM ${table} WHERE user_id = ?`, userId)
        this.run('DELETE FROM users WHERE user_id = ?', userId)
      }
      return { users: ids.length, conversations }
    })
  }
}
