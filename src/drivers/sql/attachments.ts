// What the attachment concerns of the drivers share (src/drivers/*/attachments.ts): the quota rule, the columns
// and the row mapping of MySQL and SQLite.
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

export const ATTACHMENT_COLS =
  'attachment_id, owner_id, kind, mime, size, name, sha256, width, height, duration_ms, state, created_at, expires_at'

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
  state: r.state as AttachmentState,
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
})
