// History search, what both SQL stores share (src/drivers/sqlite/search.ts, src/drivers/mysql/search.ts): the
// columns a hit is read with, the page cursor's condition, and the backfill of messages stored before the index.
import type { SearchPosition } from '../../domain/search.js'
import { MSG_COLS } from './rows.js'

/** MSG_COLS of messages `m` (the index tables name conversation_id and seq too) */
export const HIT_COLS = MSG_COLS.split(', ')
  .map((c) => `m.${c}`)
  .join(', ')

/** what a hit must be besides matching: text, neither recalled nor deleted, in a conversation of the user (param) */
export const HIT_FILTER =
  "m.kind = 'text' AND m.status = 'normal' AND m.conversation_id IN (SELECT conversation_id FROM members WHERE user_id = ?)"

/** newest first; the cursor below is the same order */
export const HIT_ORDER = 'ORDER BY m.sent_at DESC, m.conversation_id DESC, m.seq DESC'

/** hits after a page's last one (parameters: positionParams) */
export const AFTER_POSITION =
  '(m.sent_at < ? OR (m.sent_at = ? AND (m.conversation_id < ? OR (m.conversation_id = ? AND m.seq < ?))))'
export const positionParams = (p: SearchPosition) => [p.sentAt, p.sentAt, p.conversationId, p.conversationId, p.seq]

/** messages read and indexed per backfill step (one transaction each) */
export const SEARCH_BACKFILL_BATCH = 1000

/** one backfill step: messages after the (conversation_id, seq) cursor, in primary key order */
export const PENDING_SEARCH = `SELECT conversation_id, seq, kind, status, content FROM messages
  WHERE conversation_id > ? OR (conversation_id = ? AND seq > ?)
  ORDER BY conversation_id, seq LIMIT ${SEARCH_BACKFILL_BATCH}`
