// The JSON shapes clients see (docs/protocol.md): camelCase, epoch-ms times, optional fields left out when empty.
// The gRPC contracts are snake_case; these views translate them. A message goes through its codec instead
// (src/contracts/codecs/api-message.ts): the domain Message is what clients see.
import type { Me__Output } from '../../src/contracts/generated/gochat/logic/v1/Me.js'
import type { GroupMember__Output } from '../../src/contracts/generated/gochat/logic/v1/GroupMember.js'
import type { PublicUser__Output } from '../../src/contracts/generated/gochat/logic/v1/PublicUser.js'
import type { RetentionView__Output } from '../../src/contracts/generated/gochat/logic/v1/RetentionView.js'
import type { ConversationSummary__Output } from '../../src/contracts/generated/gochat/logic/v1/ConversationSummary.js'
import type { GroupInvitation__Output } from '../../src/contracts/generated/gochat/logic/v1/GroupInvitation.js'
import type { AttachmentInfo__Output } from '../../src/contracts/generated/gochat/logic/v1/AttachmentInfo.js'
import type { SignedUrl__Output } from '../../src/contracts/generated/gochat/logic/v1/SignedUrl.js'
import { thumbnailIn } from '../../src/contracts/codecs/attachment.js'

export const meView = (m: Me__Output) => ({
  userId: m.user_id,
  ...(m.username ? { username: m.username } : {}),
  displayName: m.display_name,
  guest: m.guest,
  discoverable: m.discoverable,
})

export const conversationView = (c: ConversationSummary__Output) => ({
  conversationId: c.conversation_id,
  kind: c.kind,
  ...(c.name ? { name: c.name } : {}),
  lastSeq: c.last_seq,
  readSeq: c.read_seq,
  role: c.role,
  muted: c.muted,
  ...(c.kind === 'group' ? { announcement: c.announcement } : {}),
  ...(c.peer_user_id
    ? { peer: { userId: c.peer_user_id, displayName: c.peer_display_name, readSeq: c.peer_read_seq } }
    : {}),
})

export const userView = (u: PublicUser__Output) => ({
  userId: u.user_id,
  ...(u.username ? { username: u.username } : {}),
  displayName: u.display_name,
})

export const memberView = (m: GroupMember__Output) => ({ userId: m.user_id, displayName: m.display_name, role: m.role })

export const invitationView = (i: GroupInvitation__Output) => ({
  conversationId: i.conversation_id,
  name: i.name,
  inviter: { userId: i.inviter_id, displayName: i.inviter_display_name },
  createdAt: Number(i.created_at),
})

/** who a group creation or add made a member, and who it invited */
export const groupAddsView = (r: { added_user_ids: string[]; invited_user_ids: string[] }) => ({
  added: r.added_user_ids,
  invited: r.invited_user_ids,
})

export const signedUrlView = (u: SignedUrl__Output | null) => ({
  url: u?.url ?? '',
  method: u?.method ?? '',
  headers: u?.headers ?? {},
  expiresAt: u?.expires_at ?? 0,
})

export const attachmentView = (a: AttachmentInfo__Output) => ({
  attachmentId: a.attachment_id,
  kind: a.kind,
  mime: a.mime,
  size: a.size,
  ...(a.name ? { name: a.name } : {}),
  sha256: a.sha256,
  ...(a.width ? { width: a.width, height: a.height } : {}),
  ...(a.duration_ms ? { durationMs: a.duration_ms } : {}),
  ...(a.thumbnail?.size ? { thumbnail: thumbnailIn(a.thumbnail) } : {}),
  state: a.state,
})

export const retentionView = (r: RetentionView__Output) => ({
  retentionDays: r.retention_days,
  ttlSeconds: r.ttl_seconds,
  deploymentRetentionDays: r.deployment_retention_days,
})
