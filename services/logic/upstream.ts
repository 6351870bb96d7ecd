// upstream: kafka mode — logic.upstream.group consumes client sends from gochat.messages.upstream (keyed by
// conversation, so a conversation's sends are stored in the order they were sent) and answers each on the
// sender's own connection through its gateway's downstream topic: `ack {ref, messageId, seq}` or `error`.
import type { Bus, OutgoingRecord, Subscription } from '../../src/ports/bus.js'
import { runConsumer } from '../../src/messaging/consumer.js'
import { deadLetterer } from '../../src/messaging/dead-letter.js'
import type { ConsumerRetryPolicy } from '../../src/messaging/failure.js'
import { AppError } from '../../src/core/errors.js'
import { decode, encode, UpstreamMessage, type DownstreamMessage } from '../../src/contracts/payloads.js'
import type { Logger } from '../../src/observability/log.js'
import type { MessageApi } from '../../src/rpc/api.js'

export interface UpstreamDeps {
  bus: Bus
  messages: MessageApi
  topics: { upstream: string; dlq: string; downstream: (gatewayId: string) => string }
  groupId: string
  log: Logger
  retry?: ConsumerRetryPolicy
}

/** the schema requires where the answer goes, and a gatewayId that is an instance id: a record never picks a topic */
export const decodeUpstream = (value: Buffer): UpstreamMessage => decode(UpstreamMessage, value, 'UpstreamMessage')

export function startUpstream(deps: UpstreamDeps): Promise<Subscription> {
  return runConsumer({
    bus: deps.bus,
    log: deps.log,
    groupId: deps.groupId,
    topics: [deps.topics.upstream],
    fromBeginning: true,
    retry: deps.retry,
    decode: (rec) => decodeUpstream(rec.value),
    deadLetter: deadLetterer(deps.bus, deps.topics.dlq, 'upstream'),
    handle: async (items) => {
      const answers = new Map<string, OutgoingRecord[]>()
      for (const { value: m } of items) {
        let frame: object
        try {
          const res = await deps.messages.SendMessage({
            conversation_id: m.conversationId,
            sender_user_id: m.userId,
            idempotency_key: m.idempotencyKey,
            content: m.content,
            trace_id: m.traceId,
            kind: m.kind ?? '',
            target_id: m.targetId ?? '',
            reply_to: m.replyTo ?? '',
            mentions: m.mentions ?? [],
            attachment_id: m.attachmentId ?? '',
          })
          frame = { op: 'ack', ref: m.ref, messageId: res.message!.message_id, seq: res.message!.seq }
        } catch (err) {
          // refusals are answered; anything else (repo down) fails the batch, which comes again (sends are idempotent)
          if (!(err instanceof AppError) || err.code === 'unavailable' || err.code === 'internal') throw err
          frame = { op: 'error', ref: m.ref, code: err.code, message: err.message }
        }
        const down: DownstreamMessage = {
          conversationId: m.conversationId,
          userIds: [m.userId],
          connectionId: m.connectionId,
          frame: encode(frame),
        }
        const topic = deps.topics.downstream(m.gatewayId)
        const list = answers.get(topic) ?? answers.set(topic, []).get(topic)!
        list.push({ key: m.conversationId, value: encode(down) })
      }
      await Promise.all([...answers].map(([topic, records]) => deps.bus.publish(topic, records)))
    },
  })
}
