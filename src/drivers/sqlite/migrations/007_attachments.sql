-- Attachments (issue 25), as MySQL's 010: an upload slot (pending) and, once its bytes were checked, what they
-- are (ready). The bytes live in the blob store under the attachment id.
CREATE TABLE attachments (
  attachment_id TEXT    NOT NULL PRIMARY KEY,
  owner_id      TEXT    NOT NULL,
  kind          TEXT    NOT NULL,
  mime          TEXT    NOT NULL,
  size          INTEGER NOT NULL,
  name          TEXT    NOT NULL,
  sha256        TEXT    NOT NULL,
  width         INTEGER,
  height        INTEGER,
  duration_ms   INTEGER,
  state         TEXT    NOT NULL,
  created_at    INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_attachments_owner ON attachments (owner_id, state, expires_at);
