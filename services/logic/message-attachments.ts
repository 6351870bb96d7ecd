// What an image, file or voice message carries: an attachment of the sender's, completed (its bytes checked), of
// the message's kind. The descriptor is read from the attachment store, never taken from the client. An attachment
// may be sent more than once (forwarded to another conversation by its uploader, or sent again after a failed
// send): each message is one more conversation whose members may download it (GetDownloadUrl, mayDownload).
import { AppError } from '../../src/core/errors.js'
import { withThumbnail } from '../../src/contracts/codecs/attachment.js'
import type { Attachment__Output } from '../../src/contracts/generated/gochat/repo/v1/Attachment.js'
import { carriesAttachment, type MessageAttachment, type MessageKind } from '../../src/domain/message.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { requireId } from './validate.js'

/** the descriptor a message shows of a ready attachment */
export const descriptorOf = (a: Attachment__Output): MessageAttachment => ({
  attachmentId: a.attachment_id,
  mime: a.mime,
  size: Number(a.size),
  name: a.name,
  sha256: a.sha256,
  width: a.width ?? 0,
  height: a.height ?? 0,
  durationMs: a.duration_ms ?? 0,
  ...withThumbnail(a.thumbnail),
})

/** The attachment a record of `kind` names (undefined for kinds without one); throws the refusal. */
export async function checkMessageAttachment(
  repo: Pick<RepoApi, 'GetAttachment'>,
  kind: MessageKind,
  senderId: string,
  attachmentId: string | null | undefined,
): Promise<MessageAttachment | undefined> {
  if (!carriesAttachment(kind)) {
    if (attachmentId) throw new AppError('bad_request', `a ${kind} carries no attachment`)
    return undefined
  }
  const id = requireId(attachmentId ?? '', 'attachmentId')
  const a = await repo.GetAttachment({ attachment_id: id }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') return null
    throw err
  })
  // another user's attachment answers as one that does not exist, as in uploads
  if (!a || a.owner_id !== senderId) throw new AppError('not_found', `attachmentId: no attachment ${id} of yours`)
  if (a.state !== 'ready')
    throw new AppError('upload_incomplete', 'attachmentId: the upload is not completed yet (CompleteUpload)')
  if (a.kind !== kind) throw new AppError('bad_request', `attachmentId: the attachment is a ${a.kind}, not a ${kind}`)
  return descriptorOf(a)
}
