// gochat.repo.v1.Message ↔ the domain Message: the codec of the repo role's gRPC contract.
import { type Message, messageKind, messageStatus } from '../../domain/message.js'
import { attachmentIn, attachmentOut } from './attachment.js'
import type { Message__Output as RepoMessage } from '../generated/gochat/repo/v1/Message.js'

/** idempotencyKey: the store's, returned to logic so that a retried send is recognized */
export const toRepoMessage = (m: Message & { idempotencyKey?: string }): RepoMessage => ({
  message_id: m.messageId,
  conversation_id: m.conversationId,
  seq: m.seq,
  sender_id: m.senderId,
  content: m.content,
  sent_at: m.sentAt,
  status: m.status,
  idempotency_key: m.idempotencyKey ?? '',
  kind: m.kind,
  target_id: m.targetId,
  reply_to: m.replyTo,
  mentions: m.mentions,
  edited_at: m.editedAt,
  edit_count: m.editCount,
  edit_seq: m.editSeq,
  reactions: m.reactions.map((r) => ({ emoji: r.emoji, user_ids: r.userIds })),
  pinned_at: m.pinnedAt,
  reply: m.reply
    ? {
        message_id: m.reply.messageId,
        sender_id: m.reply.senderId,
        snippet: m.reply.snippet,
        status: m.reply.status,
      }
    : null,
  attachment: m.attachment ? attachmentOut(m.attachment) : null,
})

export const fromRepoMessage = (m: RepoMessage): Message => ({
  messageId: m.message_id,
  conversationId: m.conversation_id,
  seq: m.seq,
  senderId: m.sender_id,
  content: m.content,
  sentAt: m.sent_at,
  status: messageStatus(m.status),
  kind: messageKind(m.kind ?? ''),
  targetId: m.target_id ?? '',
  replyTo: m.reply_to ?? '',
  mentions: m.mentions ?? [],
  editedAt: m.edited_at ?? 0,
  editCount: m.edit_count ?? 0,
  editSeq: m.edit_seq ?? 0,
  reactions: (m.reactions ?? []).map((r) => ({ emoji: r.emoji, userIds: r.user_ids })),
  pinnedAt: m.pinned_at ?? 0,
  ...(m.reply
    ? {
        reply: {
          messageId: m.reply.message_id,
          senderId: m.reply.sender_id,
          snippet: m.reply.snippet,
          status: messageStatus(m.reply.status),
        },
      }
    : {}),
  ...(m.attachment ? { attachment: attachmentIn(m.attachment) } : {}),
})
