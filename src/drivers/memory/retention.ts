// Retention in memory (src/ports/retention.ts): settings in a map by conversation; the sweep walks each
// conversation's records in seq order (memory holds small histories). Nothing awaits inside a mutation.
import type { MessageRow, OutboxRecord } from '../../ports/store.js'
import {
  ageLimitMs,
  checkRetention,
  type ExpiredRecord,
  type ExpiryPolicy,
  expiryCutoff,
  NO_RETENTION,
  type RetentionSettings,
  type RetentionStore,
  type SentCursor,
  tombstone,
  withoutReactor,
} from '../../ports/retention.js'
import { checkOutbox } from '../../ports/store.js'

/** what the retention concern reads of the rest of the store */
export interface MemoryRetentionView {
  conversationIds(): Iterable<string>
  hasConversation(id: string): boolean
  /** the conversation's records, ascending seq (the store's own objects: changed in place) */
  records(id: string): MessageRow[]
  append(outbox: OutboxRecord[]): void
  /** whether a record carries the attachment */
  carries(attachmentId: string): boolean
  /** every record of the store */
  allRecords(): Iterable<MessageRow>
}

export class MemoryRetention implements RetentionStore {
  private readonly settings = new Map<string, RetentionSettings>()

  constructor(private readonly view: MemoryRetentionView) {}

  async getRetention(conversationId: string): Promise<RetentionSettings | null> {
    if (!this.view.hasConversation(conversationId)) return null
    return { ...(this.settings.get(conversationId) ?? NO_RETENTION) }
  }

  async setRetention(
    conversationId: string,
    s: RetentionSettings,
    outbox: OutboxRecord[],
  ): Promise<RetentionSettings | null> {
    checkRetention(s)
    checkOutbox(outbox)
    const now = await this.getRetention(conversationId)
    if (!now) return null
    const next = { retentionDays: s.retentionDays, ttlSeconds: s.ttlSeconds }
    if (now.retentionDays === next.retentionDays && now.ttlSeconds === next.ttlSeconds) return now
    this.settings.set(conversationId, next)
    this.view.append(outbox)
    return { ...next }
  }

  async expireMessages(policy: ExpiryPolicy, limit: number): Promise<ExpiredRecord[]> {
    const out: ExpiredRecord[] = []
    for (const id of this.view.conversationIds()) {
      if (out.length >= limit) break
      const limitMs = ageLimitMs(this.settings.get(id) ?? NO_RETENTION, policy.defaultRetentionDays)
      const cutoff = expiryCutoff(limitMs, policy.nowMs)
      for (const m of this.view.records(id)) {
        if (out.length >= limit) break
        if (m.kind === 'expired' || m.sentAt > cutoff) continue
        out.push({
          conversationId: id,
          messageId: m.messageId,
          seq: m.seq,
          attachmentId: m.attachment?.attachmentId ?? '',
        })
        const t = tombstone(m)
        for (const key of Object.keys(m)) delete (m as unknown as Record<string, unknown>)[key]
        Object.assign(m, t)
      }
    }
    return out.map((e) => (e.attachmentId && this.view.carries(e.attachmentId) ? { ...e, attachmentId: '' } : e))
  }

  async eraseSent(senderId: string, records: SentCursor[]): Promise<ExpiredRecord[]> {
    const out: ExpiredRecord[] = []
    for (const k of records) {
      const m = this.view.records(k.conversationId).find((r) => r.seq === k.seq)
      if (!m || m.senderId !== senderId || m.kind === 'expired') continue
      if (m.kind === 'reaction') {
        const target = this.view.records(k.conversationId).find((r) => r.messageId === m.targetId)
        if (target) target.reactions = withoutReactor(target.reactions, senderId)
      }
      out.push({
        conversationId: k.conversationId,
        messageId: m.messageId,
        seq: m.seq,
        attachmentId: m.attachment?.attachmentId ?? '',
      })
      const t = tombstone(m)
      for (const key of Object.keys(m)) delete (m as unknown as Record<string, unknown>)[key]
      Object.assign(m, t)
    }
    return out.map((e) => (e.attachmentId && this.view.carries(e.attachmentId) ? { ...e, attachmentId: '' } : e))
  }

  async sentBy(senderId: string, after: SentCursor, limit: number): Promise<MessageRow[]> {
    const past = (m: MessageRow) =>
      m.conversationId > after.conversationId || (m.conversationId === after.conversationId && m.seq > after.seq)
    return [...this.view.allRecords()]
      .filter((m) => m.senderId === senderId && past(m))
      .sort((a, b) =>
        a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : a.seq - b.seq,
      )
      .slice(0, Math.max(0, limit))
      .map(({ reply: _r, ...m }) => ({ ...m }))
  }
}
