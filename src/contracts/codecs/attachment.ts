// The attachment descriptor of a message ↔ its wire form, the same in both gRPC contracts (repo and MessageApi).
import type { MessageAttachment, Thumbnail } from '../../domain/message.js'
import type { MessageAttachment__Output as WireAttachment } from '../generated/gochat/repo/v1/MessageAttachment.js'
import type {
  Thumbnail as WireThumbnailIn,
  Thumbnail__Output as WireThumbnail,
} from '../generated/gochat/repo/v1/Thumbnail.js'

/** a thumbnail's wire form (the same four fields in every contract that carries one); null: none */
export const thumbnailOut = (t: Thumbnail | null | undefined): WireThumbnail | null =>
  t ? { width: t.width, height: t.height, size: t.size, mime: t.mime } : null

/** undefined: none (an unset message field, or one with no bytes) */
export const thumbnailIn = (t: WireThumbnailIn | null | undefined): Thumbnail | undefined =>
  t && Number(t.size) > 0
    ? { width: t.width ?? 0, height: t.height ?? 0, size: Number(t.size), mime: t.mime ?? '' }
    : undefined

export const attachmentOut = (a: MessageAttachment): WireAttachment => ({
  attachment_id: a.attachmentId,
  mime: a.mime,
  size: a.size,
  name: a.name,
  sha256: a.sha256,
  width: a.width,
  height: a.height,
  duration_ms: a.durationMs,
  thumbnail: thumbnailOut(a.thumbnail),
})

export const attachmentIn = (a: WireAttachment): MessageAttachment => ({
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

/** `{ thumbnail }` when there is one, else nothing (the descriptor has no thumbnail key at all) */
export const withThumbnail = (t: WireThumbnailIn | null | undefined): { thumbnail?: Thumbnail } => {
  const thumbnail = thumbnailIn(t)
  return thumbnail ? { thumbnail } : {}
}
