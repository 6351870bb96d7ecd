// Messages and seqs in the SQLite store: StoreMessage (MAX(seq) + 1 inside one synchronous transaction),
// idempotency keys, history, status changes (recall, delete) and read cursors.
import { AppError } from '../../core/errors.js'
import {
  applyStatusChange,
  operated,
  operatedIfAllowed,
  requireReplied,
  withReply,
  type MessageDraft,
  type MessageSearch,
  type MessageRow,
  type OutboxRecord,
  type StatusChange,
  type StoredMessage,
  type StoreMessageHooks,
} from '../../ports/store.js'
import { isOperation } from '../../domain/message.js'
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
import { SqliteConversations } from './conversations.js'
import { indexMessage, searchRows } from './search.js'

export abstract class SqliteMessages extends SqliteConversations {
  async storeMessage(draft: MessageDraft, hooks: StoreMessageHooks): Promise<StoredMessage> {
    const id = draft.conversationId
    return this.tx(() => {
      const conversation = this.one(
        `SELECT ${CONV_COLS}, seq_reserved FROM conversations WHERE conversation_id = ?`,
        id,
      )
      if (!conversation) throw new AppError('not_found', `conversation ${id} not found`)
      const before = this.messageByKey(draft)
      if (before) return { message: this.shown(before), duplicate: true }
      const message: MessageRow = { ...draft, seq: Math.max(this.maxSeqOf(id), Number(conversation.seq_reserved)) + 1 }
      const target = isOperation(draft.kind) ? operated(this.messageIn(id, draft.targetId), message) : undefined
      const shown = draft.replyTo
        ? withReply(message, requireReplied(this.messageIn(id, draft.replyTo), draft))
        : message
      this.run(`INSERT INTO messages (${MSG_COLS}) VALUES ${MSG_VALUES}`, ...messageValues(message))
      indexMessage(this.db, message, true)
      if (target) this.run(UPDATE_TARGET, ...targetState(target), id, target.seq)
      if (target) indexMessage(this.db, target)
      this.insertOutbox(hooks.outbox({ ...shown }, toConversation(conversation)))
      return { message: shown, duplicate: false }
    })
  }

  /** the message of this id in this conversation */
  private messageIn(conversationId: string, messageId: string): MessageRow | null {
    const r = this.one(
      `SELECT ${MSG_COLS} FROM messages WHERE message_id = ? AND conversation_id = ?`,
      messageId,
      conversationId,
    )
    return r ? toMessage(r) : null
  }

  /** `m` as reads show it: with the preview of the message it replies to */
  private shown(m: MessageRow): MessageRow {
    return m.replyTo ? withReply(m, this.messageIn(m.conversationId, m.replyTo)) : m
  }

  async insertMessages(messages: MessageRow[]): Promise<MessageRow[]> {
    return this.tx(() => {
      const insert = this.stmt(`INSERT INTO messages (${MSG_COLS}) VALUES ${MSG_VALUES} ON CONFLICT DO NOTHING`)
      return messages
        .filter((m) => {
          if (insert.run(...messageValues(m)).changes !== 1) return false
          indexMessage(this.db, m, true)
          const target = isOperation(m.kind) ? operatedIfAllowed(this.messageIn(m.conversationId, m.targetId), m) : null
          if (target) this.run(UPDATE_TARGET, ...targetState(target), m.conversationId, target.seq)
          if (target) indexMessage(this.db, target)
          return true
        })
        .map((m) => this.shown({ ...m }))
    })
  }

  async maxSeq(conversationId: string): Promise<number> {
    return this.maxSeqOf(conversationId)
  }

  async reserveSeq(conversationId: string, atLeast: number): Promise<number> {
    if (atLeast > 0)
      this.run(
        'UPDATE conversations SET seq_reserved = MAX(seq_reserved, ?) WHERE conversation_id = ?',
        atLeast,
        conversationId,
      )
    const r = this.one('SELECT seq_reserved FROM conversations WHERE conversation_id = ?', conversationId)
    return r ? Number(r.seq_reserved) : 0
  }

  async getMessage(conversationId: string, messageId: string): Promise<MessageRow | null> {
    const m = this.messageIn(conversationId, messageId)
    return m ? this.shown(m) : null
  }

  async listMessages(conversationId: string, afterSeq: number, limit: number): Promise<MessageRow[]> {
    return this.all(
      `SELECT ${MSG_COLS} FROM messages WHERE conversation_id = ? AND seq > ? AND status <> 'deleted' ORDER BY seq LIMIT ?`,
      conversationId,
      afterSeq,
      Math.max(0, Math.trunc(limit)),
    ).map((r) => this.shown(toMessage(r)))
  }

  async listPins(conversationId: string, limit: number): Promise<MessageRow[]> {
    return this.all(
      `SELECT ${MSG_COLS} FROM messages WHERE conversation_id = ? AND pinned_at > 0 AND status <> 'deleted' ORDER BY seq LIMIT ?`,
      conversationId,
      Math.max(0, Math.trunc(limit)),
    ).map((r) => this.shown(toMessage(r)))
  }

  async searchMessages(s: MessageSearch): Promise<MessageRow[]> {
    return searchRows(this.db, s).map((r) => this.shown(toMessage(r)))
  }

  async updateMessageStatus(
    conversationId: string,
    messageId: string,
    change: StatusChange,
    outbox: OutboxRecord[],
  ): Promise<MessageRow | null> {
    return this.tx(() => {
      const r = this.one(
        `SELECT ${MSG_COLS} FROM messages WHERE message_id = ? AND conversation_id = ?`,
        messageId,
        conversationId,
      )
      if (!r) return null
      const current = toMessage(r)
      const next = applyStatusChange(current, change)
      if (!next) return current
      this.run(
        'UPDATE messages SET status = ?, content = ? WHERE conversation_id = ? AND seq = ?',
        next.status,
        next.content,
        conversationId,
        current.seq,
      )
      indexMessage(this.db, next)
      this.insertOutbox(outbox)
      return next
    })
  }

  async setReadSeq(
    conversationId: string,
    userId: string,
    seq: number,
    outbox: OutboxRecord[],
  ): Promise<{ readSeq: number; advanced: boolean }> {
    return this.tx(() => {
      const r = this.one(
        'SELECT read_seq FROM read_cursors WHERE conversation_id = ? AND user_id = ?',
        conversationId,
        userId,
      )
      const current = r ? Number(r.read_seq) : 0
      if (seq <= current) return { readSeq: current, advanced: false }
      this.run(
        `INSERT INTO read_cursors (conversation_id, user_id, read_seq, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (conversation_id, user_id) DO UPDATE SET read_seq = excluded.read_seq, updated_at = excluded.updated_at`,
        conversationId,
        userId,
        seq,
        Date.now(),
      )
      this.insertOutbox(outbox)
      return { readSeq: seq, advanced: true }
    })
  }

  /** the message of an idempotency key, which is scoped to (conversation, sender); never for an empty key */
  private messageByKey(m: Pick<MessageDraft, 'conversationId' | 'senderId' | 'idempotencyKey'>): MessageRow | null {
    if (!m.idempotencyKey) return null
    const r = this.one(
      `SELECT ${MSG_COLS} FROM messages WHERE conversation_id = ? AND sender_id = ? AND idempotency_key = ?`,
      m.conversationId,
      m.senderId,
      m.idempotencyKey,
    )
    return r ? toMessage(r) : null
  }
}
