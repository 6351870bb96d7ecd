// realchat.message.v1.Message (the seed's MessageApi, which logic serves to gateways) ↔ the domain Message.
import { type Message, messageStatus } from '../../domain/message.js'
import { messageStateIn, messageStateOut } from './message-state.js'
import type { Message__Output as ApiMessage } from '../generated/realchat/message/v1/Message.js'

export const toApiMessage = (m: Message): ApiMessage => ({
  message_id: m.messageId,
  conversation_id: m.conversationId,
  seq: m.seq,
  sender_user_id: m.senderId,
  content: m.content,
  sent_at: m.sentAt,
  status: m.status,
  ...messageStateOut(m),
  reply: m.reply
    ? {
        message_id: m.reply.messageId,
        sender_user_id: m.reply.senderId,
        snippet: m.reply.snippet,
        status: m.reply.status,
      }
    : null,
})

export const fromApiMessage = (m: ApiMessage): Message => ({
  messageId: m.message_id,
  conversationId: m.conversation_id,
  seq: m.seq,
  senderId: m.sender_user_id,
  content: m.content,
  sentAt: m.sent_at,
  status: messageStatus(m.status),
  ...messageStateIn(m),
  ...(m.reply
    ? {
        reply: {
          messageId: m.reply.message_id,
          senderId: m.reply.sender_user_id,
          snippet: m.reply.snippet,
          status: messageStatus(m.reply.status),
        },
      }
    : {}),
})
