-- Message operations in the seq stream, as MySQL's 009: the row's kind and target, the reply and mentions, and the
-- state operations give a message (current text and its edits, reactions as JSON, pin time).
ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'text';
ALTER TABLE messages ADD COLUMN target_id TEXT NULL;
ALTER TABLE messages ADD COLUMN reply_to TEXT NULL;
ALTER TABLE messages ADD COLUMN mentions TEXT NULL;
ALTER TABLE messages ADD COLUMN edited_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN edit_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN edit_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN reactions TEXT NULL;
ALTER TABLE messages ADD COLUMN pinned_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_messages_pinned ON messages (conversation_id, pinned_at);
