-- Retention and disappearing messages (issue 28): a conversation's own limits (0: not set; see
-- src/ports/retention.ts), and the indexes the sweep finds expired records by without reading tombstones again.
-- Columns with defaults and secondary indexes: InnoDB adds them online, on a live database.
ALTER TABLE conversations
  ADD COLUMN retention_days INT NOT NULL DEFAULT 0,
  ADD COLUMN ttl_seconds    INT NOT NULL DEFAULT 0;
CREATE INDEX ix_conversations_retention ON conversations (retention_days);
CREATE INDEX ix_conversations_ttl ON conversations (ttl_seconds);
CREATE INDEX ix_messages_expiry ON messages (kind, sent_at);
CREATE INDEX ix_messages_conv_expiry ON messages (conversation_id, kind, sent_at);
-- export and erase (gochat users export|erase) find a user's records by sender
CREATE INDEX ix_messages_sender ON messages (sender_id, conversation_id, seq);
