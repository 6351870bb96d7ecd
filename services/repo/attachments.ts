// Attachments (proto: CreateAttachment … AttachmentSharedWith): the rows behind upload slots. Logic decides what may be
// uploaded and checks the bytes; repo keeps the rows and the quota (checked with the insert, in one transaction).
import { AppError } from '../../src/core/errors.js'
import type { Attachment__Output } from '../../src/contracts/generated/gochat/repo/v1/Attachment.js'
import { type AttachmentKind, type AttachmentRow, attachmentKinds } from '../../src/ports/attachments.js'
import { thumbnailIn, thumbnailOut } from '../../src/contracts/codecs/attachment.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { id, type RepoServiceDeps } from './deps.js'
import { int, str } from './wire.js'

export const attachmentOut = (a: AttachmentRow): Attachment__Output => ({
  attachment_id: a.attachmentId,
  owner_id: a.ownerId,
  kind: a.kind,
  mime: a.mime,
  size: a.size,
  name: a.name,
  sha256: a.sha256,
  width: a.width ?? 0,
  height: a.height ?? 0,
  duration_ms: a.durationMs ?? 0,
  thumbnail: thumbnailOut(a.thumbnail),
  state: a.state,
  created_at: a.createdAt,
  expires_at: a.expiresAt,
})

const orNull = (n: number) => (n > 0 ? n : null)

export function attachmentHandlers(
  deps: Pick<RepoServiceDeps, 'store'>,
): Pick<
  RepoApi,
  | 'CreateAttachment'
  | 'GetAttachment'
  | 'CompleteAttachment'
  | 'DeleteAttachment'
  | 'AttachmentSharedWith'
  | 'ReleaseAttachment'
> {
  const attachments = deps.store.attachments
  const missing = (attachmentId: string) => new AppError('not_found', `attachment ${attachmentId} not found`)
  return {
    async CreateAttachment(req) {
      const a = req.attachment
      if (!a) throw new AppError('bad_request', 'attachment is required')
      if (!attachmentKinds.includes(a.kind as AttachmentKind)) throw new AppError('bad_request', 'bad attachment kind')
      const row: AttachmentRow = {
        attachmentId: id(a.attachment_id, 'attachment_id'),
        ownerId: id(a.owner_id, 'owner_id'),
        kind: a.kind as AttachmentKind,
        mime: str(a.mime),
        size: int(a.size),
        name: str(a.name),
        sha256: '',
        width: null,
        height: null,
        durationMs: null,
        thumbnail: null,
        state: 'pending',
        createdAt: int(a.created_at),
        expiresAt: int(a.expires_at),
      }
      if (!(await attachments.createAttachment(row, int(req.quota_bytes), int(req.now))))
        throw new AppError(
          'quota_exceeded',
          `this upload would take you over your quota of ${int(req.quota_bytes)} bytes`,
        )
      return attachmentOut(row)
    },

    async GetAttachment(req) {
      const attachmentId = id(req.attachment_id, 'attachment_id')
      const row = await attachments.getAttachment(attachmentId)
      if (!row) throw missing(attachmentId)
      return attachmentOut(row)
    },

    async CompleteAttachment(req) {
      const attachmentId = id(req.attachment_id, 'attachment_id')
      const done = await attachments.completeAttachment(attachmentId, {
        size: int(req.size),
        sha256: str(req.sha256),
        width: orNull(int(req.width)),
        height: orNull(int(req.height)),
        durationMs: orNull(int(req.duration_ms)),
        thumbnail: thumbnailIn(req.thumbnail) ?? null,
      })
      if (!done) throw missing(attachmentId)
      return attachmentOut(done)
    },

    async DeleteAttachment(req) {
      await attachments.deleteAttachment(id(req.attachment_id, 'attachment_id'))
      return {}
    },

    // who may download it besides its uploader: the members of a conversation it was sent in
    async AttachmentSharedWith(req) {
      const attachmentId = id(req.attachment_id, 'attachment_id')
      return { shared: await attachments.sharedWith(attachmentId, id(req.user_id, 'user_id')) }
    },

    // after a recall or delete: the row goes unless another shown message still carries it (a forward)
    async ReleaseAttachment(req) {
      return { released: await attachments.releaseAttachment(id(req.attachment_id, 'attachment_id')) }
    },
  }
}
