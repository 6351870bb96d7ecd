// The SQLite store (better-sqlite3): `gochat up`'s durable store, in one file of its data directory. Same rows and
// guarantees as the MySQL driver (src/drivers/mysql/store.ts): every mutation writes its outbox rows in the same
// transaction, seqs are unique and gap-free per conversation, idempotency keys are per (conversation, sender).
//
// better-sqlite3 is synchronous, so a transaction is one synchronous function: nothing else of this process runs
// inside it (what MySQL's row lock on the conversation gives), so storeMessage's MAX(seq) + 1 is exact. One
// process owns the file: the connection holds SQLite's lock for its lifetime (locking_mode EXCLUSIVE), so a
// second gochat on the same data directory fails at start instead of racing this one's outbox relay.
//
// WAL journal. synchronous NORMAL by default: a commit is in the WAL (the OS's page cache) before it is acked, so
// it survives a crash or SIGKILL of the process; only a crash of the machine or a power loss may take the last
// commits, since the WAL is fsynced at checkpoints only. FULL fsyncs every commit (InnoDB's default) but, since
// better-sqlite3 blocks the event loop for it, holds every socket of the process for each fsync: measured at 200
// messages/s here, p90 latency went from milliseconds to seconds (bench/RESULTS.md).
import Database from 'better-sqlite3'
import { AppError } from '../../core/errors.js'
import {
  applyStatusChange,
  checkOutbox,
  checkRevocation,
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
  type UsernameCollision,
  type UserRow,
  type UserSearch,
} from '../../ports/store.js'
import { normalizeUsername } from '../../contracts/names.js'
import { log } from '../../observability/log.js'
import { describeCollision } from '../sql/username-backfill.js'
import { migrate } from './migrate.js'
import { keepAnAdmin, promoteOldestIfNoAdmin, SqliteInvitations } from './invitations.js'
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
  type Row,
} from '../sql/rows.js'

export interface SqliteStoreOptions {
  /** default 'normal' (see the header) */
  synchronous?: 'full' | 'normal'
  /** how long a statement waits for a lock held by another connection; default 5000 */
  busyTimeoutMs?: number
}

const PURGE_BATCH = 10_000
/** published outbox rows older than this are deleted as the relay marks more (nobody else can read the file) */
const KEEP_PUBLISHED_MS = 10 * 60_000
const PURGE_EVERY_MS = 10_000

