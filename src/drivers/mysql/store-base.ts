// What every concern of the MySQL store shares: the pool (READ COMMITTED, strict SQL mode), the schema migration
// it waits for, transactions retried on deadlock, and the row helpers used inside them (conversation lock,
// member and outbox inserts).
import mysql from 'mysql2/promise'
import { AppError } from '../../core/errors.js'
import { log } from '../../observability/log.js'
import { checkOutbox, type Conversation, type Member, type OutboxRecord } from '../../ports/store.js'
import { connectionOptions, migrate, type MysqlTls } from './migrate.js'
import { describeCollision } from '../sql/username-backfill.js'
import { CONV_COLS, MEMBER_COLS, toConversation } from '../sql/rows.js'
import { chunks } from './rows.js'
import { OutageWatch } from './outage.js'

type Conn = mysql.PoolConnection
export type Rows = mysql.RowDataPacket[]
export type Result = mysql.ResultSetHeader

const SESSION_SETUP = [
  'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED',
  "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'",
]
const DEADLOCK_RETRIES = 3
export const PURGE_BATCH = 10_000

export abstract class MysqlStoreBase {
  readonly kind = 'mysql' as const
  protected readonly pool: mysql.Pool
  protected readonly database: string
  protected readonly tls: MysqlTls
  /** the schema migration started by the constructor; every operation waits for it (and fails with it) */
  protected readonly ready: Promise<void>
  protected closing: Promise<void> | undefined
  protected readonly outage: OutageWatch

  /** Migrates the schema (creating the database if missing) in the background; `ping()` waits for it. */
  constructor(
    protected readonly url: string,
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

  protected async execute<T extends Rows | Result>(
    sql: string,
    params: unknown[] = [],
  ): Promise<[T, mysql.FieldPacket[]]> {
    await this.ready
    return this.outage.run(() => this.pool.execute<T>(sql, params as never))
  }

  protected async query<T extends Rows | Result = Result>(
    sql: string,
    params: unknown[] = [],
  ): Promise<[T, mysql.FieldPacket[]]> {
    await this.ready
    return this.outage.run(() => this.pool.query<T>(sql, params))
  }

  protected async tx<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
    await this.ready
    return this.outage.run(() => this.txOnce(fn))
  }

  protected async txOnce<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
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

  protected async lockConversation(c: Conn, conversationId: string): Promise<Conversation> {
    const [rows] = await c.execute<Rows>(
      `SELECT ${CONV_COLS} FROM conversations WHERE conversation_id = ? FOR UPDATE`,
      [conversationId],
    )
    if (!rows[0]) throw new AppError('not_found', `conversation ${conversationId} not found`)
    return toConversation(rows[0])
  }

  protected async insertMembers(c: Conn, conversationId: string, members: Member[]): Promise<void> {
    for (const chunk of chunks(members)) {
      await c.query(`INSERT INTO members (${MEMBER_COLS}) VALUES ?`, [
        chunk.map((m) => [conversationId, m.userId, m.role, m.joinedAt]),
      ])
    }
  }

  protected async insertOutbox(c: Conn, outbox: OutboxRecord[]): Promise<void> {
    checkOutbox(outbox)
    for (const chunk of chunks(outbox)) {
      await c.query('INSERT INTO outbox (topic, msg_key, value, headers) VALUES ?', [
        chunk.map((r) => [r.topic, r.key, r.value, JSON.stringify(r.headers)]),
      ])
    }
  }
}
