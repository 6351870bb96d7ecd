// The attachments of expired messages, released the one way every path releases them (src/attachments/blobs.ts):
// the row unless a message still carries it, then every blob.
import { releaseAttachment } from '../../src/attachments/blobs.js'
import type { BlobStore } from '../../src/ports/blobs.js'
import type { Logger } from '../../src/observability/log.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { attachmentsExpired } from './metrics.js'

export interface AttachmentDeletion {
  repo: Pick<RepoApi, 'ReleaseAttachment'>
  blobs: BlobStore
  log: Logger
}

/** Releases each attachment; a failure is logged with the attachment and counted, and never stops the others.
 *  Returns how many went. */
export async function deleteAttachments(deps: AttachmentDeletion, attachmentIds: string[]): Promise<number> {
  let deleted = 0
  for (const attachmentId of attachmentIds) {
    try {
      const released = await releaseAttachment(
        {
          release: async (id) => (await deps.repo.ReleaseAttachment({ attachment_id: id })).released,
          blobs: deps.blobs,
        },
        attachmentId,
      )
      if (!released) continue
      attachmentsExpired.inc({ result: 'deleted' })
      deleted++
    } catch (err) {
      attachmentsExpired.inc({ result: 'failed' })
      deps.log.warn('deleting an expired attachment failed; its bytes are left behind', { attachmentId, err })
    }
  }
  return deleted
}
