// Records that read another message in their transaction: operations (applied to their target, locked) and
// replies (their original's preview). They take the conversation's lock and the next seq as a group-committed
// message does (message-batch.ts), one transaction each: a target's state decides whether they are stored at all.
import type mysql from 'mysql2/promise'
import { AppError } from '../../core/errors.js'
import { isOperation } from '../../domain/message.js'
import {
  checkOutbox,
  type MessageDraft,
  type MessageRow,
  operated,
  type OutboxRecord,
  requireReplied,
  type StoredMessage,
  type StoreMessageHooks,
  withReply,
} from '../../ports/store.js'
import {
  CONV_COLS,
  MSG_COLS,
  MSG_VALUES,
  messageValues,
  targetState,
  toConversation,
  toMessage,
  UPDATE_TARGET,
} from '../sql/rows.js'
import { duplicateKey } from './rows.js'
import { indexMessages } from './search.js'

type Conn = mysql.PoolConnection
type Reader = Pick<mysql.Pool, 'query'>
type Rows = mysql.RowDataPacket[]

async function messageIn(c: Reader, conversationId: string, messageId: string, lock = false) {
  const [rows] = await c.query<Rows>(
    `SELECT ${MSG_COLS} FROM messages WHERE message_id = ? AND conversation_id = ?${lock ? ' FOR UPDATE' : ''}`,
    [messageId, conversationId],
  )
  return rows[0] ? toMessage(rows[0]) : null
}

export async function storeOperation(
  c: Conn,
  draft: MessageDraft,
  hooks: StoreMessageHooks,
  insertOutbox: (c: Conn, outbox: OutboxRecord[]) => Promise<void>,
): Promise<StoredMessage> {
  const id = draft.conversationId
  const [convRows] = await c.query<Rows>(
    `SELECT ${CONV_COLS}, seq_reserved,
       (SELECT COALESCE(MAX(m.seq), 0) FROM messages m WHERE m.conversation_id = conversations.conversation_id) AS max_seq
     FROM conversations WHERE conversation_id = ? FOR UPDATE`,
    [id],
  )
  const row = convRows[0]
  if (!row) throw new AppError('not_found', `conversation ${id} not found`)
  if (draft.idempotencyKey) {
    const [rows] = await c.query<Rows>(
      `SELECT ${MSG_COLS} FROM messages WHERE conversation_id = ? AND sender_id = ? AND idempotency_key = ?`,
      [id, draft.senderId, draft.idempotencyKey],
    )
    if (rows[0]) return { message: (await withReplies(c, [toMessage(rows[0])]))[0]!, duplicate: true }
  }
  const message: MessageRow = { ...draft, seq: Math.max(Number(row.max_seq), Number(row.seq_reserved)) + 1 }
  const target = isOperation(draft.kind) ? operated(await messageIn(c, id, draft.targetId, true), message) : undefined
  const shown = draft.replyTo
    ? withReply(message, requireReplied(await messageIn(c, id, draft.replyTo), draft))
    : message
  const outbox = hooks.outbox({ ...shown }, toConversation(row))
  checkOutbox(outbox)
  try {
    await c.execute(`INSERT INTO messages (${MSG_COLS}) VALUES ${MSG_VALUES}`, messageValues(message))
    await indexMessages(c, [message], true)
  } catch (err) {
    // a seq taken meanwhile by async persistence's insertMessages, which takes no lock
    if (duplicateKey(err) === 'PRIMARY') throw new AppError('conflict', `seq ${message.seq} of ${id} is taken`)
    throw err
  }
  if (target) await updateTarget(c, target)
  await insertOutbox(c, outbox)
  return { message: shown, duplicate: false }
}

/** the target of an operation inserted by insertMessages, locked */
export const lockedTarget = (c: Conn, m: MessageRow) => messageIn(c, m.conversationId, m.targetId, true)

export async function updateTarget(c: Conn, target: MessageRow): Promise<void> {
  await c.execute(UPDATE_TARGET, [...targetState(target), target.conversationId, target.seq])
  await indexMessages(c, [target])
}

/** the rows with the previews of the messages they reply to: one query per conversation among them */
export async function withReplies(c: Reader, rows: MessageRow[]): Promise<MessageRow[]> {
  const wanted = new Map<string, Set<string>>()
  for (const m of rows)
    if (m.replyTo) wanted.set(m.conversationId, (wanted.get(m.conversationId) ?? new Set()).add(m.replyTo))
  if (wanted.size === 0) return rows
  const found = new Map<string, MessageRow>()
  for (const [conversationId, ids] of wanted) {
    const [got] = await c.query<Rows>(
      `SELECT ${MSG_COLS} FROM messages WHERE conversation_id = ? AND message_id IN (?)`,
      [conversationId, [...ids]],
    )
    for (const r of got) found.set(r.message_id as string, toMessage(r))
  }
  return rows.map((m) => (m.replyTo ? withReply(m, found.get(m.replyTo)) : m))
}
