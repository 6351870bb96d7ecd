// Async persistence (persistence: async): the seq is allocated in repo, the message goes to gochat.messages.persist
// (acknowledged by all in-sync replicas) and the client is acked at once; task.persist.group stores it in batches
// and then dispatches it. Faster acks, at the price that history may lag the ack by the persist consumer's delay.
import { randomUUID } from 'node:crypto'
import type { Bus } from '../../src/ports/bus.js'
import { encode, type UpstreamMessage } from '../../src/contracts/payloads.js'
import type { SendMessageResponse__Output } from '../../src/contracts/generated/realchat/message/v1/SendMessageResponse.js'
import type { LogicDeps } from './deps.js'

export async function sendAsync(
  deps: LogicDeps,
  target: { bus: Bus; topic: string },
  m: { conversationId: string; senderId: string; idempotencyKey: string; content: string },
): Promise<SendMessageResponse__Output> {
  const [alloc, conversation] = await Promise.all([
    deps.repo.AllocateSeq({
      conversation_id: m.conversationId,
      sender_id: m.senderId,
      idempotency_key: m.idempotencyKey,
    }),
    deps.repo.GetConversation({ conversation_id: m.conversationId }),
  ])
  const message = {
    message_id: alloc.message_id,
    conversation_id: m.conversationId,
    seq: alloc.seq,
    sender_user_id: m.senderId,
    content: m.content,
    sent_at: alloc.sent_at,
    status: 'normal',
  }
  if (alloc.duplicate) return { message, duplicate: true }
  const record: UpstreamMessage = {
    traceId: randomUUID(),
    userId: m.senderId,
    conversationId: m.conversationId,
    content: m.content,
    idempotencyKey: m.idempotencyKey,
    messageId: alloc.message_id,
    seq: alloc.seq,
    sentAt: alloc.sent_at,
    conversationKind: conversation.kind === 'group' ? 'group' : 'direct',
    memberCount: conversation.member_count,
  }
  await target.bus.publish(target.topic, [{ key: m.conversationId, value: encode(record) }])
  return { message, duplicate: false }
}
