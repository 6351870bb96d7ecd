// Versioned schema migrations: src/drivers/mysql/migrations/NNN_name.sql, applied in order and recorded in
// schema_migrations. Runs when the store starts and from `gochat db migrate`. Creates the database named in
// the URL when it is missing. Instances starting together take turns through a named lock, so each file runs
// once. MySQL commits DDL statement by statement: a file that fails halfway is not recorded and must be
// fixed by hand, so keep each file to statements that either all apply or fail on the first.
import { readdirSync, readFileSync } from 'node:fs'
import mysql from 'mysql2/promise'
import { type TlsFiles, tlsFiles } from '../tls-files.js'
import { normalizeUsername } from '../../contracts/names.js'
import type { UsernameCollision } from '../../ports/store.js'
import { PENDING_USERNAMES, planUsernames } from '../sql/username-backfill.js'
import { backfillSearch } from './search.js'

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url)
const FILE = /^(\d{3})_([\w-]+)\.sql$/
const LOCK_TIMEOUT_S = 60

export interface MigrationRecord {
  version: number
  name: string
  /** epoch ms */
  appliedAt: number
}

export interface MigrateResult {
  database: string
  /** applied by this run */
  applied: MigrationRecord[]
  /** every migration applied so far, this run's included */
  all: MigrationRecord[]
  /** usernames left without their normalized form, another account holding it (../sql/username-backfill.ts) */
  collisions: UsernameCollision[]
}

/** host, port, credentials and database of a mysql:// URL */
/** TLS to MySQL (mysql_tls_*): the files read; the server's certificate and name are verified against the CA */
export type MysqlTls = TlsFiles | undefined

/** mysql_tls_* read from config; a client certificate without a CA to check the server by is refused */
export function mysqlTls(cfg: {
  mysql_tls_ca?: string | null
  mysql_tls_cert?: string | null
  mysql_tls_key?: string | null
}): MysqlTls {
  const files = tlsFiles('mysql', { ca: cfg.mysql_tls_ca, cert: cfg.mysql_tls_cert, key: cfg.mysql_tls_key })
  if (files && !files.ca)
    throw new Error("mysql_tls_cert needs mysql_tls_ca (the CA that signed the server's certificate)")
  return files
}

export function connectionOptions(url: string, tls?: MysqlTls) {
  const u = new URL(url)
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''))
  if (!/^[A-Za-z0-9_$]{1,64}$/.test(database)) {
    throw new Error(
      `MySQL URL ${u.protocol}//${u.host}${u.pathname} must name a database (letters, digits, _ or $), e.g. mysql://root@127.0.0.1:3306/gochat`,
    )
  }
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    database,
    // mysql2 otherwise captures a stack trace on every query (3% of repo's CPU under load) only to put the
    // caller's frames into a failed query's stack; gochat tells its errors apart by errno and code, not stack
    trace: false,
    ...(tls ? { ssl: { ...tls, rejectUnauthorized: true } } : {}),
  }
}

function migrationFiles(): Array<{ version: number; name: string; sql: string }> {
  return readdirSync(MIGRATIONS_DIR)
    .flatMap((file) => {
      const m = FILE.exec(file)
      return m ? [{ version: Number(m[1]), name: m[2]!, sql: readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8') }] : []
    })
    .sort((a, b) => a.version - b.version)
}

export async function migrate(url: string, tls?: MysqlTls): Promise<MigrateResult> {
  const { database, ...server } = connectionOptions(url, tls)
  const conn = await mysql.createConnection({ ...server, multipleStatements: true })
  const lock = `gochat_migrate:${database}`
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`)
    await conn.query(`USE \`${database}\``)
    const [[got]] = await conn.query<mysql.RowDataPacket[]>('SELECT GET_LOCK(?, ?) AS ok', [lock, LOCK_TIMEOUT_S])
    if (got?.ok !== 1)
      throw new Error(`another gochat has been migrating ${database} for ${LOCK_TIMEOUT_S}s; try again`)
    try {
      await conn.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INT NOT NULL PRIMARY KEY,
        name VARCHAR(255) NOT NULL,
        applied_at BIGINT NOT NULL
      ) ENGINE=InnoDB`)
      const [rows] = await conn.query<mysql.RowDataPacket[]>(
        'SELECT version, name, applied_at FROM schema_migrations ORDER BY version',
      )
      const all: MigrationRecord[] = rows.map((r) => ({
        version: Number(r.version),
        name: String(r.name),
        appliedAt: Number(r.applied_at),
      }))
      const done = new Set(all.map((r) => r.version))
      const applied: MigrationRecord[] = []
      for (const file of migrationFiles()) {
        if (done.has(file.version)) continue
        try {
          await conn.query(file.sql)
        } catch (err) {
          throw new Error(`migration ${file.version}_${file.name}.sql failed: ${(err as Error).message}`)
        }
        const record = { version: file.version, name: file.name, appliedAt: Date.now() }
        await conn.execute('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          record.version,
          record.name,
          record.appliedAt,
        ])
        applied.push(record)
        all.push(record)
      }
      const collisions = await backfillUsernames(conn)
      await backfillSearch(conn)
      return { database, applied, all, collisions }
    } finally {
      await conn.query('SELECT RELEASE_LOCK(?)', [lock])
    }
  } finally {
    await conn.end()
  }
}

/** normalized usernames for rows without one, a batch a transaction (../sql/username-backfill.ts) */
async function backfillUsernames(conn: mysql.Connection): Promise<UsernameCollision[]> {
  const collisions: UsernameCollision[] = []
  for (let cursor = { at: -1, id: '' }; ; ) {
    const [rows] = await conn.query<mysql.RowDataPacket[]>(PENDING_USERNAMES, [cursor.at, cursor.at, cursor.id])
    if (rows.length === 0) return collisions
    const last = rows.at(-1)!
    cursor = { at: Number(last.created_at), id: String(last.user_id) }
    const named = rows.map((r) => ({ userId: String(r.user_id), username: String(r.username) }))
    const [held] = await conn.query<mysql.RowDataPacket[]>(
      'SELECT username_norm, user_id FROM users WHERE username_norm IN (?)',
      [[...new Set(named.map((r) => normalizeUsername(r.username)))]],
    )
    const plan = planUsernames(named, new Map(held.map((r) => [String(r.username_norm), String(r.user_id)])))
    collisions.push(...plan.collisions)
    await conn.beginTransaction()
    try {
      for (const { userId, norm } of plan.set) {
        // a new-code instance may have taken the name since (a rolling deploy): a collision like the others
        const [res] = await conn.query<mysql.ResultSetHeader>(
          'UPDATE IGNORE users SET username_norm = ? WHERE user_id = ?',
          [norm, userId],
        )
        if (res.affectedRows === 0) {
          const [[by]] = await conn.query<mysql.RowDataPacket[]>('SELECT user_id FROM users WHERE username_norm = ?', [
            norm,
          ])
          const username = named.find((r) => r.userId === userId)!.username
          collisions.push({ userId, username, normalized: norm, heldBy: by ? String(by.user_id) : '' })
        }
      }
      await conn.commit()
    } catch (err) {
      await conn.rollback()
      throw err
    }
  }
}
