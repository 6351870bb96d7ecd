-- History search (src/domain/search.ts, src/drivers/sqlite/search.ts). The tokens are computed by gochat (CJK as
-- characters and pairs, each encoded "k<hex>"), so FTS5's unicode61 tokenizer only splits them at spaces.
-- message_search_rows names the message of each index entry: its id is the FTS5 rowid (messages' own rowid could
-- change under VACUUM, as messages has no INTEGER PRIMARY KEY).
CREATE TABLE message_search_rows (
  id              INTEGER PRIMARY KEY,
  conversation_id TEXT    NOT NULL,
  seq             INTEGER NOT NULL,
  UNIQUE (conversation_id, seq)
);
-- contentless: the tokens are not kept twice, and contentless_delete lets an entry be deleted by rowid alone
CREATE VIRTUAL TABLE message_search USING fts5(tokens, content = '', contentless_delete = 1, tokenize = 'unicode61');
-- messages written before this migration are indexed right after it, a batch a transaction, from this cursor
CREATE TABLE search_backfill (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  conversation_id TEXT    NOT NULL,
  seq             INTEGER NOT NULL,
  done            INTEGER NOT NULL
);
INSERT INTO search_backfill (id, conversation_id, seq, done) VALUES (1, '', 0, 0);
