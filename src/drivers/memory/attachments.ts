// Attachments in memory (src/ports/attachments.ts): one map by id. Nothing awaits inside a mutation, so the quota
// check and the insert run alone, as under a transaction.
import type { AttachmentFacts, AttachmentRow, AttachmentStore } from '../../ports/attachments.js'
import type { Message } from '../../domain/message.js'
import { countsAgainstQuota } from '../sql/attachments.js'

/** what the attachments concern reads of the rest of the store */
export interface MemoryAttachmentsView {
  /** the messages carrying this attachment */
  messagesWith(attachmentId: string): Iterable<Pick<Message, 'conversationId' | 'status'>>
  isMember(conversationId: string, userId: string): boolean
}

export class MemoryAttachments implements AttachmentStore {
  private readonly rows = new Map<string, AttachmentRow>()

  constructor(private readonly view: MemoryAttachmentsView) {}

  async sharedWith(attachmentId: string, userId: string): Promise<boolean> {
    for (const m of this.view.messagesWith(attachmentId))
      if (m.status === 'normal' && this.view.isMember(m.conversationId, userId)) return true
    return false
  }

  async createAttachment(row: AttachmentRow, quotaBytes: number, now: number): Promise<boolean> {
    if (this.used(row.ownerId, now) + row.size > quotaBytes) return false
    this.rows.set(row.attachmentId, { ...row })
    return true
  }

  async getAttachment(attachmentId: string): Promise<AttachmentRow | null> {
    const row = this.rows.get(attachmentId)
    return row ? { ...row } : null
  }

  async completeAttachment(attachmentId: string, facts: AttachmentFacts): Promise<AttachmentRow | null> {
    const row = this.rows.get(attachmentId)
    if (row?.state !== 'pending') return null
    const done: AttachmentRow = { ...row, ...facts, state: 'ready' }
    this.rows.set(attachmentId, done)
    return { ...done }
  }

  async deleteAttachment(attachmentId: string): Promise<boolean> {
    return this.rows.delete(attachmentId)
  }

  async releaseAttachment(attachmentId: string): Promise<boolean> {
    return !this.carried(attachmentId) && this.rows.delete(attachmentId)
  }

  async orphanAttachments(before: number, limit: number): Promise<string[]> {
    return [...this.rows.values()]
      .filter((r) => r.createdAt < before && !this.carried(r.attachmentId))
      .sort((a, b) => a.createdAt - b.createdAt)
      .slice(0, limit)
      .map((r) => r.attachmentId)
  }

  /** whether a shown message carries it */
  private carried(attachmentId: string): boolean {
    for (const m of this.view.messagesWith(attachmentId)) if (m.status === 'normal') return true
    return false
  }

  async attachmentBytes(ownerId: string, now: number): Promise<number> {
    return this.used(ownerId, now)
  }

  private used(ownerId: string, now: number): number {
    let sum = 0
    for (const r of this.rows.values()) if (r.ownerId === ownerId && countsAgainstQuota(r, now)) sum += r.size
    return sum
  }
}
