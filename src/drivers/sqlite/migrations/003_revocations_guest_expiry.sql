-- Revoked tokens, durable (as MySQL's 005), and the guest sweep's index (as MySQL's 006).
CREATE TABLE revoked_tokens (
  jti        TEXT    NOT NULL PRIMARY KEY,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_revoked_tokens_expires ON revoked_tokens (expires_at);
CREATE INDEX ix_users_guest_created ON users (guest, created_at);
