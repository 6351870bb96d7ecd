-- Attachment thumbnails and lifecycle (issue 25): an image's thumbnail descriptor (JSON {width, height, size, mime};
-- its bytes are a blob of their own), and an index by creation time for the hourly sweep of orphans (slots never
-- completed or never sent). A nullable column and an index, added in place: it applies to a live database.
ALTER TABLE attachments ADD COLUMN thumbnail TEXT NULL COMMENT 'JSON {width, height, size, mime}';
CREATE INDEX ix_attachments_created ON attachments (created_at);
