-- As MySQL's 016: the state operations give a message in one JSON column (op_state) instead of a column per field,
-- existing rows' state moved into it; pinned_at stays as a virtual column read off it, for the pins' index.
ALTER TABLE messages ADD COLUMN op_state TEXT NULL;
UPDATE messages
   SET op_state = json_object('editedAt', edited_at, 'editCount', edit_count, 'editSeq', edit_seq,
                              'reactions', json(COALESCE(reactions, '[]')), 'pinnedAt', pinned_at)
 WHERE edited_at <> 0 OR edit_count <> 0 OR edit_seq <> 0 OR reactions IS NOT NULL OR pinned_at <> 0;
DROP INDEX ix_messages_pinned;
ALTER TABLE messages DROP COLUMN edited_at;
ALTER TABLE messages DROP COLUMN edit_count;
ALTER TABLE messages DROP COLUMN edit_seq;
ALTER TABLE messages DROP COLUMN reactions;
ALTER TABLE messages DROP COLUMN pinned_at;
ALTER TABLE messages ADD COLUMN pinned_at INTEGER GENERATED ALWAYS AS (COALESCE(json_extract(op_state, '$.pinnedAt'), 0)) VIRTUAL;
CREATE INDEX ix_messages_pinned ON messages (conversation_id, pinned_at);
