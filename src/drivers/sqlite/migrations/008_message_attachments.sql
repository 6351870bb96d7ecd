-- Image, file and voice messages, as MySQL's 011: the attachment a message carries (JSON) and its id, by index.
ALTER TABLE messages ADD COLUMN attachment_id TEXT NULL;
ALTER TABLE messages ADD COLUMN attachment TEXT NULL;
CREATE INDEX ix_messages_attachment ON messages (attachment_id);
