// gochat.repo.v1.Message ↔ the domain Message: the codec of the repo role's gRPC contract.
import { type Message, messageStatus } from '../../domain/message.js'
import { messageStateIn, messageStateOut } from './message-state.js'
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
  ...messageStateOut(m),
  reply: m.reply
    ? {
        message_id: m.reply.messageId,
        sender_id: m.reply.senderId,
        snippet: m.reply.snippet,
        status: m.reply.status,
      }
    : null,
})

export const fromRepoMessage = (m: RepoMessage): Message => ({
  messageId: m.message_id,
  conversationId: m.conversation_id,
  seq: m.seq,
  senderId: m.sender_id,
  content: m.content,
  sentAt: m.sent_at,
  status: messageStatus(m.status),
  ...messageStateIn(m),
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
})
