// Versioned schema migrations of the SQLite store: src/drivers/sqlite/migrations/NNN_name.sql, applied in order
// and recorded in schema_migrations, as the MySQL driver's (src/drivers/mysql/migrate.ts). SQLite's DDL is
// transactional, so each file applies whole, with its record, or not at all.
import { readdirSync, readFileSync } from 'node:fs'
import type Database from 'better-sqlite3'

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url)
const FILE = /^(\d{3})_([\w-]+)\.sql$/

/** applies the migrations this database lacks; returns their versions */
export function migrate(db: Database.Database): number[] {
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
  return applied
}
