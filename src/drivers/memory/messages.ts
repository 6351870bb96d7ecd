// Messages and seqs in the in-memory store: StoreMessage, idempotency keys, history, status changes (recall,
// delete) and read cursors.
import { AppError } from '../../core/errors.js'
import { isOperation } from '../../domain/message.js'
import { byHitOrder, matchesSearch } from '../../domain/search.js'
import {
  applyStatusChange,
  checkOutbox,
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
    const target = isOperation(draft.kind) ? operated(this.find(id, draft.targetId), message) : undefined
    const shown = draft.replyTo ? withReply(message, requireReplied(this.find(id, draft.replyTo), draft)) : message
    const outbox = hooks.outbox({ ...shown }, { ...conversation })
    checkOutbox(outbox)
    this.putMessage(message)
    if (target) Object.assign(this.messageById.get(target.messageId)!, target)
    this.append(outbox)
    return { message: { ...shown }, duplicate: false }
  }

  /** the message of this id in this conversation */
  private find(conversationId: string, messageId: string): MessageRow | undefined {
    const m = this.messageById.get(messageId)
    return m?.conversationId === conversationId ? m : undefined
  }

  /** a copy of `m` as reads show it: with the preview of the message it replies to */
  private shown(m: MessageRow): MessageRow {
    return m.replyTo ? withReply({ ...m }, this.find(m.conversationId, m.replyTo)) : { ...m }
  }

  async insertMessages(messages: MessageRow[]): Promise<MessageRow[]> {
    const inserted: MessageRow[] = []
    for (const m of messages) {
      const taken =
        this.messages.get(m.conversationId)?.bySeq.has(m.seq) ||
        this.messageById.has(m.messageId) ||
        (m.idempotencyKey !== '' && this.messageIdByKey.has(idemKey(m)))
      if (taken) continue
      const target = isOperation(m.kind) ? operatedIfAllowed(this.find(m.conversationId, m.targetId), m) : null
      this.putMessage({ ...m })
      if (target) Object.assign(this.messageById.get(target.messageId)!, target)
      inserted.push(this.shown(m))
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
    const m = this.find(conversationId, messageId)
    return m ? this.shown(m) : null
  }

  async listMessages(conversationId: string, afterSeq: number, limit: number): Promise<MessageRow[]> {
    const sorted = this.messages.get(conversationId)?.sorted ?? []
    const out: MessageRow[] = []
    for (let i = upperBound(sorted, afterSeq, (m) => m.seq); i < sorted.length && out.length < limit; i++) {
      if (sorted[i]!.status !== 'deleted') out.push(this.shown(sorted[i]!))
    }
    return out
  }

  async listPins(conversationId: string, limit: number): Promise<MessageRow[]> {
    const sorted = this.messages.get(conversationId)?.sorted ?? []
    return sorted
      .filter((m) => m.pinnedAt > 0 && m.status !== 'deleted')
      .slice(0, limit)
      .map((m) => this.shown(m))
  }

  async searchMessages(s: MessageSearch): Promise<MessageRow[]> {
    const mine = (id: string) => this.members.get(id)?.byUser.has(s.userId) === true
    const ids = s.conversationId ? [s.conversationId].filter(mine) : [...(this.conversationsOfUser.get(s.userId) ?? [])]
    return ids
      .flatMap((id) => (this.messages.get(id)?.sorted ?? []).filter((m) => matchesSearch(m, s.terms, s.before)))
      .sort(byHitOrder)
      .slice(0, Math.max(0, Math.trunc(s.limit)))
      .map((m) => this.shown(m))
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
    if (!next) return this.shown(m)
    checkOutbox(outbox)
    m.status = next.status
    m.content = next.content
    this.append(outbox)
    return this.shown(m)
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
