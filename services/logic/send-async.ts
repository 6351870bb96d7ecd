// Async persistence (persistence: async): the seq is allocated in repo, the message goes to gochat.messages.persist
// (acknowledged by all in-sync replicas) and the client is acked at once; task.persist.group stores it in batches
// and then dispatches it. Faster acks, at the price that history may lag the ack by the persist consumer's delay.
// A record's events (operations, mentions) are published right after it: there is no transaction to write them in.
import { randomUUID } from 'node:crypto'
import type { Bus } from '../../src/ports/bus.js'
import { encode, type PersistMessage } from '../../src/contracts/payloads.js'
import type { SendMessageResponse__Output } from '../../src/contracts/generated/realchat/message/v1/SendMessageResponse.js'
import { toApiMessage } from '../../src/contracts/codecs/api-message.js'
import { freshState, textDefaults } from '../../src/domain/message.js'
import type { LogicDeps } from './deps.js'
import type { CheckedRecord } from './records.js'

export async function sendAsync(
  deps: LogicDeps,
  target: { bus: Bus; topic: string },
  m: { conversationId: string; senderId: string; idempotencyKey: string; content: string; record?: CheckedRecord },
): Promise<SendMessageResponse__Output> {
  const [alloc, conversation] = await Promise.all([
    deps.repo.AllocateSeq({
      conversation_id: m.conversationId,
      sender_id: m.senderId,
      idempotency_key: m.idempotencyKey,
    }),
    deps.repo.GetConversation({ conversation_id: m.conversationId }),
  ])
  const refs = m.record
    ? {
        kind: m.record.kind,
        targetId: m.record.targetId,
        replyTo: m.record.replyTo,
        mentions: m.record.mentions,
        ...(m.record.attachment ? { attachment: m.record.attachment } : {}),
      }
    : textDefaults
  const message = toApiMessage({
    ...freshState,
    ...refs,
    messageId: alloc.message_id,
    conversationId: m.conversationId,
    seq: alloc.seq,
    senderId: m.senderId,
    content: m.content,
    sentAt: alloc.sent_at,
    status: 'normal',
  })
  if (alloc.duplicate) return { message, duplicate: true }
  const record: PersistMessage = {
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
    ...(m.record ? refs : {}),
  }
  await target.bus.publish(target.topic, [{ key: m.conversationId, value: encode(record) }])
  for (const e of m.record?.events(alloc.message_id) ?? [])
    await target.bus.publish(e.topic ?? '', [
      { key: e.key || null, value: Buffer.from(e.value as Buffer), headers: e.headers ?? {} },
    ])
  return { message, duplicate: false }
}
