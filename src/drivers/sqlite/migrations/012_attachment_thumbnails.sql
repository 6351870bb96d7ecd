-- Attachment thumbnails and lifecycle, as MySQL's 015: an image's thumbnail descriptor (JSON) and an index by
-- creation time for the orphan sweep.
ALTER TABLE attachments ADD COLUMN thumbnail TEXT NULL;
CREATE INDEX ix_attachments_created ON attachments (created_at);
