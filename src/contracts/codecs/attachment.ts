// The attachment descriptor of a message ↔ its wire form, the same in both gRPC contracts (repo and MessageApi).
import type { MessageAttachment } from '../../domain/message.js'
import type { MessageAttachment__Output as WireAttachment } from '../generated/gochat/repo/v1/MessageAttachment.js'

export const attachmentOut = (a: MessageAttachment): WireAttachment => ({
  attachment_id: a.attachmentId,
  mime: a.mime,
  size: a.size,
  name: a.name,
  sha256: a.sha256,
  width: a.width,
  height: a.height,
  duration_ms: a.durationMs,
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
})
