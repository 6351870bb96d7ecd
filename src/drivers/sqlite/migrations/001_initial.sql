-- gochat's tables on SQLite, the same rows as the MySQL schema (src/drivers/mysql/migrations, 001 to 003 in one).
-- Times are epoch milliseconds. Text compares as bytes (SQLite's BINARY collation, like utf8mb4_bin), the order
-- member pages are cursored by. CHECK constraints stand in for MySQL's ENUMs. No foreign keys, as on MySQL.

CREATE TABLE users (
  user_id       TEXT    NOT NULL PRIMARY KEY,
  username      TEXT    NULL UNIQUE, -- NULL for guests
  display_name  TEXT    NOT NULL,
  guest         INTEGER NOT NULL DEFAULT 0,
  password_hash TEXT    NOT NULL DEFAULT '',
  created_at    INTEGER NOT NULL
);

CREATE TABLE conversations (
  conversation_id TEXT    NOT NULL PRIMARY KEY,
  kind            TEXT    NOT NULL CHECK (kind IN ('direct', 'group')),
  name            TEXT    NOT NULL DEFAULT '',
  announcement    TEXT    NOT NULL DEFAULT '',
  member_count    INTEGER NOT NULL DEFAULT 0, -- kept with members in the same transactions
  created_at      INTEGER NOT NULL,
  seq_reserved    INTEGER NOT NULL DEFAULT 0  -- async persistence's seq reservation (MySQL's 002)
);

CREATE TABLE members (
  conversation_id TEXT    NOT NULL,
  user_id         TEXT    NOT NULL,
  role            TEXT    NOT NULL DEFAULT 'member' CHECK (role IN ('admin', 'member')),
  joined_at       INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, user_id)
) WITHOUT ROWID;
CREATE INDEX ix_members_user ON members (user_id, conversation_id);

-- keyed by (conversation_id, seq): a sync page is one range scan, MAX(seq) one index probe
CREATE TABLE messages (
  conversation_id TEXT    NOT NULL,
  seq             INTEGER NOT NULL,
  message_id      TEXT    NOT NULL UNIQUE,
  sender_id       TEXT    NOT NULL,
  content         TEXT    NOT NULL,
  sent_at         INTEGER NOT NULL,
  status          TEXT    NOT NULL DEFAULT 'normal' CHECK (status IN ('normal', 'recalled', 'deleted')),
  idempotency_key TEXT    NULL, -- NULL when the client gave none (NULLs never collide in a UNIQUE index)
  PRIMARY KEY (conversation_id, seq)
);
-- an idempotency key is scoped to (conversation, sender), as MySQL's 003
CREATE UNIQUE INDEX uq_messages_conv_sender_key ON messages (conversation_id, sender_id, idempotency_key);

CREATE TABLE read_cursors (
  conversation_id TEXT    NOT NULL,
  user_id         TEXT    NOT NULL,
  read_seq        INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, user_id)
) WITHOUT ROWID;

CREATE TABLE friend_requests (
  from_user_id TEXT    NOT NULL,
  to_user_id   TEXT    NOT NULL,
  status       TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted')),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  PRIMARY KEY (from_user_id, to_user_id)
) WITHOUT ROWID;
CREATE INDEX ix_friend_requests_to ON friend_requests (to_user_id);

-- the transactional outbox: rows are written with the change they announce and published by the relay in id
-- order; AUTOINCREMENT so an id is never reused after the newest rows are purged
CREATE TABLE outbox (
  id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  topic        TEXT    NOT NULL,
  msg_key      TEXT    NULL,
  value        BLOB    NOT NULL,
  headers      TEXT    NOT NULL, -- JSON
  created_at   INTEGER NOT NULL,
  published_at INTEGER NULL
);
CREATE INDEX ix_outbox_pending ON outbox (id) WHERE published_at IS NULL;
CREATE INDEX ix_outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;
