// Attachments in MySQL/MariaDB (src/ports/attachments.ts). A new slot locks its owner's row of attachment_owners
// first, so that the quota sum and the insert of one owner's slots are serialized (READ COMMITTED takes no gap
// locks, so locking the attachments themselves would not stop two first slots).
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
import type { MysqlAccess } from './invitations.js'
import type { Result, Rows } from './store-base.js'

export class MysqlAttachments implements AttachmentStore {
  constructor(private readonly s: Pick<MysqlAccess, 'query' | 'tx'>) {}

  async createAttachment(row: AttachmentRow, quotaBytes: number, now: number): Promise<boolean> {
    return this.s.tx(async (c) => {
      // an exclusive lock at once, made or found (INSERT IGNORE's shared lock, upgraded later, deadlocks)
      await c.execute(
        'INSERT INTO attachment_owners (owner_id) VALUES (?) ON DUPLICATE KEY UPDATE owner_id = owner_id',
        [row.ownerId],
      )
      const [[used]] = await c.execute<Rows>(QUOTA_SUM, [row.ownerId, now])
      if (Number(used!.n) + row.size > quotaBytes) return false
      await c.execute(
        `INSERT INTO attachments (${ATTACHMENT_COLS}) VALUES (${attachmentValues(row).map(() => '?')})`,
        attachmentValues(row),
      )
      return true
    })
  }

  async getAttachment(attachmentId: string): Promise<AttachmentRow | null> {
    const [rows] = await this.s.query<Rows>(`SELECT ${ATTACHMENT_COLS} FROM attachments WHERE attachment_id = ?`, [
      attachmentId,
    ])
    return rows[0] ? toAttachment(rows[0]) : null
  }

  async completeAttachment(attachmentId: string, f: AttachmentFacts): Promise<AttachmentRow | null> {
    const [res] = await this.s.query<Result>(
      `UPDATE attachments SET state = 'ready', size = ?, sha256 = ?, width = ?, height = ?, duration_ms = ?, thumbnail = ?
        WHERE attachment_id = ? AND state = 'pending'`,
      [f.size, f.sha256, f.width, f.height, f.durationMs, thumbnailValue(f.thumbnail), attachmentId],
    )
    return res.affectedRows ? this.getAttachment(attachmentId) : null
  }

  async deleteAttachment(attachmentId: string): Promise<boolean> {
    const [res] = await this.s.query<Result>('DELETE FROM attachments WHERE attachment_id = ?', [attachmentId])
    return res.affectedRows > 0
  }

  async sharedWith(attachmentId: string, userId: string): Promise<boolean> {
    const [rows] = await this.s.query<Rows>(SHARED_WITH, [userId, attachmentId])
    return rows.length > 0
  }

  async releaseAttachment(attachmentId: string): Promise<boolean> {
    const [res] = await this.s.query<Result>(RELEASE, [attachmentId, attachmentId])
    return res.affectedRows > 0
  }

  async orphanAttachments(before: number, limit: number): Promise<string[]> {
    const [rows] = await this.s.query<Rows>(ORPHANS, [before, limit])
    return rows.map((r) => r.attachment_id as string)
  }

  async attachmentBytes(ownerId: string, now: number): Promise<number> {
    const [[used]] = await this.s.query<Rows>(QUOTA_SUM, [ownerId, now])
    return Number(used!.n)
  }
}
