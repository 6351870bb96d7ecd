// What every concern of the SQLite store shares: the database file (exclusive lock, WAL, migrated on open),
// cached prepared statements, synchronous transactions, and the row helpers used inside them.
import Database from 'better-sqlite3'
import { checkOutbox, type Member, type OutboxRecord, type UsernameCollision } from '../../ports/store.js'
import { log } from '../../observability/log.js'
import { describeCollision } from '../sql/username-backfill.js'
import { migrate } from './migrate.js'
import { MEMBER_COLS, type Row } from '../sql/rows.js'

export interface SqliteStoreOptions {
  /** default 'normal' (see the header) */
  synchronous?: 'full' | 'normal'
  /** how long a statement waits for a lock held by another connection; default 5000 */
  busyTimeoutMs?: number
}

export abstract class SqliteStoreBase {
  readonly kind = 'sqlite' as const
  protected readonly db: Database.Database
  protected readonly statements = new Map<string, Database.Statement>()
  protected leaseHeld = false
  protected closed = false
  protected lastPurge = Date.now()
  /** what the migration found: usernames left without their normalized form (see UsernameCollision) */
  readonly usernameCollisions: UsernameCollision[]

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

  protected stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)))
    return s
  }

  protected one(sql: string, ...params: unknown[]): Row | undefined {
    return this.stmt(sql).get(...params) as Row | undefined
  }

  protected all(sql: string, ...params: unknown[]): Row[] {
    return this.stmt(sql).all(...params) as Row[]
  }

  protected run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.stmt(sql).run(...params)
  }

  /** runs fn in one transaction (BEGIN IMMEDIATE): committed when it returns, rolled back when it throws */
  protected tx<T>(fn: () => T): T {
    if (this.closed) throw new Error('the SQLite store is closed')
    return this.db.transaction(fn).immediate()
  }

  protected insertMembers(conversationId: string, members: Member[]): void {
    const insert = this.stmt(`INSERT INTO members (${MEMBER_COLS}) VALUES (?, ?, ?, ?)`)
    for (const m of members) insert.run(conversationId, m.userId, m.role, m.joinedAt)
  }

  protected insertOutbox(outbox: OutboxRecord[]): void {
    checkOutbox(outbox)
    const insert = this.stmt('INSERT INTO outbox (topic, msg_key, value, headers, created_at) VALUES (?, ?, ?, ?, ?)')
    const now = Date.now()
    for (const r of outbox) insert.run(r.topic, r.key, r.value, JSON.stringify(r.headers), now)
  }

  protected maxSeqOf(conversationId: string): number {
    return Number(
      this.one('SELECT COALESCE(MAX(seq), 0) AS s FROM messages WHERE conversation_id = ?', conversationId)!.s,
    )
  }
}
