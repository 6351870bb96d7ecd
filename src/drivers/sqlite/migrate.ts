// Versioned schema migrations of the SQLite store: src/drivers/sqlite/migrations/NNN_name.sql, applied in order
// and recorded in schema_migrations, as the MySQL driver's (src/drivers/mysql/migrate.ts). SQLite's DDL is
// transactional, so each file applies whole, with its record, or not at all.
import { readdirSync, readFileSync } from 'node:fs'
import type Database from 'better-sqlite3'
import type { UsernameCollision } from '../../ports/store.js'
import { PENDING_USERNAMES, planUsernames } from '../sql/username-backfill.js'
import { normalizeUsername } from '../../contracts/names.js'
import { backfillSearch } from './search.js'

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url)
const FILE = /^(\d{3})_([\w-]+)\.sql$/

/** applies the migrations this database lacks, then fills normalized usernames (../sql/username-backfill.ts) and
 *  the search index (./search.ts) */
export function migrate(db: Database.Database): { applied: number[]; collisions: UsernameCollision[] } {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  )
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[])
  const files = readdirSync(MIGRATIONS_DIR)
    .flatMap((file) => {
      const m = FILE.exec(file)
      return m ? [{ version: Number(m[1]), name: m[2]!, file }] : []
    })
    .sort((a, b) => a.version - b.version)
  const applied: number[] = []
  for (const f of files) {
    if (done.has(f.version)) continue
    const sql = readFileSync(new URL(f.file, MIGRATIONS_DIR), 'utf8')
    try {
      db.transaction(() => {
        db.exec(sql)
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          f.version,
          f.name,
          Date.now(),
        )
      }).immediate()
    } catch (err) {
      throw new Error(`migration ${f.file} failed: ${(err as Error).message}`)
    }
    applied.push(f.version)
  }
  const collisions = db.transaction(() => backfillUsernames(db)).immediate()
  backfillSearch(db)
  return { applied, collisions }
}

function backfillUsernames(db: Database.Database): UsernameCollision[] {
  const pending = db.prepare(PENDING_USERNAMES)
  const holder = db.prepare('SELECT user_id FROM users WHERE username_norm = ?').pluck()
  const set = db.prepare('UPDATE users SET username_norm = ? WHERE user_id = ?')
  const collisions: UsernameCollision[] = []
  for (let cursor = { at: -1, id: '' }; ; ) {
    const rows = pending.all(cursor.at, cursor.at, cursor.id) as Array<Record<string, unknown>>
    if (rows.length === 0) return collisions
    const last = rows.at(-1)!
    cursor = { at: Number(last.created_at), id: String(last.user_id) }
    const named = rows.map((r) => ({ userId: String(r.user_id), username: String(r.username) }))
    const holders = new Map<string, string>()
    for (const norm of new Set(named.map((r) => normalizeUsername(r.username)))) {
      const id = holder.get(norm) as string | undefined
      if (id !== undefined) holders.set(norm, id)
    }
    const plan = planUsernames(named, holders)
    for (const { userId, norm } of plan.set) set.run(norm, userId)
    collisions.push(...plan.collisions)
  }
}
