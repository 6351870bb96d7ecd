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
//
// The class is composed of one file per concern, each extending the one before it:
// store-base (pool, migration, transactions, shared helpers) → users → conversations → messages → revocations → outbox.
import type { Store } from '../../ports/store.js'
import { MysqlAttachments } from './attachments.js'
import { MysqlInvitations } from './invitations.js'
import { MysqlModeration } from './moderation.js'
import { MysqlRetention } from './retention.js'
import { MysqlOutbox } from './outbox.js'

export class MysqlStore extends MysqlOutbox implements Store {
  readonly attachments = new MysqlAttachments({
    query: (sql, params) => this.query(sql, params),
    tx: (fn) => this.tx(fn),
  })
  readonly invitations = new MysqlInvitations({
    query: (sql, params) => this.query(sql, params),
    tx: (fn) => this.tx(fn),
    insertOutbox: (c, outbox) => this.insertOutbox(c, outbox),
  })
  readonly moderation = new MysqlModeration({
    query: (sql, params) => this.query(sql, params),
    tx: (fn) => this.tx(fn),
    insertOutbox: (c, outbox) => this.insertOutbox(c, outbox),
  })
  readonly retention = new MysqlRetention({
    query: (sql, params) => this.query(sql, params),
    tx: (fn) => this.tx(fn),
    insertOutbox: (c, outbox) => this.insertOutbox(c, outbox),
  })
}
