// Row shapes of the MySQL store: column lists, row → port type conversions, and the duplicate-key reading
// shared by the store and its batched message path (message-batch.ts).
import type mysql from 'mysql2/promise'
import type { ConversationRow, ConversationWithSeq, MemberRow, MessageRow, UserRow } from '../../ports/store.js'

/** rows per multi-row INSERT, well below max_allowed_packet */
const CHUNK = 1000

export const USER_COLS = 'user_id, username, display_name, guest, password_hash, created_at'
export const CONV_COLS = 'conversation_id, kind, name, announcement, member_count, created_at'
export const MEMBER_COLS = 'conversation_id, user_id, role, joined_at'
export const MSG_COLS = 'message_id, conversation_id, seq, sender_id, content, sent_at, status, idempotency_key'
export const LAST_SEQ =
  '(SELECT COALESCE(MAX(m.seq), 0) FROM messages m WHERE m.conversation_id = c.conversation_id) AS last_seq'

export const toUser = (r: mysql.RowDataPacket): UserRow => ({
  userId: r.user_id,
  username: r.username,
  displayName: r.display_name,
  guest: r.guest === 1,
  passwordHash: r.password_hash,
  createdAt: Number(r.created_at),
})
export const toConversation = (r: mysql.RowDataPacket): ConversationRow => ({
  conversationId: r.conversation_id,
  kind: r.kind,
  name: r.name,
  announcement: r.announcement,
  memberCount: Number(r.member_count),
  createdAt: Number(r.created_at),
})
export const toConversationWithSeq = (r: mysql.RowDataPacket): ConversationWithSeq => ({
  ...toConversation(r),
  lastSeq: Number(r.last_seq),
})
export const toMember = (r: mysql.RowDataPacket): MemberRow => ({
  conversationId: r.conversation_id,
  userId: r.user_id,
  role: r.role,
  joinedAt: Number(r.joined_at),
})
export const toMessage = (r: mysql.RowDataPacket): MessageRow => ({
  messageId: r.message_id,
  conversationId: r.conversation_id,
  seq: Number(r.seq),
  senderId: r.sender_id,
  content: r.content,
  sentAt: Number(r.sent_at),
  status: r.status,
  idempotencyKey: r.idempotency_key ?? '',
})
export const messageValues = (m: MessageRow) => [
  m.messageId,
  m.conversationId,
  m.seq,
  m.senderId,
  m.content,
  m.sentAt,
  m.status,
  m.idempotencyKey || null,
]

/** a LIMIT clause: inlined because prepared LIMIT parameters are refused by some MySQL versions */
export const limit = (n: number) => `LIMIT ${Math.max(0, Math.trunc(n))}`

/** the unique key an ER_DUP_ENTRY error is about (MariaDB: 'PRIMARY', MySQL 8: 'messages.PRIMARY'), else null */
export function duplicateKey(err: unknown): string | null {
  const e = err as { errno?: number; message?: string }
  if (e?.errno !== 1062) return null
  return /for key '(?:[^'.]+\.)?([^'.]+)'/.exec(e.message ?? '')?.[1] ?? ''
}

export function chunks<T>(items: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}
