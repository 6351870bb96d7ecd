// Row shapes shared by the SQL stores (MySQL and SQLite have the same tables): column lists, row → port type
// conversions, and the statements whose text is the same in both dialects.
import type {
  Conversation,
  ConversationWithSeq,
  Member,
  MessageRow,
  UserConversation,
  UserRow,
} from '../../ports/store.js'
import { normalizeUsername } from '../../contracts/names.js'
import { changedState, freshState, type MessageAttachment, type OperationState } from '../../domain/message.js'

export type Row = Record<string, unknown>

export const USER_COLS = 'user_id, username, display_name, guest, password_hash, created_at, discoverable'
/** USER_COLS and the normalized username (unique; normalizeUsername), which only the store writes */
export const USER_INSERT_COLS = `${USER_COLS}, username_norm`
export const CONV_COLS = 'conversation_id, kind, name, announcement, member_count, created_at'
export const MEMBER_COLS = 'conversation_id, user_id, role, joined_at'
export const MSG_COLS =
  'message_id, conversation_id, seq, sender_id, content, sent_at, status, idempotency_key, kind, target_id, reply_to, mentions, op_state, attachment_id, attachment'
/** placeholders of MSG_COLS */
export const MSG_VALUES = `(${MSG_COLS.split(', ')
  .map(() => '?')
  .join(', ')})`
/** what an operation changes on its target (parameters: targetState(m), then conversation id and seq) */
export const UPDATE_TARGET =
  'UPDATE messages SET content = ?, mentions = ?, op_state = ? WHERE conversation_id = ? AND seq = ?'
export const targetState = (m: MessageRow) => [m.content, json(m.mentions), stateColumn(m)]
const json = (list: unknown[]) => (list.length ? JSON.stringify(list) : null)
const parsed = <T>(v: unknown): T[] => (typeof v === 'string' && v ? (JSON.parse(v) as T[]) : [])
/**
 * The state operations gave a message (src/domain/message.ts OperationState), kept opaquely in one column: JSON of
 * the fields that differ from freshState, NULL when none does. A new operation's state needs no column or migration.
 * (Migration MySQL 016 / SQLite 013 moved the former columns here; pinned_at is a virtual column read off it, for
 * the pins' index.)
 */
export const stateColumn = (m: OperationState): string | null => {
  const changed = changedState(m)
  return changed ? JSON.stringify(changed) : null
}
export const stateFromColumn = (v: unknown): OperationState =>
  typeof v === 'string' && v ? { ...freshState, ...(JSON.parse(v) as Partial<OperationState>) } : { ...freshState }
export const LAST_SEQ =
  '(SELECT COALESCE(MAX(m.seq), 0) FROM messages m WHERE m.conversation_id = c.conversation_id) AS last_seq'

export const toUser = (r: Row): UserRow => ({
  userId: r.user_id as string,
  username: r.username as string | null,
  displayName: r.display_name as string,
  guest: r.guest === 1,
  passwordHash: r.password_hash as string,
  createdAt: Number(r.created_at),
  discoverable: Number(r.discoverable) === 1,
})
/** users.u is the user of the two parameters or shares a conversation with them (the people search's "contacts") */
export const CONTACT =
  '(u.user_id = ? OR EXISTS (SELECT 1 FROM members a JOIN members b ON b.conversation_id = a.conversation_id WHERE a.user_id = ? AND b.user_id = u.user_id))'
/** the values of USER_INSERT_COLS */
export const userValues = (u: UserRow) => [
  u.userId,
  u.username,
  u.displayName,
  u.guest ? 1 : 0,
  u.passwordHash,
  u.createdAt,
  u.discoverable ? 1 : 0,
  u.username === null ? null : normalizeUsername(u.username),
]
export const toConversation = (r: Row): Conversation => ({
  conversationId: r.conversation_id as string,
  kind: r.kind as Conversation['kind'],
  name: r.name as string,
  announcement: r.announcement as string,
  memberCount: Number(r.member_count),
  createdAt: Number(r.created_at),
})
export const toConversationWithSeq = (r: Row): ConversationWithSeq => ({
  ...toConversation(r),
  lastSeq: Number(r.last_seq),
})
export const toMember = (r: Row): Member => ({
  conversationId: r.conversation_id as string,
  userId: r.user_id as string,
  role: r.role as Member['role'],
  joinedAt: Number(r.joined_at),
})
export const toMessage = (r: Row): MessageRow => ({
  messageId: r.message_id as string,
  conversationId: r.conversation_id as string,
  seq: Number(r.seq),
  senderId: r.sender_id as string,
  content: r.content as string,
  sentAt: Number(r.sent_at),
  status: r.status as MessageRow['status'],
  idempotencyKey: (r.idempotency_key as string | null) ?? '',
  kind: ((r.kind as string | undefined) ?? 'text') as MessageRow['kind'],
  targetId: (r.target_id as string | null) ?? '',
  replyTo: (r.reply_to as string | null) ?? '',
  mentions: parsed<string>(r.mentions),
  ...stateFromColumn(r.op_state),
  ...(typeof r.attachment === 'string' && r.attachment
    ? { attachment: JSON.parse(r.attachment) as MessageAttachment }
    : {}),
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
  m.kind,
  m.targetId || null,
  m.replyTo || null,
  json(m.mentions),
  stateColumn(m),
  m.attachment?.attachmentId ?? null,
  m.attachment ? JSON.stringify(m.attachment) : null,
]

/** a user's conversations (one parameter: the user id); a direct one's other member and their cursor come along */
export const USER_CONVERSATIONS = `SELECT ${CONV_COLS.split(', ')
  .map((col) => `c.${col}`)
  .join(', ')}, ${LAST_SEQ}, COALESCE(r.read_seq, 0) AS read_seq, mb.role,
       p.user_id AS peer_id, COALESCE(pr.read_seq, 0) AS peer_read_seq
  FROM members mb
  JOIN conversations c ON c.conversation_id = mb.conversation_id
  LEFT JOIN read_cursors r ON r.conversation_id = mb.conversation_id AND r.user_id = mb.user_id
  LEFT JOIN members p ON c.kind = 'direct' AND p.conversation_id = mb.conversation_id AND p.user_id <> mb.user_id
  LEFT JOIN read_cursors pr ON pr.conversation_id = p.conversation_id AND pr.user_id = p.user_id
 WHERE mb.user_id = ?
 ORDER BY c.conversation_id`

export const toUserConversation = (r: Row): UserConversation => ({
  conversation: toConversationWithSeq(r),
  readSeq: Number(r.read_seq),
  role: r.role as Member['role'],
  ...(r.peer_id ? { peer: { userId: r.peer_id as string, readSeq: Number(r.peer_read_seq) } } : {}),
})
