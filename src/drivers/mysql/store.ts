// The MySQL/MariaDB store (mysql2/promise). Prepared statements for fixed-shape statements, client-escaped
// multi-row statements for bulk inserts and IN lists. Sessions run READ COMMITTED in strict SQL mode: every
// read inside a transaction sees the latest commits (what the seq re-seed needs) and nothing is silently
// truncated.
//
// Writers of one conversation's messages or members take the conversation row lock (SELECT … FOR UPDATE)
// first. That serializes them per conversation, so seqs are allocated and committed in the same order and
// outbox ids of one conversation grow with its seqs; the relay, reading in id order, publishes them in seq order.
// Messages are stored by group commit (batcher.ts, message-batch.ts): concurrent StoreMessage calls, of any
// conversations, share one transaction under the same locks, each with an outcome of its own.
import mysql from 'mysql2/promise'
import { AppError } from '../../core/errors.js'
import { log } from '../../observability/log.js'
import {
  applyStatusChange,
  checkOutbox,
  checkRevocation,
  type ConversationRow,
  type ConversationWithSeq,
  type GuestSweep,
  type MemberRow,
  type MessageDraft,
  type MessageRow,
  type NewConversation,
  type OutboxLease,
  type OutboxRecord,
  type RevocationRow,
  type StatusChange,
  type Store,
  type StoredMessage,
  type StoreMessageHooks,
  type UserConversation,
  type UserChanges,
  type UserRow,
  type UserSearch,
} from '../../ports/store.js'
import { normalizeUsername } from '../../contracts/names.js'
import { connectionOptions, migrate, type MysqlTls } from './migrate.js'
import { describeCollision } from '../sql/username-backfill.js'
import {
  CONV_COLS,
  LAST_SEQ,
  MEMBER_COLS,
  MSG_COLS,
  CONTACT,
  definedChanges,
  USER_COLS,
  USER_INSERT_COLS,
  userValues,
  USER_CONVERSATIONS,
  messageValues,
  toConversation,
  toConversationWithSeq,
  toMember,
  toMessage,
  toUser,
  toUserConversation,
} from '../sql/rows.js'
import { chunks, duplicateKey, limit } from './rows.js'
import { Batcher } from '../../core/batcher.js'
import { OutageWatch } from './outage.js'
import { keepAnAdmin, MysqlInvitations, promoteOldestIfNoAdmin } from './invitations.js'
import { AGAIN, storeBatch, type BatchOutcome, type PendingMessage } from './message-batch.js'

type Conn = mysql.PoolConnection
type Rows = mysql.RowDataPacket[]
type Result = mysql.ResultSetHeader

const SESSION_SETUP = [
  'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED',
  "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'",
]
const DEADLOCK_RETRIES = 3
/** StoreMessage calls per transaction, and transactions of them at once (the rest of the pool serves the rest) */
const GROUP_COMMIT = { maxBatch: 200, maxInFlight: 2 }
const PURGE_BATCH = 10_000

export class MysqlStore implements Store {
  readonly kind = 'mysql' as const
  private readonly pool: mysql.Pool
  private readonly database: string
  private readonly tls: MysqlTls
  /** the schema migration started by the constructor; every operation waits for it (and fails with it) */
  private readonly ready: Promise<void>
  private closing: Promise<void> | undefined
  private readonly outage: OutageWatch
  private readonly messages = new Batcher<PendingMessage, StoredMessage | typeof AGAIN>(
    (items) => this.storeBatch(items),
    GROUP_COMMIT,
  )
  readonly invitations = new MysqlInvitations({
    query: (sql, params) => this.query(sql, params),
    tx: (fn) => this.tx(fn),
    insertOutbox: (c, outbox) => this.insertOutbox(c, outbox),
  })

  /** Migrates the schema (creating the database if missing) in the background; `ping()` waits for it. */
  constructor(
    private readonly url: string,
    opts: { connectionLimit?: number; tls?: MysqlTls } = {},
  ) {
    this.tls = opts.tls
    const options = connectionOptions(url, opts.tls)
    this.database = options.database
    this.outage = new OutageWatch(`${options.host}:${options.port}/${options.database}`)
    // a refused connection fails at once; one that a hung MySQL does not answer, after 10 s (not less: a loaded
    // host may take seconds to complete a handshake, and that is no outage)
    this.pool = mysql.createPool({
      ...options,
      connectionLimit: opts.connectionLimit ?? 10,
      enableKeepAlive: true,
      connectTimeout: 10_000,
    })
    // the core (callback) connection: these run before anything else queued on it
    this.pool.on('connection', (conn) => {
      const core = conn as unknown as { query(sql: string, cb: (err: Error | null) => void): void }
      for (const sql of SESSION_SETUP) core.query(sql, (err) => err && log.error('MySQL session setup failed', { err }))
    })
    this.ready = migrate(url, opts.tls).then((r) => {
      for (const c of r.collisions) log.warn(describeCollision(c))
    })
    // reported by the first operation that waits for it, not as an unhandled rejection
    this.ready.catch(() => {})
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1')
  }

