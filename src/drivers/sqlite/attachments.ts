// Attachments in SQLite (src/ports/attachments.ts). better-sqlite3 is synchronous: the quota check and the insert
// are one transaction function, so nothing else of this process runs between them.
import type { AttachmentFacts, AttachmentRow, AttachmentStore } from '../../ports/attachments.js'
import {
  ATTACHMENT_COLS,
  attachmentValues,
  ORPHANS,
  QUOTA_SUM,
  RELEASE,
  SHARED_WITH,
  thumbnailValue,
  toAttachment,
} from '../sql/attachments.js'
import type { Row } from '../sql/rows.js'
import type { SqliteTx } from './invitations.js'

export class SqliteAttachments implements AttachmentStore {
  constructor(private readonly s: Pick<SqliteTx, 'db' | 'tx'>) {}

  async createAttachment(row: AttachmentRow, quotaBytes: number, now: number): Promise<boolean> {
    const { db } = this.s
    return this.s.tx(() => {
      const used = Number((db.prepare(QUOTA_SUM).get(row.ownerId, now) as Row).n)
      if (used + row.size > quotaBytes) return false
      db.prepare(`INSERT INTO attachments (${ATTACHMENT_COLS}) VALUES (${attachmentValues(row).map(() => '?')})`).run(
        ...attachmentValues(row),
      )
      return true
    })
  }

  async getAttachment(attachmentId: string): Promise<AttachmentRow | null> {
    const r = this.s.db
      .prepare(`SELECT ${ATTACHMENT_COLS} FROM attachments WHERE attachment_id = ?`)
      .get(attachmentId) as Row | undefined
    return r ? toAttachment(r) : null
  }

  async completeAttachment(attachmentId: string, f: AttachmentFacts): Promise<AttachmentRow | null> {
    const changed = this.s.db
      .prepare(
        `UPDATE attachments SET state = 'ready', size = ?, sha256 = ?, width = ?, height = ?, duration_ms = ?, thumbnail = ?
          WHERE attachment_id = ? AND state = 'pending'`,
      )
      .run(f.size, f.sha256, f.width, f.height, f.durationMs, thumbnailValue(f.thumbnail), attachmentId).changes
    return changed ? this.getAttachment(attachmentId) : null
  }

  async deleteAttachment(attachmentId: string): Promise<boolean> {
    return this.s.db.prepare('DELETE FROM attachments WHERE attachment_id = ?').run(attachmentId).changes > 0
  }

  async sharedWith(attachmentId: string, userId: string): Promise<boolean> {
    return this.s.db.prepare(SHARED_WITH).get(userId, attachmentId) !== undefined
  }

  async releaseAttachment(attachmentId: string): Promise<boolean> {
    return this.s.db.prepare(RELEASE).run(attachmentId, attachmentId).changes > 0
  }

  async orphanAttachments(before: number, limit: number): Promise<string[]> {
    return (this.s.db.prepare(ORPHANS).all(before, limit) as Row[]).map((r) => r.attachment_id as string)
  }

  async attachmentBytes(ownerId: string, now: number): Promise<number> {
    return Number((this.s.db.prepare(QUOTA_SUM).get(ownerId, now) as Row).n)
  }
}
