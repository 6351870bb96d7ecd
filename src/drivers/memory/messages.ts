// Messages and seqs in the in-memory store: StoreMessage, idempotency keys, history, status changes (recall,
// delete) and read cursors.
import { AppError } from '../../core/errors.js'
import {
  applyStatusChange,
  checkOutbox,
  type MessageDraft,
  type MessageRow,
  type OutboxRecord,
  type StatusChange,
  type StoredMessage,
  type StoreMessageHooks,
} from '../../ports/store.js'
import { MemoryConversations } from './conversations.js'
import { idemKey, pair, upperBound } from './store-base.js'

export abstract class MemoryMessages extends MemoryConversations {
  async storeMessage(draft: MessageDraft, hooks: StoreMessageHooks): Promise<StoredMessage> {
    const id = draft.conversationId
    const conversation = this.conversations.get(id)
    if (!conversation) throw new AppError('not_found', `conversation ${id} not found`)
    const before = draft.idempotencyKey ? this.messageIdByKey.get(idemKey(draft)) : undefined
    if (before) return { message: { ...this.messageById.get(before)! }, duplicate: true }
    const seq = Math.max(this.maxSeqOf(id), this.seqReserved.get(id) ?? 0) + 1
    const message: MessageRow = { ...draft, seq }
    const outbox = hooks.outbox({ ...message }, { ...conversation })
    checkOutbox(outbox)
    this.putMessage(message)
    this.append(outbox)
    return { message: { ...message }, duplicate: false }
  }

  async insertMessages(messages: MessageRow[]): Promise<MessageRow[]> {
    const inserted: MessageRow[] = []
    for (const m of messages) {
      const taken =
        this.messages.get(m.conversationId)?.bySeq.has(m.seq) ||
        this.messageById.has(m.messageId) ||
        (m.idempotencyKey !== '' && this.messageIdByKey.has(idemKey(m)))
      if (taken) continue
      this.putMessage({ ...m })
      inserted.push({ ...m })
    }
    return inserted
  }

  async maxSeq(conversationId: string): Promise<number> {
    return this.maxSeqOf(conversationId)
  }

  async reserveSeq(conversationId: string, atLeast: number): Promise<number> {
    if (!this.conversations.has(conversationId)) return 0
    const reserved = Math.max(this.seqReserved.get(conversationId) ?? 0, atLeast)
    this.seqReserved.set(conversationId, reserved)
    return reserved
  }

  async getMessage(conversationId: string, messageId: string): Promise<MessageRow | null> {
    const m = this.messageById.get(messageId)
    return m && m.conversationId === conversationId ? { ...m } : null
  }

  async listMessages(conversationId: string, afterSeq: number, limit: number): Promise<MessageRow[]> {
    const sorted = this.messages.get(conversationId)?.sorted ?? []
    const out: MessageRow[] = []
    for (let i = upperBound(sorted, afterSeq, (m) => m.seq); i < sorted.length && out.length < limit; i++) {
      if (sorted[i]!.status !== 'deleted') out.push({ ...sorted[i]! })
    }
    return out
  }

  async updateMessageStatus(
    conversationId: string,
    messageId: string,
    change: StatusChange,
    outbox: OutboxRecord[],
  ): Promise<MessageRow | null> {
    const m = this.messageById.get(messageId)
    if (!m || m.conversationId !== conversationId) return null
    const next = applyStatusChange(m, change)
    if (!next) return { ...m }
    checkOutbox(outbox)
    m.status = next.status
    m.content = next.content
    this.append(outbox)
    return { ...m }
  }

  async setReadSeq(
    conversationId: string,
    userId: string,
    seq: number,
    outbox: OutboxRecord[],
  ): Promise<{ readSeq: number; advanced: boolean }> {
    const key = pair(conversationId, userId)
    const current = this.readCursors.get(key) ?? 0
    if (seq <= current) return { readSeq: current, advanced: false }
    checkOutbox(outbox)
    this.readCursors.set(key, seq)
    this.append(outbox)
    return { readSeq: seq, advanced: true }
  }
}