  /** idempotent */
  close(): Promise<void> {
    return (this.closing ??= this.ready.catch(() => {}).then(() => this.pool.end()))
  }

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
      const user = { ...toUser(rows[0]), ...definedChanges(changes) }
      await c.execute('UPDATE users SET display_name = ?, discoverable = ? WHERE user_id = ?', [
        user.displayName,
        user.discoverable ? 1 : 0,
        userId,
      ])
      await this.insertOutbox(c, outbox)
      return user
    })
  }

  async createConversation(
    conversation: NewConversation,
    members: MemberRow[],
    outbox: OutboxRecord[],
  ): Promise<boolean> {
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
    members: MemberRow[],
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
      const fresh: MemberRow[] = []
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

  async getMember(conversationId: string, userId: string): Promise<MemberRow | null> {
    const [rows] = await this.execute<Rows>(
      `SELECT ${MEMBER_COLS} FROM members WHERE conversation_id = ? AND user_id = ?`,
      [conversationId, userId],
    )
    return rows[0] ? toMember(rows[0]) : null
  }

  async listMembers(conversationId: string, afterUserId: string, n: number): Promise<MemberRow[]> {
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

  /** group commit: concurrent calls share a transaction (message-batch.ts), each with its own outcome */
  async storeMessage(draft: MessageDraft, hooks: StoreMessageHooks): Promise<StoredMessage> {
    const stored = await this.messages.add({ draft, hooks })
    // the same key as another message of the same batch: now that one is stored, this finds it
    return stored === AGAIN ? this.storeMessage(draft, hooks) : stored
  }

  /**
   * A batch's transaction. When it fails as a whole (not one message: those fail alone inside it), each message
   * gets a transaction of its own, one conversation's in order. Seqs are allocated inside the transaction, so the
   * failed attempt's (and a deadlock victim's, run again by tx) were rolled back with it: none is spent.
   */
  private async storeBatch(items: PendingMessage[]): Promise<BatchOutcome[]> {
    try {
      return await this.tx((c) => storeBatch(c, items))
    } catch (err) {
      if (items.length === 1) throw err
      const out: BatchOutcome[] = new Array(items.length)
      const byConversation = new Map<string, number[]>()
      items.forEach((p, i) =>
        byConversation.set(p.draft.conversationId, [...(byConversation.get(p.draft.conversationId) ?? []), i]),
      )
      await Promise.all(
        [...byConversation.values()].map(async (list) => {
          for (const i of list) {
            out[i] = await this.tx((c) => storeBatch(c, [items[i]!])).then(
              (o) => o[0]!,
              (error: unknown) => ({ error }),
            )
          }
        }),
      )
      return out
    }
  }

  async insertMessages(messages: MessageRow[]): Promise<MessageRow[]> {
    if (messages.length === 0) return []
    return this.tx(async (c) => {
      const inserted: MessageRow[] = []
      for (const m of messages) {
        try {
          await c.execute(`INSERT INTO messages (${MSG_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, messageValues(m))
          inserted.push(m)
        } catch (err) {
          if (duplicateKey(err) === null) throw err
        }
      }
      return inserted
    })
  }

  async maxSeq(conversationId: string): Promise<number> {
    const [rows] = await this.execute<Rows>(
      'SELECT COALESCE(MAX(seq), 0) AS s FROM messages WHERE conversation_id = ?',
      [conversationId],
    )
    return Number(rows[0]!.s)
  }

  async reserveSeq(conversationId: string, atLeast: number): Promise<number> {
    if (atLeast > 0)
      await this.execute(
        'UPDATE conversations SET seq_reserved = GREATEST(seq_reserved, ?) WHERE conversation_id = ?',
        [atLeast, conversationId],
      )
    const [rows] = await this.execute<Rows>('SELECT seq_reserved FROM conversations WHERE conversation_id = ?', [
      conversationId,
    ])
    return rows[0] ? Number(rows[0].seq_reserved) : 0
  }

  async getMessage(conversationId: string, messageId: string): Promise<MessageRow | null> {
    const [rows] = await this.execute<Rows>(
      `SELECT ${MSG_COLS} FROM messages WHERE message_id = ? AND conversation_id = ?`,
      [messageId, conversationId],
    )
    return rows[0] ? toMessage(rows[0]) : null
  }

  async listMessages(conversationId: string, afterSeq: number, n: number): Promise<MessageRow[]> {
    const [rows] = await this.execute<Rows>(
      `SELECT ${MSG_COLS} FROM messages WHERE conversation_id = ? AND seq > ? AND status <> 'deleted' ORDER BY seq ${limit(n)}`,
      [conversationId, afterSeq],
    )
    return rows.map(toMessage)
  }

  async updateMessageStatus(
    conversationId: string,
    messageId: string,
    change: StatusChange,
    outbox: OutboxRecord[],
  ): Promise<MessageRow | null> {
    return this.tx(async (c) => {
      const [rows] = await c.execute<Rows>(
        `SELECT ${MSG_COLS} FROM messages WHERE message_id = ? AND conversation_id = ? FOR UPDATE`,
        [messageId, conversationId],
      )
      if (!rows[0]) return null
      const current = toMessage(rows[0])
      const next = applyStatusChange(current, change)
      if (!next) return current
      await c.execute('UPDATE messages SET status = ?, content = ? WHERE conversation_id = ? AND seq = ?', [
        next.status,
        next.content,
        conversationId,
        current.seq,
      ])
      await this.insertOutbox(c, outbox)
      return next
    })
  }

  async setReadSeq(
    conversationId: string,
    userId: string,
    seq: number,
    outbox: OutboxRecord[],
  ): Promise<{ readSeq: number; advanced: boolean }> {
    return this.tx(async (c) => {
      const [rows] = await c.execute<Rows>(
        'SELECT read_seq FROM read_cursors WHERE conversation_id = ? AND user_id = ? FOR UPDATE',
        [conversationId, userId],
      )
      const current = rows[0] ? Number(rows[0].read_seq) : 0
      if (seq <= current) return { readSeq: current, advanced: false }
      // GREATEST: a concurrent first cursor of the same user may have been inserted after the SELECT
      await c.execute(
        `INSERT INTO read_cursors (conversation_id, user_id, read_seq, updated_at) VALUES (?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE read_seq = GREATEST(read_seq, VALUES(read_seq)), updated_at = VALUES(updated_at)`,
        [conversationId, userId, seq, Date.now()],
      )
      await this.insertOutbox(c, outbox)
      return { readSeq: seq, advanced: true }
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

  async revokeToken(r: RevocationRow): Promise<void> {
    checkRevocation(r)
    await this.execute(
      'INSERT INTO revoked_tokens (jti, expires_at) VALUES (?, ?) ON DUPLICATE KEY UPDATE expires_at = GREATEST(expires_at, VALUES(expires_at))',
      [r.jti, r.expiresAt],
    )
  }

  async revokedTokenIds(jtis: string[], now: number): Promise<Set<string>> {
    const out = new Set<string>()
    for (const chunk of chunks([...new Set(jtis)])) {
      const [rows] = await this.query<Rows>('SELECT jti FROM revoked_tokens WHERE jti IN (?) AND expires_at > ?', [
        chunk,
        now,
      ])
      for (const r of rows) out.add(r.jti)
    }
    return out
  }

  async listRevocations(now: number, afterJti: string, n: number): Promise<RevocationRow[]> {
    const [rows] = await this.execute<Rows>(
      `SELECT jti, expires_at FROM revoked_tokens WHERE jti > ? AND expires_at > ? ORDER BY jti ${limit(n)}`,
      [afterJti, now],
    )
    return rows.map((r) => ({ jti: r.jti, expiresAt: Number(r.expires_at) }))
  }

  async pruneRevocations(now: number): Promise<number> {
    let total = 0
    for (;;) {
      const [res] = await this.execute<Result>(
        `DELETE FROM revoked_tokens WHERE expires_at <= ? ${limit(PURGE_BATCH)}`,
        [now],
      )
      total += res.affectedRows
      if (res.affectedRows < PURGE_BATCH) return total
    }
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
        for (const table of ['members', 'messages', 'read_cursors', 'conversations'])
          await c.query(`DELETE FROM ${table} WHERE conversation_id IN (?)`, [chunk])
      for (const chunk of chunks(ids)) {
        await c.query('DELETE FROM friend_requests WHERE from_user_id IN (?)', [chunk])
        await c.query('DELETE FROM friend_requests WHERE to_user_id IN (?)', [chunk])
        await c.query('DELETE FROM group_invitations WHERE invitee_id IN (?) OR inviter_id IN (?)', [chunk, chunk])
        await c.query('DELETE FROM users WHERE user_id IN (?)', [chunk])
      }
      return { users: ids.length, conversations: drop.length }
    })
  }

  async appendOutbox(outbox: OutboxRecord[]): Promise<void> {
    await this.tx((c) => this.insertOutbox(c, outbox))
  }

  /**
   * A named lock (GET_LOCK) held by a connection of its own, the one the relay's reads and marks then run on:
   * MySQL releases the lock when that session ends (a crashed relay's lease passes to another instance), and
   * a relay whose session is gone gets errors instead of rows. A connection of its own also keeps the relay
   * clear of the pool, which a burst of sends may hold entirely. The lock name carries the database, since
   * locks are server-wide.
   */
  async acquireOutboxLease(): Promise<OutboxLease | null> {
    await this.ready
    const name = `gochat_relay:${this.database}`.slice(0, 64)
    const conn = await mysql.createConnection(connectionOptions(this.url, this.tls))
    conn.on('error', (err) => log.warn('outbox lease connection failed', { err }))
    const [[got]] = await conn.query<Rows>('SELECT GET_LOCK(?, 0) AS ok', [name])
    if (got?.ok !== 1) {
      await conn.end()
      return null
    }
    let released = false
    return {
      pending: async (n) => {
        // the age is measured by the server that set created_at: no clock or time zone between them
        const [rows] = await conn.execute<Rows>(
          `SELECT id, topic, msg_key, value, headers, TIMESTAMPDIFF(MICROSECOND, created_at, NOW(3)) AS age_us FROM outbox WHERE published_at IS NULL ORDER BY id ${limit(n)}`,
        )
        return rows.map((r) => ({
          id: Number(r.id),
          topic: r.topic,
          key: r.msg_key,
          value: r.value,
          // MariaDB's JSON is LONGTEXT and arrives as a string; MySQL's arrives parsed
          headers: typeof r.headers === 'string' ? JSON.parse(r.headers) : r.headers,
          ageMs: Math.max(0, Number(r.age_us) / 1000),
        }))
      },
      countPending: async () => {
        const [[row]] = await conn.execute<Rows>('SELECT COUNT(*) AS n FROM outbox WHERE published_at IS NULL')
        return Number(row?.n ?? 0)
      },
      markPublished: async (ids) => {
        for (const chunk of chunks(ids))
          await conn.query('UPDATE outbox SET published_at = CURRENT_TIMESTAMP(3) WHERE id IN (?)', [chunk])
      },
      purgePublished: async (olderThanMs) => {
        let total = 0
        for (;;) {
          // in batches, so a large purge never holds many row locks at once
          const [res] = await conn.execute<Result>(
            `DELETE FROM outbox WHERE published_at < NOW(3) - INTERVAL ? MICROSECOND ORDER BY published_at ${limit(PURGE_BATCH)}`,
            [Math.trunc(olderThanMs) * 1000],
          )
          total += res.affectedRows
          if (res.affectedRows < PURGE_BATCH) return total
        }
      },
      release: async () => {
        if (released) return
        released = true
        await conn.query('SELECT RELEASE_LOCK(?)', [name]).catch(() => {})
        await conn.end().catch(() => conn.destroy())
      },
    }
  }

  private async execute<T extends Rows | Result>(
    sql: string,
    params: unknown[] = [],
  ): Promise<[T, mysql.FieldPacket[]]> {
    await this.ready
    return this.outage.run(() => this.pool.execute<T>(sql, params as never))
  }

  private async query<T extends Rows | Result = Result>(
    sql: string,
    params: unknown[] = [],
  ): Promise<[T, mysql.FieldPacket[]]> {
    await this.ready
    return this.outage.run(() => this.pool.query<T>(sql, params))
  }

  private async tx<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
    await this.ready
    return this.outage.run(() => this.txOnce(fn))
  }

  private async txOnce<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const c = await this.pool.getConnection()
      try {
        await c.beginTransaction()
        const out = await fn(c)
        await c.commit()
        c.release()
        return out
      } catch (err) {
        try {
          await c.rollback()
          c.release()
        } catch {
          c.destroy()
        }
        // InnoDB picked this transaction as a deadlock victim and rolled it back: run it again
        if ((err as { errno?: number }).errno === 1213 && attempt < DEADLOCK_RETRIES) continue
        throw err
      }
    }
  }

  private async lockConversation(c: Conn, conversationId: string): Promise<ConversationRow> {
    const [rows] = await c.execute<Rows>(
      `SELECT ${CONV_COLS} FROM conversations WHERE conversation_id = ? FOR UPDATE`,
      [conversationId],
    )
    if (!rows[0]) throw new AppError('not_found', `conversation ${conversationId} not found`)
    return toConversation(rows[0])
  }

  private async insertMembers(c: Conn, conversationId: string, members: MemberRow[]): Promise<void> {
    for (const chunk of chunks(members)) {
      await c.query(`INSERT INTO members (${MEMBER_COLS}) VALUES ?`, [
        chunk.map((m) => [conversationId, m.userId, m.role, m.joinedAt]),
      ])
    }
  }

  private async insertOutbox(c: Conn, outbox: OutboxRecord[]): Promise<void> {
    checkOutbox(outbox)
    for (const chunk of chunks(outbox)) {
      await c.query('INSERT INTO outbox (topic, msg_key, value, headers) VALUES ?', [
        chunk.map((r) => [r.topic, r.key, r.value, JSON.stringify(r.headers)]),
      ])
    }
  }
}
