// Users of the MySQL store: accounts, profile changes, people search, friend requests and the guest sweep.
import { AppError } from '../../core/errors.js'
import type { GuestSweep, OutboxRecord, UserChanges, UserRow, UserSearch } from '../../ports/store.js'
import { changedUser } from '../../ports/store.js'
import { normalizeUsername } from '../../contracts/names.js'
import { CONTACT, USER_COLS, USER_INSERT_COLS, userValues, toUser } from '../sql/rows.js'
import { chunks, duplicateKey, limit } from './rows.js'
import { MysqlStoreBase } from './store-base.js'
import type { Result, Rows } from './store-base.js'
import { promoteOldestIfNoAdmin } from './invitations.js'
import { CONVERSATION_TABLES, USER_MODERATION_TABLES } from '../sql/moderation.js'

export abstract class MysqlUsers extends MysqlStoreBase {
  async insertUsers(users: UserRow[], outbox: OutboxRecord[]): Promise<void> {
    await this.tx(async (c) => {
      for (const chunk of chunks(users)) {
        try {
          await c.query(`INSERT INTO users (${USER_INSERT_COLS}) VALUES ?`, [chunk.map(userValues)])
        } catch (err) {
          const key = duplicateKey(err)
          if (key === 'uq_users_username' || key === 'uq_users_username_norm') {
            const name = /Duplicate entry '(.*)' for key/.exec((err as Error).message)?.[1] ?? ''
            throw new AppError('username_taken', `username ${name} is taken`)
          }
          throw err
        }
      }
      await this.insertOutbox(c, outbox)
    })
  }

  async getUser(by: { userId: string } | { username: string }): Promise<UserRow | null> {
    const [rows] =
      'userId' in by
        ? await this.execute<Rows>(`SELECT ${USER_COLS} FROM users WHERE user_id = ?`, [by.userId])
        : // the exact name first: an account the migration left without its normalized form (a collision)
          await this.execute<Rows>(
            `SELECT ${USER_COLS} FROM users WHERE username = ? OR username_norm = ? ORDER BY username = ? DESC LIMIT 1`,
            [by.username, normalizeUsername(by.username), by.username],
          )
    return rows[0] ? toUser(rows[0]) : null
  }

  async existingUserIds(userIds: string[]): Promise<Set<string>> {
    const wanted = new Set(userIds)
    const found = new Set<string>()
    for (const chunk of chunks([...wanted])) {
      const [rows] = await this.query<Rows>('SELECT user_id FROM users WHERE user_id IN (?)', [chunk])
      for (const r of rows) if (wanted.has(r.user_id)) found.add(r.user_id)
    }
    return found
  }

  async directPeers(userId: string, limit: number): Promise<string[]> {
    const [rows] = await this.query<Rows>(
      `SELECT DISTINCT p.user_id FROM members mb
         JOIN conversations c ON c.conversation_id = mb.conversation_id AND c.kind = 'direct'
         JOIN members p ON p.conversation_id = mb.conversation_id AND p.user_id <> mb.user_id
        WHERE mb.user_id = ? ORDER BY p.user_id LIMIT ${Number(limit)}`,
      [userId],
    )
    return rows.map((r) => r.user_id as string)
  }

  async getUsers(userIds: string[]): Promise<UserRow[]> {
    const wanted = new Set(userIds)
    const found: UserRow[] = []
    for (const chunk of chunks([...wanted])) {
      const [rows] = await this.query<Rows>(`SELECT ${USER_COLS} FROM users WHERE user_id IN (?)`, [chunk])
      for (const r of rows) if (wanted.has(r.user_id)) found.push(toUser(r))
    }
    return found.sort((a, b) => (a.userId < b.userId ? -1 : 1))
  }

