// StoreMessage calls of many conversations stored in one transaction (group commit; the batcher is batcher.ts).
//
// Under the locks of every conversation in the batch (taken in conversation-id order, so concurrent batches
// cannot deadlock each other; the same query reads each one's last seq): seqs are allocated per conversation in
// arrival order, counted up locally (a message that fails before its INSERT takes none, so the next one gets its
// seq), then all message rows go in one multi-row INSERT and all outbox rows in another. Idempotency keys are not
// looked up first: a key stored before makes the multi-row INSERT fail on the unique key, InnoDB rolls that
// statement back whole, and the batch is inserted message by message, each under a savepoint of its own with a
// seq read afresh (a repeated key answers with the first message), still under the same locks, so the
// conversation's order holds and a message that was a repeat or failed leaves no gap. The same path takes a seq
// taken by a concurrent insertMessages or a value refused. Each message's outcome is its own: a missing
// conversation, a refused outbox record or a failing hook fails only that caller. Seqs are only ever allocated
// inside the transaction, so one that does not commit (a deadlock retry, a killed repo, MySQL gone) spends none.
// Batches ask for their locks in batch order (MysqlMessages), so a conversation's messages commit in arrival order.
import type mysql from 'mysql2/promise'
import { AppError } from '../../core/errors.js'
import {
  checkOutbox,
  type ConversationRow,
  type MessageDraft,
  type MessageRow,
  type OutboxRecord,
  type StoredMessage,
  type StoreMessageHooks,
} from '../../ports/store.js'
import type { Outcome } from '../../core/batcher.js'
import { CONV_COLS, MSG_COLS, MSG_VALUES, messageValues, toConversation, toMessage } from '../sql/rows.js'
import { chunks, duplicateKey } from './rows.js'
import { indexMessages } from './search.js'

type Conn = mysql.PoolConnection
type Rows = mysql.RowDataPacket[]

export interface PendingMessage {
  draft: MessageDraft
  hooks: StoreMessageHooks
}

/** the same key again within one batch: stored after the batch commits (then it finds the first as a duplicate) */
export const AGAIN = Symbol('again')
export type BatchOutcome = Outcome<StoredMessage | typeof AGAIN>

/** a conversation locked by the batch, with its seq reservation (async persistence's; see Store.storeMessage) */
interface Locked {
  conversation: ConversationRow
  reserved: number
}

/** a locked conversation as the batch read it: its row, seq reservation and last stored seq */
interface LockedRow extends Locked {
  maxSeq: number
}

interface Ready extends Locked {
  i: number
  item: PendingMessage
  message: MessageRow
  outbox: OutboxRecord[]
}

/** InnoDB rolled the whole transaction back (no savepoint left): the caller runs it again */
const isDeadlock = (err: unknown) => (err as { errno?: number }).errno === 1213
const keyOf = (m: Pick<MessageDraft, 'conversationId' | 'senderId' | 'idempotencyKey'>) =>
  `${m.conversationId}\0${m.senderId}\0${m.idempotencyKey}`
const fail = (error: unknown): Outcome<StoredMessage> => ({ error })

/** `locked` runs once the batch holds its conversations' locks (the next batch may then ask for them) */
export async function storeBatch(c: Conn, items: PendingMessage[], locked?: () => void): Promise<BatchOutcome[]> {
  const out: BatchOutcome[] = new Array(items.length)
  const ids = [...new Set(items.map((p) => p.draft.conversationId))]
  // the locks, and each conversation's last stored seq with them: one round trip for the whole batch
  const [convRows] = await c.query<Rows>(
    `SELECT ${CONV_COLS}, seq_reserved,
       (SELECT COALESCE(MAX(m.seq), 0) FROM messages m WHERE m.conversation_id = conversations.conversation_id) AS max_seq
     FROM conversations WHERE conversation_id IN (?) ORDER BY conversation_id FOR UPDATE`,
    [ids],
  )
  locked?.()
  const conversations = new Map<string, LockedRow>(
    convRows.map((r) => [
      r.conversation_id as string,
      { conversation: toConversation(r), reserved: Number(r.seq_reserved), maxSeq: Number(r.max_seq) },
    ]),
  )

  // per conversation, in arrival order
  const byConversation = new Map<string, number[]>()
  const keysInBatch = new Set<string>()
  items.forEach((p, i) => {
    const d = p.draft
    if (!conversations.has(d.conversationId))
      return void (out[i] = fail(new AppError('not_found', `conversation ${d.conversationId} not found`)))
    if (d.idempotencyKey) {
      if (keysInBatch.has(keyOf(d))) return void (out[i] = { value: AGAIN })
      keysInBatch.add(keyOf(d))
    }
    const list = byConversation.get(d.conversationId)
    if (list) list.push(i)
    else byConversation.set(d.conversationId, [i])
  })

  const ready: Ready[] = []
  for (const [conversationId, list] of byConversation) {
    const { maxSeq, ...locked } = conversations.get(conversationId)!
    let last = Math.max(maxSeq, locked.reserved)
    for (const i of list) {
      const item = items[i]!
      try {
        const message: MessageRow = { ...item.draft, seq: last + 1 }
        const outbox = item.hooks.outbox({ ...message }, locked.conversation)
        checkOutbox(outbox)
        last = message.seq
        ready.push({ i, item, ...locked, message, outbox })
      } catch (err) {
        out[i] = fail(err)
      }
    }
  }
  ready.sort((a, b) => a.i - b.i)
  if (ready.length === 0) return out

  try {
    await c.query(`INSERT INTO messages (${MSG_COLS}) VALUES ?`, [ready.map((r) => messageValues(r.message))])
  } catch (err) {
    // InnoDB rolled the failed statement back whole and the transaction goes on (a deadlock ends it)
    if (isDeadlock(err)) throw err
    return storeEach(c, ready, out)
  }
  await indexMessages(
    c,
    ready.map((r) => r.message),
    true,
  )
  // checked by checkOutbox; should this insert fail all the same, the transaction rolls back and the store retries
  // each message in a transaction of its own (MysqlStore.storeBatch)
  await insertOutbox(
    c,
    ready.flatMap((r) => r.outbox),
  )
  for (const r of ready) out[r.i] = { value: { message: r.message, duplicate: false } }
  return out
}

