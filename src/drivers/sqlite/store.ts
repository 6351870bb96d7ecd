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
//
// The class is composed of one file per concern, each extending the one before it:
// store-base (the file, pragmas, migration, statements, transactions) → users → conversations → messages → revocations
// → outbox.
import type { Store } from '../../ports/store.js'
import { SqliteAttachments } from './attachments.js'
import { SqliteInvitations } from './invitations.js'
import { SqliteModeration } from './moderation.js'
import { SqliteRetention } from './retention.js'
import { SqliteOutbox } from './outbox.js'

export type { SqliteStoreOptions } from './store-base.js'

export class SqliteStore extends SqliteOutbox implements Store {
  readonly attachments = new SqliteAttachments({ db: this.db, tx: (fn) => this.tx(fn) })
  readonly invitations = new SqliteInvitations({
    db: this.db,
    tx: (fn) => this.tx(fn),
    insertOutbox: (outbox) => this.insertOutbox(outbox),
  })
  readonly moderation = new SqliteModeration({
    db: this.db,
    tx: (fn) => this.tx(fn),
    insertOutbox: (outbox) => this.insertOutbox(outbox),
  })
  readonly retention = new SqliteRetention({
    db: this.db,
    tx: (fn) => this.tx(fn),
    insertOutbox: (outbox) => this.insertOutbox(outbox),
  })
}
