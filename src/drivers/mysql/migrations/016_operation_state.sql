-- The state operations give a message (edits, reactions, pin: src/domain/message.ts OperationState) in one JSON
-- column the store keeps opaquely, instead of a column per field: a new operation then needs no migration. Existing
-- rows keep their state (moved, then the old columns dropped); pinned_at stays, as a virtual column read off the
-- JSON, for the pins' index. Each statement on its own: MySQL DDL is not transactional.
ALTER TABLE messages ADD COLUMN op_state TEXT NULL COMMENT 'JSON of OperationState fields that differ from fresh; NULL: none';
UPDATE messages
   SET op_state = JSON_OBJECT('editedAt', edited_at, 'editCount', edit_count, 'editSeq', edit_seq,
                              'reactions', JSON_EXTRACT(COALESCE(reactions, '[]'), '$'), 'pinnedAt', pinned_at)
 WHERE edited_at <> 0 OR edit_count <> 0 OR edit_seq <> 0 OR reactions IS NOT NULL OR pinned_at <> 0;
DROP INDEX ix_messages_pinned ON messages;
ALTER TABLE messages DROP COLUMN edited_at, DROP COLUMN edit_count, DROP COLUMN edit_seq, DROP COLUMN reactions,
  DROP COLUMN pinned_at;
ALTER TABLE messages
  ADD COLUMN pinned_at BIGINT AS (COALESCE(JSON_VALUE(op_state, '$.pinnedAt'), 0)) VIRTUAL COMMENT 'epoch ms, 0: not pinned',
  ADD INDEX ix_messages_pinned (conversation_id, pinned_at);