/** message by message, each under a savepoint, after the batch's multi-row INSERT failed */
async function storeEach(c: Conn, ready: Ready[], out: BatchOutcome[]): Promise<BatchOutcome[]> {
  for (const r of ready) {
    await c.query('SAVEPOINT one')
    try {
      out[r.i] = { value: await storeOne(c, r) }
    } catch (err) {
      if (isDeadlock(err)) throw err
      await c.query('ROLLBACK TO SAVEPOINT one')
      out[r.i] = fail(err)
    }
  }
  return out
}

/**
 * One message under the batch's locks, its seq read afresh: earlier messages of the batch may have failed, and a
 * concurrent insertMessages (async persistence, which takes no lock) may have stored a seq meanwhile; when its seq
 * turns out taken all the same, it reads MAX(seq) again, once.
 */
async function storeOne(c: Conn, r: Ready): Promise<StoredMessage> {
  const { item, conversation } = r
  for (let again = false; ; again = true) {
    const seq = Math.max(await maxSeqOn(c, r.message.conversationId), r.reserved) + 1
    const message = seq === r.message.seq ? r.message : { ...item.draft, seq }
    try {
      await c.execute(`INSERT INTO messages (${MSG_COLS}) VALUES ${MSG_VALUES}`, messageValues(message))
    } catch (err) {
      const key = duplicateKey(err)
      // the same key, stored meanwhile (by insertMessages)
      if (key === 'uq_messages_conv_sender_key')
        return { message: (await messagesByKey(c, [item.draft])).get(keyOf(item.draft))!, duplicate: true }
      if (key !== 'PRIMARY') throw err
      if (again) throw new AppError('conflict', `seq ${message.seq} of ${message.conversationId} is taken`)
      continue
    }
    await indexMessages(c, [message], true)
    const outbox = message === r.message ? r.outbox : item.hooks.outbox({ ...message }, conversation)
    checkOutbox(outbox)
    await insertOutbox(c, outbox)
    return { message, duplicate: false }
  }
}

/** the messages of these idempotency keys (scoped to conversation and sender), by keyOf */
async function messagesByKey(c: Conn, drafts: MessageDraft[]): Promise<Map<string, MessageRow>> {
  const found = new Map<string, MessageRow>()
  for (const chunk of chunks(drafts)) {
    // ORed equalities on every part of the unique key: point lookups, in MariaDB and MySQL alike
    const where = chunk.map(() => '(conversation_id = ? AND sender_id = ? AND idempotency_key = ?)').join(' OR ')
    const [rows] = await c.query<Rows>(
      `SELECT ${MSG_COLS} FROM messages WHERE ${where}`,
      chunk.flatMap((d) => [d.conversationId, d.senderId, d.idempotencyKey]),
    )
    for (const row of rows) found.set(keyOf(toMessage(row)), toMessage(row))
  }
  return found
}

async function maxSeqOn(c: Conn, conversationId: string): Promise<number> {
  const [rows] = await c.execute<Rows>('SELECT COALESCE(MAX(seq), 0) AS s FROM messages WHERE conversation_id = ?', [
    conversationId,
  ])
  return Number(rows[0]!.s)
}

async function insertOutbox(c: Conn, outbox: OutboxRecord[]): Promise<void> {
  for (const chunk of chunks(outbox)) {
    await c.query('INSERT INTO outbox (topic, msg_key, value, headers) VALUES ?', [
      chunk.map((r) => [r.topic, r.key, r.value, JSON.stringify(r.headers)]),
    ])
  }
}
