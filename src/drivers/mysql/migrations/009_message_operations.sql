-- Message operations in the seq stream (edit, reaction, unreaction, pin, unpin): each is a row of its own kind naming
-- its target, and the target keeps the state they give it (current text and its edits, reactions as JSON, pin
-- time). Replies name the message they answer, mentions are a JSON array of user ids or "@all". Columns with
-- defaults (existing rows are plain text messages), added in place: it applies to a live database.
ALTER TABLE messages
  ADD COLUMN kind       VARCHAR(16) NOT NULL DEFAULT 'text',
  ADD COLUMN target_id  VARCHAR(64) NULL,
  ADD COLUMN reply_to   VARCHAR(64) NULL,
  ADD COLUMN mentions   TEXT        NULL,
  ADD COLUMN edited_at  BIGINT      NOT NULL DEFAULT 0 COMMENT 'epoch ms, 0: never edited',
  ADD COLUMN edit_count INT         NOT NULL DEFAULT 0,
  ADD COLUMN edit_seq   BIGINT      NOT NULL DEFAULT 0 COMMENT 'seq of the edit that set content',
  ADD COLUMN reactions  TEXT        NULL COMMENT 'JSON [{emoji, userIds}]',
  ADD COLUMN pinned_at  BIGINT      NOT NULL DEFAULT 0 COMMENT 'epoch ms, 0: not pinned';
-- a conversation's pins without scanning its history
CREATE INDEX ix_messages_pinned ON messages (conversation_id, pinned_at);
