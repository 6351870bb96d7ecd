// The attachments of expired messages: their bytes go through the blob port, then their row. Kept apart from the
// sweep so that deleting a recalled message's attachment (another path) can share it.
import { blobKey } from '../../src/ports/attachments.js'
import type { BlobStore } from '../../src/ports/blobs.js'
import type { Logger } from '../../src/observability/log.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { attachmentsExpired } from './metrics.js'

export interface AttachmentDeletion {
  repo: Pick<RepoApi, 'DeleteAttachment'>
  blobs: BlobStore
  log: Logger
}

/**
 * Deletes each attachment's bytes, then its row (so that one whose bytes could not be deleted stays findable);
 * a failure is logged with the attachment and counted, and never stops the others. Returns how many went.
 */
export async function deleteAttachments(deps: AttachmentDeletion, attachmentIds: string[]): Promise<number> {
  let deleted = 0
  for (const attachmentId of attachmentIds) {
    try {
      await deps.blobs.delete(blobKey(attachmentId))
      await deps.repo.DeleteAttachment({ attachment_id: attachmentId })
      attachmentsExpired.inc({ result: 'deleted' })
      deleted++
    } catch (err) {
      attachmentsExpired.inc({ result: 'failed' })
      deps.log.warn('deleting an expired attachment failed; its bytes are left behind', { attachmentId, err })
    }
  }
  return deleted
}
