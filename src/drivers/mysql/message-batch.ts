// StoreMessage calls of many conversations stored in one transaction (group commit; the batcher is batcher.ts).
//
// Under the locks of every conversation in the batch (taken in conversation-id order, so concurrent batches
// cannot deadlock each other): the idempotency keys are looked up in one query, seqs allocated per conversation
// in arrival order (`maxSeq` counts the batch's own earlier messages, so it stays exact), then all message rows
// go in one multi-row INSERT and all outbox rows in another. Each message's outcome is its own: a missing
// conversation, a refused outbox record or a failing hook fails only that caller; when a multi-row INSERT fails
// (a seq taken, a key stored meanwhile, a value refused), the batch rolls back to a savepoint and inserts message
// by message, each under a savepoint of its own, still under the same locks, so the conversation's order holds.
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
import { CONV_COLS, MSG_COLS, messageValues, toConversation, toMessage } from '../sql/rows.js'
import { chunks, duplicateKey } from './rows.js'

type Conn = mysql.PoolConnection
type Rows = mysql.RowDataPacket[]

export interface PendingMessage {
  draft: MessageDraft
  hooks: StoreMessageHooks
  /** allocated by an earlier attempt of the same batch (a deadlock retry), kept so no seq is spent twice */
  seq?: number
}

/** the same key again within one batch: stored after the batch commits (then it finds the first as a duplicate) */
export const AGAIN = Symbol('again')
export type BatchOutcome = Outcome<StoredMessage | typeof AGAIN>

interface Ready {
  i: number
  item: PendingMessage
  conversation: ConversationRow
  message: MessageRow
  outbox: OutboxRecord[]
}

/** InnoDB rolled the whole transaction back (no savepoint left): the caller runs it again */
const isDeadlock = (err: unknown) => (err as { errno?: number }).errno === 1213
const keyOf = (m: Pick<MessageDraft, 'conversationId' | 'senderId' | 'idempotencyKey'>) =>
  `${m.conversationId}\0${m.senderId}\0${m.idempotencyKey}`
const fail = (error: unknown): Outcome<StoredMessage> => ({ error })

export async function storeBatch(c: Conn, items: PendingMessage[]): Promise<BatchOutcome[]> {
  const out: BatchOutcome[] = new Array(items.length)
  const ids = [...new Set(items.map((p) => p.draft.conversationId))]
  const [convRows] = await c.query<Rows>(
    `SELECT ${CONV_COLS} FROM conversations WHERE conversation_id IN (?) ORDER BY conversation_id FOR UPDATE`,
    [ids],
  )
  const conversations = new Map(convRows.map((r) => [r.conversation_id as string, toConversation(r)]))
  const seen = await messagesByKey(
    c,
    items.filter((p) => p.draft.idempotencyKey && conversations.has(p.draft.conversationId)).map((p) => p.draft),
  )

  // per conversation, in arrival order
  const byConversation = new Map<string, number[]>()
  const keysInBatch = new Set<string>()
  items.forEach((p, i) => {
    const d = p.draft
    if (!conversations.has(d.conversationId))
      return void (out[i] = fail(new AppError('not_found', `conversation ${d.conversationId} not found`)))
    if (d.idempotencyKey) {
      const first = seen.get(keyOf(d))
      if (first) return void (out[i] = { value: { message: first, duplicate: true } })
      if (keysInBatch.has(keyOf(d))) return void (out[i] = { value: AGAIN })
      keysInBatch.add(keyOf(d))
    }
    const list = byConversation.get(d.conversationId)
    if (list) list.push(i)
    else byConversation.set(d.conversationId, [i])
  })

  const ready: Ready[] = []
  await Promise.all(
    [...byConversation].map(async ([conversationId, list]) => {
      const conversation = conversations.get(conversationId)!
      let batchMax = 0
      const maxSeq = async () => Math.max(await maxSeqOn(c, conversationId), batchMax)
      for (const i of list) {
        const item = items[i]!
        try {
          item.seq ??= await item.hooks.allocateSeq(maxSeq, false)
          const message: MessageRow = { ...item.draft, seq: item.seq }
          const outbox = item.hooks.outbox({ ...message }, conversation)
          checkOutbox(outbox)
          batchMax = Math.max(batchMax, item.seq)
          ready.push({ i, item, conversation, message, outbox })
        } catch (err) {
          out[i] = fail(err)
        }
      }
    }),
  )
  ready.sort((a, b) => a.i - b.i)
  if (ready.length === 0) return out

  await c.query('SAVEPOINT batch')
  try {
    await c.query(`INSERT INTO messages (${MSG_COLS}) VALUES ?`, [ready.map((r) => messageValues(r.message))])
    await insertOutbox(
      c,
      ready.flatMap((r) => r.outbox),
    )
    for (const r of ready) out[r.i] = { value: { message: r.message, duplicate: false } }
    return out
  } catch (err) {
    if (isDeadlock(err)) throw err
    await c.query('ROLLBACK TO SAVEPOINT batch')
  }
  const stored = new Map<string, number>()
  for (const r of ready) {
    await c.query('SAVEPOINT one')
    try {
      out[r.i] = { value: await storeOne(c, r, stored.get(r.message.conversationId) ?? 0) }
      stored.set(r.message.conversationId, (out[r.i] as { value: StoredMessage }).value.message.seq)
    } catch (err) {
      if (isDeadlock(err)) throw err
      await c.query('ROLLBACK TO SAVEPOINT one')
      out[r.i] = fail(err)
    }
  }
  return out
}

/** one message under the batch's locks, repairing its seq when taken (or not above the last one stored here) */
async function storeOne(c: Conn, r: Ready, lastStored: number): Promise<StoredMessage> {
  const { item, conversation } = r
  const maxSeq = () => maxSeqOn(c, r.message.conversationId)
  const reallocate = async () => (item.seq = await item.hooks.allocateSeq(maxSeq, true))
  let message = r.message.seq > lastStored ? r.message : { ...item.draft, seq: await reallocate() }
  for (let repair = false; ; repair = true) {
    try {
      await c.execute(`INSERT INTO messages (${MSG_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, messageValues(message))
      break
    } catch (err) {
      const key = duplicateKey(err)
      // the same key, stored meanwhile (by insertMessages)
      if (key === 'uq_messages_conv_sender_key')
        return { message: (await messagesByKey(c, [item.draft])).get(keyOf(item.draft))!, duplicate: true }
      if (key !== 'PRIMARY') throw err
      if (repair) throw new AppError('conflict', `seq ${message.seq} of ${message.conversationId} is taken`)
      message = { ...item.draft, seq: await reallocate() }
    }
  }
  const outbox = message === r.message ? r.outbox : item.hooks.outbox({ ...message }, conversation)
  checkOutbox(outbox)
  await insertOutbox(c, outbox)
  return { message, duplicate: false }
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
