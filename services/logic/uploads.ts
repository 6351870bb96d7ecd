// Upload slots and download URLs (proto: CreateUpload, CompleteUpload, GetDownloadUrl). Bytes never pass through
// here on their way in or out: a client asks for a slot (kind, mime, size, name), PUTs the bytes to the blob store
// by the slot's signed URL, then completes the upload, which reads them once to check them against the slot (size,
// magic bytes, image dimensions), hash them and measure them, and makes an image's thumbnail (thumbnail.ts).
// Downloads are signed URLs issued to whoever mayDownload allows. docs/protocol.md#uploads-and-downloads.
import { createHash, randomBytes } from 'node:crypto'
import { blobKey, thumbnailKey } from '../../src/attachments/blobs.js'
import { AppError } from '../../src/core/errors.js'
import { thumbnailOut } from '../../src/contracts/codecs/attachment.js'
import type { GochatConfig } from '../../src/config/index.js'
import type { AttachmentInfo__Output } from '../../src/contracts/generated/gochat/logic/v1/AttachmentInfo.js'
import type { SignedUrl__Output } from '../../src/contracts/generated/gochat/logic/v1/SignedUrl.js'
import type { Attachment__Output } from '../../src/contracts/generated/gochat/repo/v1/Attachment.js'
import { type AttachmentKind, attachmentKinds } from '../../src/ports/attachments.js'
import type { BlobStore, SignedUrl } from '../../src/ports/blobs.js'
import type { Thumbnail } from '../../src/domain/message.js'
import type { Logger } from '../../src/observability/log.js'
import type { LogicApi, RepoApi } from '../../src/rpc/api.js'
import { thumbnailsMade } from './metrics.js'
import { makeThumbnail } from './thumbnail.js'
import { matches, recognizes, SNIFF_HEAD, SNIFF_TAIL, sniff } from './sniff.js'

export type UploadLimits = Pick<
  GochatConfig,
  | 'upload_url_ttl_seconds'
  | 'download_url_ttl_seconds'
  | 'upload_max_bytes_image'
  | 'upload_max_bytes_file'
  | 'upload_max_bytes_voice'
  | 'upload_mime_image'
  | 'upload_mime_file'
  | 'upload_mime_voice'
  | 'upload_quota_bytes'
>

/** a decompression bomb is small on the wire and huge in memory: no image of more pixels than this is taken */
export const MAX_IMAGE_PIXELS = 50_000_000
const NAME_MAX = 255
const MIME = /^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/

/**
 * Reads a blob once, in constant memory: its sha256, byte count, first and last bytes (for the sniffer); and,
 * with `keep` (an image, at most upload_max_bytes_image), all of it, for its thumbnail.
 */
async function scan(source: AsyncIterable<Uint8Array>, keep: boolean) {
  const hash = createHash('sha256')
  let total = 0
  const head: Buffer[] = []
  let headBytes = 0
  let tail = Buffer.alloc(0)
  const all: Buffer[] = []
  for await (const chunk of source) {
    const c = Buffer.from(chunk)
    if (keep) all.push(c)
    hash.update(c)
    total += c.length
    if (headBytes < SNIFF_HEAD) {
      head.push(c.subarray(0, SNIFF_HEAD - headBytes))
      headBytes += Math.min(c.length, SNIFF_HEAD - headBytes)
    }
    tail = Buffer.concat([tail, c]).subarray(-SNIFF_TAIL)
  }
  return { sha256: hash.digest('hex'), total, head: Buffer.concat(head), tail, all: keep ? Buffer.concat(all) : null }
}

const allowed = (list: string[], mime: string) =>
  list.some((m) => m === '*' || m === mime || (m.endsWith('/*') && mime.startsWith(m.slice(0, -1))))

/** A file name to keep: no path, no control characters, not hidden behind dots; '' when none was given. */
export function checkFileName(raw: string): string {
  const name = raw.normalize('NFC').trim()
  if (name === '') return ''
  if (/[/\\\p{Cc}\p{Cf}]/u.test(name) || /^\.+$/.test(name) || Buffer.byteLength(name) > NAME_MAX)
    throw new AppError(
      'invalid_name',
      `a file name must be up to ${NAME_MAX} bytes without slashes, backslashes or control characters`,
    )
  return name
}

