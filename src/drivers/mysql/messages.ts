// Messages and seqs in the MySQL store: group-committed StoreMessage (message-batch.ts), history, status
// changes (recall, delete) and read cursors.
import { isOperation } from '../../domain/message.js'
import {
  applyStatusChange,
  needsTarget,
  operatedIfAllowed,
  type MessageDraft,
  type MessageSearch,
  type MessageRow,
  type OutboxRecord,
  type StatusChange,
  type StoredMessage,
  type StoreMessageHooks,
} from '../../ports/store.js'
import { MSG_COLS, MSG_VALUES, messageValues, toMessage } from '../sql/rows.js'
import { duplicateKey, limit } from './rows.js'
import { Batcher } from '../../core/batcher.js'
import { AGAIN, storeBatch, type BatchOutcome, type PendingMessage } from './message-batch.js'
import { MysqlConversations } from './conversations.js'
import { lockedTarget, storeOperation, updateTarget, withReplies } from './operations.js'
import type { Rows } from './store-base.js'
import { indexMessages, searchRows } from './search.js'

/** StoreMessage calls per transaction, and transactions of them at once (the rest of the pool serves the rest) */
const GROUP_COMMIT = { maxBatch: 200, maxInFlight: 2 }

export abstract class MysqlMessages extends MysqlConversations {
  private readonly messages = new Batcher<PendingMessage, StoredMessage | typeof AGAIN>(
    (items) => this.storeBatch(items),
    GROUP_COMMIT,
  )
  /** settles once the last batch handed to the batcher holds its locks (or has failed) */
  private lockTurn: Promise<void> = Promise.resolve()

  /** group commit: concurrent calls share a transaction (message-batch.ts), each with its own outcome */
  async storeMessage(draft: MessageDraft, hooks: StoreMessageHooks): Promise<StoredMessage> {
    // operations and replies read another message under the lock: a transaction of their own (operations.ts)
    if (needsTarget(draft)) return this.tx((c) => storeOperation(c, draft, hooks, (c2, o) => this.insertOutbox(c2, o)))
    const stored = await this.messages.add({ draft, hooks })
    // the same key as another message of the same batch: now that one is stored, this finds it
    return stored === AGAIN ? this.storeMessage(draft, hooks) : stored
  }

  /**
   * A batch's transaction. When it fails as a whole (not one message: those fail alone inside it), each message
   * gets a transaction of its own, one conversation's in order. Seqs are allocated inside the transaction, so the
   * failed attempt's (and a deadlock victim's, run again by tx) were rolled back with it: none is spent.
   */
  private async storeBatch(items: PendingMessage[]): Promise<BatchOutcome[]> {
    // the batcher runs two batches at once: the later one asks for its locks only once the earlier one holds its
    // own, so a conversation's messages in both get seqs in the order they were added (the earlier batch's first)
    const turn = this.lockTurn
    let release!: () => void
    this.lockTurn = new Promise<void>((r) => (release = r))
    try {
      return await this.tx(async (c) => {
        await turn
        return storeBatch(c, items, release)
      })
    } catch (err) {
      if (items.length === 1) throw err
      const out: BatchOutcome[] = new Array(items.length)
      const byConversation = new Map<string, number[]>()
      items.forEach((p, i) =>
        byConversation.set(p.draft.conversationId, [...(byConversation.get(p.draft.conversationId) ?? []), i]),
      )
      await Promise.all(
        [...byConversation.values()].map(async (list) => {
          for (const i of list) {
            out[i] = await this.tx((c) => storeBatch(c, [items[i]!])).then(
              (o) => o[0]!,
              (error: unknown) => ({ error }),
            )
          }
        }),
      )
      return out
    } finally {
      release()
    }
  }

  async insertMessages(messages: MessageRow[]): Promise<MessageRow[]> {
    if (messages.length === 0) return []
    return this.tx(async (c) => {
      const inserted: MessageRow[] = []
      for (const m of messages) {
        try {
          await c.execute(`INSERT INTO messages (${MSG_COLS}) VALUES ${MSG_VALUES}`, messageValues(m))
          await indexMessages(c, [m], true)
          const target = isOperation(m.kind) ? operatedIfAllowed(await lockedTarget(c, m), m) : null
          if (target) await updateTarget(c, target)
          inserted.push(m)
        } catch (err) {
          if (duplicateKey(err) === null) throw err
        }
      }
      return withReplies(c, inserted)
    })
  }

