-- An idempotency key is scoped to (conversation, sender), not to the sender alone: the same key sent to two
-- conversations is two sends (before, the second was answered with the first's id and seq and never stored).
-- One ALTER, so it applies whole or not at all; every existing row stays unique under the wider key.
ALTER TABLE messages
  DROP INDEX uq_messages_sender_key,
  ADD UNIQUE KEY uq_messages_conv_sender_key (conversation_id, sender_id, idempotency_key);
