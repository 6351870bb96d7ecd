// Where an attachment's bytes are in the blob store, and the one way to delete them. Logic deletes them after a
// recall or delete of the last message that carried the attachment, repo's housekeeping after the orphan sweep,
// and retention/erase wherever it drops an attachment: all through `releaseAttachment` (or `deleteAttachmentBlobs`
// once the row is gone), so no blob is forgotten when a variant is added.
import type { BlobStore } from '../ports/blobs.js'

/** the original bytes */
export const blobKey = (attachmentId: string) => `a/${attachmentId}`
/** an image's thumbnail, made on completion (a sibling prefix: the embedded store keeps keys as files) */
export const thumbnailKey = (attachmentId: string) => `t/${attachmentId}`

/** Deletes every blob of an attachment (idempotent: a missing one is no error). */
export async function deleteAttachmentBlobs(blobs: Pick<BlobStore, 'delete'>, attachmentId: string): Promise<void> {
  await Promise.all([blobs.delete(blobKey(attachmentId)), blobs.delete(thumbnailKey(attachmentId))])
}

/**
 * Deletes an attachment, row then blobs, unless a shown message still carries it (an attachment forwarded to
 * another conversation is shared). `release` deletes the row in one step with that check (the store's
 * releaseAttachment, or repo's ReleaseAttachment); true when this call deleted it. The row goes first: from then
 * on no new message can name it, and a blob delete that fails leaves bytes no one can reach (logged by the caller).
 */
export async function releaseAttachment(
  deps: { release: (attachmentId: string) => Promise<boolean>; blobs: Pick<BlobStore, 'delete'> },
  attachmentId: string,
): Promise<boolean> {
  if (!(await deps.release(attachmentId))) return false
  await deleteAttachmentBlobs(deps.blobs, attachmentId)
  return true
}
