// The store a role runs on: MySQL when mysql_url is set, else the in-memory store. The MySQL store migrates
// its schema in the background; `await store.ping()` waits for that and reports a failure.
import type { GochatConfig } from '../config/index.js'
import type { Store } from '../ports/store.js'
import { MemoryStore } from './memory/store.js'
import { MysqlStore } from './mysql/store.js'

export function createStore(cfg: Pick<GochatConfig, 'mysql_url'>): Store {
  return cfg.mysql_url ? new MysqlStore(cfg.mysql_url) : new MemoryStore()
}