  async maxSeq(conversationId: string): Promise<number> {
    const [rows] = await this.execute<Rows>(
      'SELECT COALESCE(MAX(seq), 0) AS s FROM messages WHERE conversation_id = ?',
      [conversationId],
    )
    return Number(rows[0]!.s)
  }

  async reserveSeq(conversationId: string, atLeast: number): Promise<number> {
    if (atLeast > 0)
      await this.execute(
        'UPDATE conversations SET seq_reserved = GREATEST(seq_reserved, ?) WHERE conversation_id = ?',
        [atLeast, conversationId],
      )
    const [rows] = await this.execute<Rows>('SELECT seq_reserved FROM conversations WHERE conversation_id = ?', [
      conversationId,
    ])
    return rows[0] ? Number(rows[0].seq_reserved) : 0
  }

  async getMessage(conversationId: string, messageId: string): Promise<MessageRow | null> {
    const [rows] = await this.execute<Rows>(
      `SELECT ${MSG_COLS} FROM messages WHERE message_id = ? AND conversation_id = ?`,
      [messageId, conversationId],
    )
    return rows[0] ? (await withReplies(this.pool, [toMessage(rows[0])]))[0]! : null
  }

  async listMessages(conversationId: string, afterSeq: number, n: number): Promise<MessageRow[]> {
    const [rows] = await this.execute<Rows>(
      `SELECT ${MSG_COLS} FROM messages WHERE conversation_id = ? AND seq > ? AND status <> 'deleted' ORDER BY seq ${limit(n)}`,
      [conversationId, afterSeq],
    )
    return withReplies(this.pool, rows.map(toMessage))
  }

  async listPins(conversationId: string, n: number): Promise<MessageRow[]> {
    const [rows] = await this.execute<Rows>(
      `SELECT ${MSG_COLS} FROM messages WHERE conversation_id = ? AND pinned_at > 0 AND status <> 'deleted' ORDER BY seq ${limit(n)}`,
      [conversationId],
    )
    return withReplies(this.pool, rows.map(toMessage))
  }

  async searchMessages(s: MessageSearch): Promise<MessageRow[]> {
    return withReplies(this.pool, (await searchRows(this.pool, s)).map(toMessage))
  }

  async updateMessageStatus(
    conversationId: string,
    messageId: string,
    change: StatusChange,
    outbox: OutboxRecord[],
  ): Promise<MessageRow | null> {
    return this.tx(async (c) => {
      const [rows] = await c.execute<Rows>(
        `SELECT ${MSG_COLS} FROM messages WHERE message_id = ? AND conversation_id = ? FOR UPDATE`,
        [messageId, conversationId],
      )
      if (!rows[0]) return null
      const current = toMessage(rows[0])
      const next = applyStatusChange(current, change)
      if (!next) return current
      await c.execute('UPDATE messages SET status = ?, content = ? WHERE conversation_id = ? AND seq = ?', [
        next.status,
        next.content,
        conversationId,
        current.seq,
      ])
      await indexMessages(c, [next])
      await this.insertOutbox(c, outbox)
      return next
    })
  }

  async setReadSeq(
    conversationId: string,
    userId: string,
    seq: number,
    outbox: OutboxRecord[],
  ): Promise<{ readSeq: number; advanced: boolean }> {
    return this.tx(async (c) => {
      const [rows] = await c.execute<Rows>(
        'SELECT read_seq FROM read_cursors WHERE conversation_id = ? AND user_id = ? FOR UPDATE',
        [conversationId, userId],
      )
      const current = rows[0] ? Number(rows[0].read_seq) : 0
      if (seq <= current) return { readSeq: current, advanced: false }
      // GREATEST: a concurrent first cursor of the same user may have been inserted after the SELECT
      await c.execute(
        `INSERT INTO read_cursors (conversation_id, user_id, read_seq, updated_at) VALUES (?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE read_seq = GREATEST(read_seq, VALUES(read_seq)), updated_at = VALUES(updated_at)`,
        [conversationId, userId, seq, Date.now()],
      )
      await this.insertOutbox(c, outbox)
      return { readSeq: seq, advanced: true }
    })
  }
}
