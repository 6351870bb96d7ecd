// The store a role runs on: MySQL when mysql_url is set, else SQLite in data_dir when that is set, else the
// in-memory store. The MySQL store migrates its schema in the background; `await store.ping()` waits for that and
// reports a failure. The SQLite store migrates as it opens.
import { join } from 'node:path'
import type { GochatConfig } from '../config/index.js'
import type { Store } from '../ports/store.js'
import { MemoryStore } from './memory/store.js'
import { MysqlStore } from './mysql/store.js'
import { mysqlTls } from './mysql/migrate.js'
import { SqliteStore } from './sqlite/store.js'
import { DB_FILE, ensureDataDir } from '../config/data-dir.js'

export function createStore(
  cfg: Pick<GochatConfig, 'mysql_url' | 'data_dir'> &
    Partial<Pick<GochatConfig, 'sqlite_synchronous' | 'mysql_tls_ca' | 'mysql_tls_cert' | 'mysql_tls_key'>>,
): Store {
  if (cfg.mysql_url) return new MysqlStore(cfg.mysql_url, { tls: mysqlTls(cfg) })
  if (cfg.data_dir)
    return new SqliteStore(join(ensureDataDir(cfg.data_dir), DB_FILE), { synchronous: cfg.sqlite_synchronous })
  return new MemoryStore()
}
