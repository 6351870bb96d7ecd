// After a recall or delete: the attachment the message carried goes (row, bytes and thumbnail) unless another shown
// message still carries it (the uploader forwarded it). The recall or delete itself is done by then; a failure
// here is logged and left to repo's hourly orphan sweep (upload_orphan_hours), which finds the same attachment.
import { releaseAttachment } from '../../src/attachments/blobs.js'
import type { Message__Output as StoredMessage } from '../../src/contracts/generated/gochat/repo/v1/Message.js'
import type { Logger } from '../../src/observability/log.js'
import type { BlobStore } from '../../src/ports/blobs.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { attachmentsReleased } from './metrics.js'

export function attachmentReleaser(
  repo: Pick<RepoApi, 'ReleaseAttachment'>,
  blobs: Pick<BlobStore, 'delete'> | undefined,
  log: Logger | undefined,
): (m: StoredMessage) => Promise<void> {
  const release = async (attachmentId: string) =>
    (await repo.ReleaseAttachment({ attachment_id: attachmentId })).released
  return async (m) => {
    const attachmentId = m.attachment?.attachment_id
    if (!attachmentId || !blobs) return
    try {
      if (await releaseAttachment({ release, blobs }, attachmentId)) attachmentsReleased.inc()
    } catch (err) {
      log?.warn('deleting an attachment after its message went failed; the orphan sweep will', { err, attachmentId })
    }
  }
}
