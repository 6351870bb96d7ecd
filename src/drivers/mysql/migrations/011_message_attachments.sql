-- Image, file and voice messages (issue 25): the attachment a message carries, as logic read it from the attachments
-- table when it was sent (JSON MessageAttachment), and its id on its own so that a download can ask "was this
-- attachment sent in a conversation of this user's?" by index. Nullable columns, added in place: it applies to a
-- live database (existing rows carry no attachment).
ALTER TABLE messages
  ADD COLUMN attachment_id VARCHAR(64) NULL,
  ADD COLUMN attachment    TEXT        NULL COMMENT 'JSON {attachmentId, mime, size, name, sha256, width, height, durationMs}';
CREATE INDEX ix_messages_attachment ON messages (attachment_id);