/** "UNIQUE constraint failed: users.username" → true for that column list */
const violates = (err: unknown, what: string) =>
  (err as { code?: string })?.code?.startsWith('SQLITE_CONSTRAINT') === true && (err as Error).message.includes(what)

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const
  private readonly db: Database.Database
  private readonly statements = new Map<string, Database.Statement>()
  private leaseHeld = false
  private closed = false
  private lastPurge = Date.now()
  /** what the migration found: usernames left without their normalized form (see UsernameCollision) */
  readonly usernameCollisions: UsernameCollision[]
  readonly invitations: SqliteInvitations

  /** Opens (creating if missing) the database file and migrates it; throws when another process holds it. */
  constructor(
    readonly path: string,
    opts: SqliteStoreOptions = {},
  ) {
    this.db = new Database(path, { timeout: opts.busyTimeoutMs ?? 5000 })
    try {
      this.db.pragma('locking_mode = EXCLUSIVE')
      this.db.pragma('journal_mode = WAL')
      this.db.pragma(`synchronous = ${opts.synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
      this.usernameCollisions = migrate(this.db).collisions
      for (const c of this.usernameCollisions) log.warn(describeCollision(c))
      // takes (and, in EXCLUSIVE mode, keeps) the write lock now, even when there was nothing to migrate
      this.db.exec('BEGIN IMMEDIATE; COMMIT')
      this.invitations = new SqliteInvitations({
        db: this.db,
        tx: (fn) => this.tx(fn),
        insertOutbox: (outbox) => this.insertOutbox(outbox),
      })
    } catch (err) {
      this.db.close()
      if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY'))
        throw new Error(`${path} is in use by another process (one gochat per data directory)`)
      throw err
    }
  }

  async ping(): Promise<void> {
    this.one('SELECT 1 AS ok')
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.db.close()
  }

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
      const user = { ...toUser(r), ...definedChanges(changes) }
      this.run(
        'UPDATE users SET display_name = ?, discoverable = ? WHERE user_id = ?',
        user.displayName,
        user.discoverable ? 1 : 0,
        userId,
      )
      this.insertOutbox(outbox)
      return user
    })
  }

  async createConversation(
    conversation: NewConversation,
    members: MemberRow[],
    outbox: OutboxRecord[],
  ): Promise<boolean> {
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
    members: MemberRow[],
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
      keepAnAdmin(this.db, conversationId, gone.role as MemberRow['role'], promote)
      this.run('UPDATE conversations SET member_count = member_count - 1 WHERE conversation_id = ?', conversationId)
      this.insertOutbox(outbox)
      return true
    })
  }

  async getMember(conversationId: string, userId: string): Promise<MemberRow | null> {
    const r = this.one(
      `SELECT ${MEMBER_COLS} FROM members WHERE conversation_id = ? AND user_id = ?`,
      conversationId,
      userId,
    )
    return r ? toMember(r) : null
  }

  async listMembers(conversationId: string, afterUserId: string, limit: number): Promise<MemberRow[]> {
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

  async storeMessage(draft: MessageDraft, hooks: StoreMessageHooks): Promise<StoredMessage> {
    const id = draft.conversationId
    return this.tx(() => {
      const conversation = this.one(
        `SELECT ${CONV_COLS}, seq_reserved FROM conversations WHERE conversation_id = ?`,
        id,
      )
      if (!conversation) throw new AppError('not_found', `conversation ${id} not found`)
      const before = this.messageByKey(draft)
      if (before) return { message: before, duplicate: true }
      const message: MessageRow = { ...draft, seq: Math.max(this.maxSeqOf(id), Number(conversation.seq_reserved)) + 1 }
      this.run(`INSERT INTO messages (${MSG_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, ...messageValues(message))
      this.insertOutbox(hooks.outbox({ ...message }, toConversation(conversation)))
      return { message, duplicate: false }
    })
  }

  async insertMessages(messages: MessageRow[]): Promise<MessageRow[]> {
    return this.tx(() => {
      const insert = this.stmt(
        `INSERT INTO messages (${MSG_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      return messages.filter((m) => insert.run(...messageValues(m)).changes === 1).map((m) => ({ ...m }))
    })
  }

  async maxSeq(conversationId: string): Promise<number> {
    return this.maxSeqOf(conversationId)
  }

  async reserveSeq(conversationId: string, atLeast: number): Promise<number> {
    if (atLeast > 0)
      this.run(
        'UPDATE conversations SET seq_reserved = MAX(seq_reserved, ?) WHERE conversation_id = ?',
        atLeast,
        conversationId,
      )
    const r = this.one('SELECT seq_reserved FROM conversations WHERE conversation_id = ?', conversationId)
    return r ? Number(r.seq_reserved) : 0
  }

  async getMessage(conversationId: string, messageId: string): Promise<MessageRow | null> {
    const r = this.one(
      `SELECT ${MSG_COLS} FROM messages WHERE message_id = ? AND conversation_id = ?`,
      messageId,
      conversationId,
    )
    return r ? toMessage(r) : null
  }

  async listMessages(conversationId: string, afterSeq: number, limit: number): Promise<MessageRow[]> {
    return this.all(
      `SELECT ${MSG_COLS} FROM messages WHERE conversation_id = ? AND seq > ? AND status <> 'deleted' ORDER BY seq LIMIT ?`,
      conversationId,
      afterSeq,
      Math.max(0, Math.trunc(limit)),
    ).map(toMessage)
  }

  async updateMessageStatus(
    conversationId: string,
    messageId: string,
    change: StatusChange,
    outbox: OutboxRecord[],
  ): Promise<MessageRow | null> {
    return this.tx(() => {
      const r = this.one(
        `SELECT ${MSG_COLS} FROM messages WHERE message_id = ? AND conversation_id = ?`,
        messageId,
        conversationId,
      )
      if (!r) return null
      const current = toMessage(r)
      const next = applyStatusChange(current, change)
      if (!next) return current
      this.run(
        'UPDATE messages SET status = ?, content = ? WHERE conversation_id = ? AND seq = ?',
        next.status,
        next.content,
        conversationId,
        current.seq,
      )
      this.insertOutbox(outbox)
      return next
    })
  }

  async setReadSeq(
    conversationId: string,
    userId: string,
    seq: number,
    outbox: OutboxRecord[],
  ): Promise<{ readSeq: number; advanced: boolean }> {
    return this.tx(() => {
      const r = this.one(
        'SELECT read_seq FROM read_cursors WHERE conversation_id = ? AND user_id = ?',
        conversationId,
        userId,
      )
      const current = r ? Number(r.read_seq) : 0
      if (seq <= current) return { readSeq: current, advanced: false }
      this.run(
        `INSERT INTO read_cursors (conversation_id, user_id, read_seq, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (conversation_id, user_id) DO UPDATE SET read_seq = excluded.read_seq, updated_at = excluded.updated_at`,
        conversationId,
        userId,
        seq,
        Date.now(),
      )
      this.insertOutbox(outbox)
      return { readSeq: seq, advanced: true }
    })
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

  async revokeToken(r: RevocationRow): Promise<void> {
    checkRevocation(r)
    this.run(
      'INSERT INTO revoked_tokens (jti, expires_at) VALUES (?, ?) ON CONFLICT (jti) DO UPDATE SET expires_at = MAX(expires_at, excluded.expires_at)',
      r.jti,
      r.expiresAt,
    )
  }

  async revokedTokenIds(jtis: string[], now: number): Promise<Set<string>> {
    const revoked = this.stmt('SELECT 1 FROM revoked_tokens WHERE jti = ? AND expires_at > ?')
    return new Set([...new Set(jtis)].filter((jti) => revoked.get(jti, now) !== undefined))
  }

  async listRevocations(now: number, afterJti: string, limit: number): Promise<RevocationRow[]> {
    return this.all(
      'SELECT jti, expires_at FROM revoked_tokens WHERE jti > ? AND expires_at > ? ORDER BY jti LIMIT ?',
      afterJti,
      now,
      limit,
    ).map((r) => ({ jti: String(r.jti), expiresAt: Number(r.expires_at) }))
  }

  async pruneRevocations(now: number): Promise<number> {
    return this.run('DELETE FROM revoked_tokens WHERE expires_at <= ?', now).changes
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
          for (const table of ['members', 'messages', 'read_cursors', 'conversations'])
            this.run(`DELETE FROM ${table} WHERE conversation_id = ?`, id)
          conversations++
        }
        this.run('DELETE FROM friend_requests WHERE from_user_id = ?', userId)
        this.run('DELETE FROM friend_requests WHERE to_user_id = ?', userId)
        this.run('DELETE FROM group_invitations WHERE invitee_id = ? OR inviter_id = ?', userId, userId)
        this.run('DELETE FROM users WHERE user_id = ?', userId)
      }
      return { users: ids.length, conversations }
    })
  }

  async appendOutbox(outbox: OutboxRecord[]): Promise<void> {
    this.tx(() => this.insertOutbox(outbox))
  }

  /** One relay per process: the file belongs to this process alone (see the header), so a flag is the lease. */
  async acquireOutboxLease(): Promise<OutboxLease | null> {
    if (this.leaseHeld) return null
    this.leaseHeld = true
    let held = true
    const mine = () => {
      if (!held || this.closed) throw new Error('the outbox lease was released')
    }
    return {
      pending: async (limit) => {
        mine()
        const now = Date.now()
        return this.all(
          'SELECT id, topic, msg_key, value, headers, created_at FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ?',
          limit,
        ).map((r) => ({
          id: Number(r.id),
          topic: r.topic as string,
          key: r.msg_key as string | null,
          value: r.value as Buffer,
          headers: JSON.parse(r.headers as string) as Record<string, string>,
          ageMs: Math.max(0, now - Number(r.created_at)),
        }))
      },
      countPending: async () => {
        mine()
        return Number(this.one('SELECT COUNT(*) AS n FROM outbox WHERE published_at IS NULL')!.n)
      },
      markPublished: async (ids) => {
        mine()
        const now = Date.now()
        this.run(
          'UPDATE outbox SET published_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND published_at IS NULL',
          now,
          JSON.stringify(ids),
        )
        // the relay purges once an hour, keeping a day; at hundreds of messages a second that is gigabytes here
        if (now - this.lastPurge >= PURGE_EVERY_MS) {
          this.lastPurge = now
          this.run(
            'DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at < ? LIMIT ?)',
            now - KEEP_PUBLISHED_MS,
            PURGE_BATCH,
          )
        }
      },
      purgePublished: async (olderThanMs) => {
        mine()
        const before = Date.now() - olderThanMs
        let total = 0
        for (;;) {
          // in batches, so that a large purge never holds the write lock long
          const n = this.run(
            'DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at < ? LIMIT ?)',
            before,
            PURGE_BATCH,
          ).changes
          total += n
          if (n < PURGE_BATCH) return total
          await new Promise((resolve) => setImmediate(resolve))
        }
      },
      release: async () => {
        if (held) this.leaseHeld = false
        held = false
      },
    }
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)))
    return s
  }

  private one(sql: string, ...params: unknown[]): Row | undefined {
    return this.stmt(sql).get(...params) as Row | undefined
  }

  private all(sql: string, ...params: unknown[]): Row[] {
    return this.stmt(sql).all(...params) as Row[]
  }

  private run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.stmt(sql).run(...params)
  }

  /** runs fn in one transaction (BEGIN IMMEDIATE): committed when it returns, rolled back when it throws */
  private tx<T>(fn: () => T): T {
    if (this.closed) throw new Error('the SQLite store is closed')
    return this.db.transaction(fn).immediate()
  }

  private insertMembers(conversationId: string, members: MemberRow[]): void {
    const insert = this.stmt(`INSERT INTO members (${MEMBER_COLS}) VALUES (?, ?, ?, ?)`)
    for (const m of members) insert.run(conversationId, m.userId, m.role, m.joinedAt)
  }

  private insertOutbox(outbox: OutboxRecord[]): void {
    checkOutbox(outbox)
    const insert = this.stmt('INSERT INTO outbox (topic, msg_key, value, headers, created_at) VALUES (?, ?, ?, ?, ?)')
    const now = Date.now()
    for (const r of outbox) insert.run(r.topic, r.key, r.value, JSON.stringify(r.headers), now)
  }

  private maxSeqOf(conversationId: string): number {
    return Number(
      this.one('SELECT COALESCE(MAX(seq), 0) AS s FROM messages WHERE conversation_id = ?', conversationId)!.s,
    )
  }

  /** the message of an idempotency key, which is scoped to (conversation, sender); never for an empty key */
  private messageByKey(m: Pick<MessageDraft, 'conversationId' | 'senderId' | 'idempotencyKey'>): MessageRow | null {
    if (!m.idempotencyKey) return null
    const r = this.one(
      `SELECT ${MSG_COLS} FROM messages WHERE conversation_id = ? AND sender_id = ? AND idempotency_key = ?`,
      m.conversationId,
      m.senderId,
      m.idempotencyKey,
    )
    return r ? toMessage(r) : null
  }
}