  async searchUsers({ prefix, afterUserId, limit: max, scope }: UserSearch): Promise<UserRow[]> {
    // the lower-cased columns of migration 004 are indexed; one indexed range per column, merged by user id; with a
    // scope, each keeps the contacts (and the discoverable), and the exact normalized name comes by its unique key
    const like = `${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const within = scope ? ` AND (${scope.discoverable ? 'u.discoverable = 1 OR ' : ''}${CONTACT})` : ''
    const one = (where: string) =>
      `(SELECT ${USER_COLS} FROM users u WHERE ${where} AND u.user_id > ? ORDER BY u.user_id ${limit(max)})`
    const parts = [one(`u.username_lc LIKE ?${within}`), one(`u.display_name_lc LIKE ?${within}`)]
    const params: unknown[] = [like, ...(scope ? [scope.contactsOf, scope.contactsOf] : []), afterUserId]
    const all = [...params, ...params]
    if (scope?.exactUsername) {
      parts.push(one('u.username_norm = ?'))
      all.push(scope.exactUsername, afterUserId)
    }
    const [rows] = await this.query<Rows>(`${parts.join(' UNION ')} ORDER BY user_id ${limit(max)}`, all)
    return rows.map(toUser)
  }

  async updateUser(userId: string, changes: UserChanges, outbox: OutboxRecord[]): Promise<UserRow | null> {
    return this.tx(async (c) => {
      const [rows] = await c.execute<Rows>(`SELECT ${USER_COLS} FROM users WHERE user_id = ? FOR UPDATE`, [userId])
      if (!rows[0]) return null
      const user = changedUser(toUser(rows[0]), changes)
      await c.execute(
        `UPDATE users SET display_name = ?, discoverable = ?, password_hash = ?, username = ?${changes.erase ? ', username_norm = NULL' : ''} WHERE user_id = ?`,
        [user.displayName, user.discoverable ? 1 : 0, user.passwordHash, user.username, userId],
      )
      await this.insertOutbox(c, outbox)
      return user
    })
  }

  async createFriendRequest(fromUserId: string, toUserId: string, at: number, outbox: OutboxRecord[]): Promise<void> {
    const exists = () => new AppError('already_exists', `${fromUserId} already asked ${toUserId}, or they are friends`)
    await this.tx(async (c) => {
      const [rows] = await c.execute<Rows>(
        `SELECT 1 FROM friend_requests WHERE (from_user_id = ? AND to_user_id = ?) OR (from_user_id = ? AND to_user_id = ? AND status = 'accepted')`,
        [fromUserId, toUserId, toUserId, fromUserId],
      )
      if (rows[0]) throw exists()
      try {
        await c.execute(
          'INSERT INTO friend_requests (from_user_id, to_user_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
          [fromUserId, toUserId, 'pending', at, at],
        )
      } catch (err) {
        if (duplicateKey(err) === 'PRIMARY') throw exists()
        throw err
      }
      await this.insertOutbox(c, outbox)
    })
  }

  async acceptFriendRequest(fromUserId: string, toUserId: string, at: number, outbox: OutboxRecord[]): Promise<void> {
    await this.tx(async (c) => {
      const [res] = await c.execute<Result>(
        `UPDATE friend_requests SET status = 'accepted', updated_at = ? WHERE from_user_id = ? AND to_user_id = ? AND status = 'pending'`,
        [at, fromUserId, toUserId],
      )
      if (res.affectedRows === 0)
        throw new AppError('not_found', `no pending friend request from ${fromUserId} to ${toUserId}`)
      await this.insertOutbox(c, outbox)
    })
  }

  /** locks the guests, then their conversations in id order (the order every conversation writer locks one in) */
  async sweepGuests(createdBefore: number, n: number): Promise<GuestSweep> {
    return this.tx(async (c) => {
      const [guests] = await c.execute<Rows>(
        `SELECT user_id FROM users WHERE guest = 1 AND created_at < ? ORDER BY created_at, user_id ${limit(n)} FOR UPDATE`,
        [createdBefore],
      )
      const ids = guests.map((r) => r.user_id as string)
      if (!ids.length) return { users: 0, conversations: 0 }
      const leaving = new Map<string, string[]>()
      for (const chunk of chunks(ids)) {
        const [rows] = await c.query<Rows>('SELECT conversation_id, user_id FROM members WHERE user_id IN (?)', [chunk])
        for (const r of rows) leaving.set(r.conversation_id, [...(leaving.get(r.conversation_id) ?? []), r.user_id])
      }
      const drop: string[] = []
      for (const chunk of chunks([...leaving.keys()].sort())) {
        const [convs] = await c.query<Rows>(
          'SELECT conversation_id, kind, member_count FROM conversations WHERE conversation_id IN (?) ORDER BY conversation_id FOR UPDATE',
          [chunk],
        )
        for (const conv of convs) {
          const id = conv.conversation_id as string
          const users = leaving.get(id)!
          if (conv.kind === 'direct' || Number(conv.member_count) <= users.length) {
            drop.push(id)
            continue
          }
          await c.query('DELETE FROM members WHERE conversation_id = ? AND user_id IN (?)', [id, users])
          await c.query('DELETE FROM read_cursors WHERE conversation_id = ? AND user_id IN (?)', [id, users])
          await c.execute('UPDATE conversations SET member_count = member_count - ? WHERE conversation_id = ?', [
            users.length,
            id,
          ])
          await promoteOldestIfNoAdmin(c, id) // the last-admin rule; sweeps write no outbox
        }
      }
      for (const chunk of chunks(drop))
        for (const table of [...CONVERSATION_TABLES, 'message_search'])
          await c.query(`DELETE FROM ${table} WHERE conversation_id IN (?)`, [chunk])
      for (const chunk of chunks(ids)) {
        await c.query('DELETE FROM friend_requests WHERE from_user_id IN (?)', [chunk])
        await c.query('DELETE FROM friend_requests WHERE to_user_id IN (?)', [chunk])
        await c.query('DELETE FROM group_invitations WHERE invitee_id IN (?) OR inviter_id IN (?)', [chunk, chunk])
        await c.query('DELETE FROM user_blocks WHERE user_id IN (?) OR blocked_id IN (?)', [chunk, chunk])
        for (const table of USER_MODERATION_TABLES) await c.query(`DELETE FROM ${table} WHERE user_id IN (?)`, [chunk])
        await c.query('DELETE FROM users WHERE user_id IN (?)', [chunk])
      }
      return { users: ids.length, conversations: drop.length }
    })
  }
}
