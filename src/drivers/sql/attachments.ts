// What the attachment concerns of the drivers share (src/drivers/*/attachments.ts): the quota rule, the columns
// and the row mapping of MySQL and SQLite.
import type { Thumbnail } from '../../domain/message.js'
import type { AttachmentKind, AttachmentRow, AttachmentState } from '../../ports/attachments.js'
import type { Row } from './rows.js'

/** ready attachments count, and pending slots until they expire */
export const countsAgainstQuota = (r: Pick<AttachmentRow, 'state' | 'expiresAt'>, now: number) =>
  r.state === 'ready' || r.expiresAt > now

/** the owner's bytes as the quota counts them: parameters owner, now */
export const QUOTA_SUM = `SELECT COALESCE(SUM(size), 0) AS n FROM attachments
  WHERE owner_id = ? AND (state = 'ready' OR expires_at > ?)`

/** a row when a shown message of a conversation of the user carries the attachment: parameters attachment, user */
export const SHARED_WITH = `SELECT 1 AS shared FROM messages m
  JOIN members b ON b.conversation_id = m.conversation_id AND b.user_id = ?
  WHERE m.attachment_id = ? AND m.status = 'normal' LIMIT 1`

/** deletes the attachment unless a shown message carries it: parameters attachment, attachment */
export const RELEASE = `DELETE FROM attachments WHERE attachment_id = ?
  AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.attachment_id = ? AND m.status = 'normal')`

/** attachments created before a time that no shown message carries, oldest first: parameters before, limit */
export const ORPHANS = `SELECT a.attachment_id FROM attachments a WHERE a.created_at < ?
  AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.attachment_id = a.attachment_id AND m.status = 'normal')
  ORDER BY a.created_at LIMIT ?`

export const ATTACHMENT_COLS =
  'attachment_id, owner_id, kind, mime, size, name, sha256, width, height, duration_ms, thumbnail, state, created_at, expires_at'

/** the thumbnail column: JSON {width, height, size, mime}, or NULL */
export const thumbnailValue = (t: Thumbnail | null) => (t ? JSON.stringify(t) : null)

export const attachmentValues = (a: AttachmentRow) => [
  a.attachmentId,
  a.ownerId,
  a.kind,
  a.mime,
  a.size,
  a.name,
  a.sha256,
  a.width,
  a.height,
  a.durationMs,
  thumbnailValue(a.thumbnail),
  a.state,
  a.createdAt,
  a.expiresAt,
]

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

export const toAttachment = (r: Row): AttachmentRow => ({
  attachmentId: r.attachment_id as string,
  ownerId: r.owner_id as string,
  kind: r.kind as AttachmentKind,
  mime: r.mime as string,
  size: Number(r.size),
  name: r.name as string,
  sha256: r.sha256 as string,
  width: num(r.width),
  height: num(r.height),
  durationMs: num(r.duration_ms),
  thumbnail: r.thumbnail ? (JSON.parse(r.thumbnail as string) as Thumbnail) : null,
  state: r.state as AttachmentState,
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
})
