-- Retention and disappearing messages, as MySQL's 014: a conversation's own limits, the sweep's indexes, and
-- the index export and erase find a user's records by.
ALTER TABLE conversations ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN ttl_seconds INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_conversations_retention ON conversations (retention_days);
CREATE INDEX ix_conversations_ttl ON conversations (ttl_seconds);
CREATE INDEX ix_messages_expiry ON messages (kind, sent_at);
CREATE INDEX ix_messages_conv_expiry ON messages (conversation_id, kind, sent_at);
CREATE INDEX ix_messages_sender ON messages (sender_id, conversation_id, seq);