const urlOut = (u: SignedUrl): SignedUrl__Output => ({
  url: u.url,
  method: u.method,
  headers: u.headers,
  expires_at: u.expiresAt,
})

const infoOut = (a: Attachment__Output): AttachmentInfo__Output => ({
  attachment_id: a.attachment_id,
  kind: a.kind,
  mime: a.mime,
  size: a.size,
  name: a.name,
  sha256: a.sha256,
  width: a.width,
  height: a.height,
  duration_ms: a.duration_ms,
  state: a.state,
  thumbnail: a.thumbnail ?? null,
})

/**
 * Who may have a download URL of an attachment: its uploader, and the members of a conversation it was sent in (a
 * message carrying it, neither recalled nor deleted; a member who leaves loses it). Anyone else is told it does
 * not exist.
 */
export async function mayDownload(
  repo: Pick<RepoApi, 'AttachmentSharedWith'>,
  userId: string,
  attachment: Attachment__Output,
): Promise<boolean> {
  if (attachment.owner_id === userId) return true
  return (await repo.AttachmentSharedWith({ attachment_id: attachment.attachment_id, user_id: userId })).shared
}

export function createUploads(
  deps: { repo: RepoApi; blobs: BlobStore; log?: Logger },
  limits: UploadLimits,
  now: () => number = Date.now,
): Pick<LogicApi, 'CreateUpload' | 'CompleteUpload' | 'GetDownloadUrl'> {
  const { repo, blobs } = deps
  const maxBytes: Record<AttachmentKind, number> = {
    image: limits.upload_max_bytes_image,
    file: limits.upload_max_bytes_file,
    voice: limits.upload_max_bytes_voice,
  }
  const mimes: Record<AttachmentKind, string[]> = {
    image: limits.upload_mime_image,
    file: limits.upload_mime_file,
    voice: limits.upload_mime_voice,
  }

  const find = (attachmentId: string) =>
    repo.GetAttachment({ attachment_id: attachmentId }).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') return null
      throw err
    })

  /** the caller's own attachment; another user's answers as one that does not exist */
  async function owned(userId: string, attachmentId: string): Promise<Attachment__Output> {
    const a = await find(attachmentId)
    if (!a || a.owner_id !== userId) throw new AppError('not_found', `no attachment ${attachmentId} of yours`)
    return a
  }

  /**
   * An image's thumbnail, stored beside it; null when sharp cannot decode the image. Such an image is still taken
   * (the sniffer checked its type and dimensions; a viewer may do better): it is sent without a thumbnail.
   */
  async function thumbnailOf(a: Attachment__Output, image: Buffer): Promise<Thumbnail | null> {
    let made: Awaited<ReturnType<typeof makeThumbnail>>
    try {
      made = await makeThumbnail(image, MAX_IMAGE_PIXELS)
    } catch (err) {
      thumbnailsMade.inc({ result: 'failed' })
      deps.log?.info('upload completed without a thumbnail: the image could not be decoded', {
        attachmentId: a.attachment_id,
        mime: a.mime,
        reason: (err as Error).message,
      })
      return null
    }
    await blobs.put(thumbnailKey(a.attachment_id), made.bytes, made.info.mime)
    thumbnailsMade.inc({ result: 'made' })
    return made.info
  }

  /** the bytes are refused: neither they nor the slot stay */
  async function refuse(a: Attachment__Output, err: AppError): Promise<never> {
    await blobs.delete(blobKey(a.attachment_id))
    await repo.DeleteAttachment({ attachment_id: a.attachment_id })
    throw err
  }

  return {
    async CreateUpload(req) {
      const userId = req.user_id ?? ''
      const kind = req.kind as AttachmentKind
      if (!attachmentKinds.includes(kind))
        throw new AppError('bad_request', `kind must be one of ${attachmentKinds.join(', ')}`)
      const mime = (req.mime ?? '').trim().toLowerCase()
      if (!MIME.test(mime)) throw new AppError('bad_request', 'mime must be a type/subtype, e.g. image/png')
      if (!allowed(mimes[kind], mime))
        throw new AppError('unsupported_media_type', `a ${kind} may be ${mimes[kind].join(', ')}; not ${mime}`)
      const size = Number(req.size ?? 0)
      if (!Number.isSafeInteger(size) || size < 1) throw new AppError('bad_request', 'size must be a positive integer')
      if (size > maxBytes[kind])
        throw new AppError('too_large', `a ${kind} may be at most ${maxBytes[kind]} bytes (this one: ${size})`)
      const name = checkFileName(req.name ?? '')
      const at = now()
      const attachmentId = `att_${randomBytes(16).toString('hex')}`
      await repo.CreateAttachment({
        attachment: {
          attachment_id: attachmentId,
          owner_id: userId,
          kind,
          mime,
          size,
          name,
          created_at: at,
          expires_at: at + limits.upload_url_ttl_seconds * 1000,
        },
        quota_bytes: limits.upload_quota_bytes,
        now: at,
      })
      const upload = await blobs.uploadUrl(blobKey(attachmentId), {
        mime,
        size,
        expiresInSeconds: limits.upload_url_ttl_seconds,
      })
      return { attachment_id: attachmentId, upload: urlOut(upload) }
    },

    async CompleteUpload(req) {
      const a = await owned(req.user_id ?? '', req.attachment_id ?? '')
      if (a.state === 'ready') return infoOut(a)
      const stored = await blobs.stat(blobKey(a.attachment_id))
      if (!stored) throw new AppError('upload_incomplete', 'no bytes were uploaded for this attachment yet')
      if (stored.size !== a.size)
        return refuse(a, new AppError('upload_incomplete', `${stored.size} bytes arrived; the slot was for ${a.size}`))
      const bytes = await scan(await blobs.stream(blobKey(a.attachment_id)), a.kind === 'image')
      if (bytes.total !== a.size)
        return refuse(a, new AppError('upload_incomplete', `${bytes.total} bytes arrived; the slot was for ${a.size}`))
      const found = sniff(bytes.head, bytes.tail, bytes.total)
      // images and voice must be what they claim; so must a file that claims a type the sniffer knows
      if ((a.kind !== 'file' || recognizes(a.mime)) && !(found && matches(found, a.mime)))
        return refuse(a, new AppError('unsupported_media_type', `the bytes are not ${a.mime}`))
      if (a.kind === 'image' && !(found?.width && found.height))
        return refuse(a, new AppError('unsupported_media_type', 'the image has no dimensions that can be read'))
      if (a.kind === 'image' && found!.width! * found!.height! > MAX_IMAGE_PIXELS)
        return refuse(a, new AppError('too_large', `an image may have at most ${MAX_IMAGE_PIXELS} pixels`))
      const thumbnail = a.kind === 'image' ? await thumbnailOf(a, bytes.all!) : null
      const done = await repo.CompleteAttachment({
        attachment_id: a.attachment_id,
        size: bytes.total,
        sha256: bytes.sha256,
        width: a.kind === 'image' ? found!.width! : 0,
        height: a.kind === 'image' ? found!.height! : 0,
        duration_ms: a.kind === 'voice' ? (found?.durationMs ?? 0) : 0,
        thumbnail: thumbnailOut(thumbnail),
      })
      return infoOut(done)
    },

    async GetDownloadUrl(req) {
      const userId = req.user_id ?? ''
      const attachmentId = req.attachment_id ?? ''
      const variant = req.variant ?? ''
      if (variant !== '' && variant !== 'thumbnail')
        throw new AppError('bad_request', 'variant must be thumbnail, or absent for the original')
      const a = await find(attachmentId)
      if (a?.state !== 'ready' || !(await mayDownload(repo, userId, a)))
        throw new AppError('not_found', `no attachment ${attachmentId} you may download`)
      if (variant === 'thumbnail') {
        if (!a.thumbnail) throw new AppError('not_found', `attachment ${attachmentId} has no thumbnail`)
        const url = await blobs.downloadUrl(thumbnailKey(a.attachment_id), {
          mime: a.thumbnail.mime,
          fileName: `thumbnail-${a.attachment_id}.webp`,
          expiresInSeconds: limits.download_url_ttl_seconds,
        })
        return urlOut(url)
      }
      const url = await blobs.downloadUrl(blobKey(a.attachment_id), {
        mime: a.mime,
        fileName: a.name || `${a.kind}-${a.attachment_id}`,
        expiresInSeconds: limits.download_url_ttl_seconds,
      })
      return urlOut(url)
    },
  }
}
