// The SQL both SQL drivers run for retention (src/ports/retention.ts). The sweep finds candidates by index —
// ix_messages_expiry (kind, sent_at) for the deployment's limit, ix_messages_conv_expiry (conversation_id, kind,
// sent_at) for a conversation's own — so tombstones already made are never read again.
import { type ExpiredRecord, type RetentionSettings, withoutReactor } from '../../ports/retention.js'
import { MSG_COLS, type Row, stateColumn, stateFromColumn } from './rows.js'

export const GET_RETENTION = 'SELECT retention_days, ttl_seconds FROM conversations WHERE conversation_id = ?'
export const SET_RETENTION = 'UPDATE conversations SET retention_days = ?, ttl_seconds = ? WHERE conversation_id = ?'
/** conversations with settings of their own */
export const WITH_SETTINGS =
  'SELECT conversation_id, retention_days, ttl_seconds FROM conversations WHERE retention_days > 0 OR ttl_seconds > 0'
const CANDIDATE_COLS = 'conversation_id, seq, message_id, attachment_id'
export const EXPIRED_ANYWHERE = `SELECT ${CANDIDATE_COLS} FROM messages WHERE kind <> 'expired' AND sent_at <= ? LIMIT ?`
export const EXPIRED_IN = `SELECT ${CANDIDATE_COLS} FROM messages WHERE conversation_id = ? AND kind <> 'expired' AND sent_at <= ? LIMIT ?`
/** what a record keeps as a tombstone (src/ports/retention.ts tombstone): the WHERE keeps a second sweep a no-op */
export const TOMBSTONE = `UPDATE messages SET kind = 'expired', content = '', mentions = NULL, op_state = NULL,
  reply_to = NULL, target_id = NULL, attachment = NULL, attachment_id = NULL
  WHERE conversation_id = ? AND seq = ? AND kind <> 'expired'`

/** the tombstone of one record of one sender (gochat users erase) */
export const ERASE_SENT = `${TOMBSTONE} AND sender_id = ?`
export const MESSAGE_REF =
  'SELECT message_id, attachment_id, kind, target_id FROM messages WHERE conversation_id = ? AND seq = ? AND sender_id = ?'
/** the target of an erased reaction record, to take the user's reaction off it */
export const TARGET_REACTIONS = 'SELECT seq, op_state FROM messages WHERE conversation_id = ? AND message_id = ?'
export const SET_REACTIONS = 'UPDATE messages SET op_state = ? WHERE conversation_id = ? AND seq = ?'
/** the target's operation state without the user's reactions, as the column stores it; null when nothing changes */
export function reactionsWithout(column: unknown, userId: string): { value: string | null } | null {
  const now = stateFromColumn(column)
  const reactions = withoutReactor(now.reactions, userId)
  if (JSON.stringify(reactions) === JSON.stringify(now.reactions)) return null
  return { value: stateColumn({ ...now, reactions }) }
}

export const toSettings = (r: Row): RetentionSettings => ({
  retentionDays: Number(r.retention_days),
  ttlSeconds: Number(r.ttl_seconds),
})

export const toExpired = (r: Row): ExpiredRecord => ({
  conversationId: String(r.conversation_id),
  messageId: String(r.message_id),
  seq: Number(r.seq),
  attachmentId: (r.attachment_id as string | null) ?? '',
})

/** whether a record still carries the attachment (ix_messages_attachment) */
export const CARRIED = 'SELECT 1 AS n FROM messages WHERE attachment_id = ? LIMIT 1'

export const SENT_BY = `SELECT ${MSG_COLS} FROM messages WHERE sender_id = ?
  AND (conversation_id > ? OR (conversation_id = ? AND seq > ?)) ORDER BY conversation_id, seq LIMIT ?`
