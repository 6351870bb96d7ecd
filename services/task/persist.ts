// task.persist.group (persistence: async): logic has allocated the seq and acked the client; this consumer writes
// the messages in batches, idempotent on (conversation, seq), then emits their dispatch. Dispatch is emitted for
// duplicates too: a crash between insert and dispatch must not lose the delivery (consumers de-duplicate by seq).
import type { Bus, BusRecord } from '../../src/ports/bus.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { decode, encode, PersistMessage, type DispatchMessage } from '../../src/contracts/payloads.js'
import { taskDuration } from './metrics.js'
import { fromRepoMessage, toRepoMessage } from '../../src/contracts/codecs/repo-message.js'
import { freshState, messageOf, type Message } from '../../src/domain/message.js'

/** the record as the domain message it stores (a record from before message kinds is plain text) */
const recordOf = (m: PersistMessage): Message => ({
  ...freshState,
  messageId: m.messageId,
  conversationId: m.conversationId,
  seq: m.seq,
  senderId: m.userId,
  content: m.content,
  sentAt: m.sentAt,
  status: 'normal',
  kind: m.kind ?? 'text',
  targetId: m.targetId ?? '',
  replyTo: m.replyTo ?? '',
  mentions: m.mentions ?? [],
  ...(m.attachment ? { attachment: m.attachment } : {}),
})

export function decodePersist(rec: BusRecord) {
  return decode(PersistMessage, rec.value, 'PersistMessage')
}

export function persistHandler(bus: Bus, repo: RepoApi, dispatchTopic: string) {
  return async (items: Array<{ value: PersistMessage }>): Promise<void> => {
    const timer = taskDuration.startTimer({ task_type: 'persist' })
    const messages = items.map(({ value: m }) => toRepoMessage({ ...recordOf(m), idempotencyKey: m.idempotencyKey }))
    // what was inserted comes back as reads show it (a reply with its original's preview); duplicates as sent
    const inserted = new Map(
      (await repo.InsertMessages({ messages })).inserted.map((m) => [m.message_id, fromRepoMessage(m)]),
    )
    const dispatches = items.map(({ value: m }) => {
      const d: DispatchMessage = {
        message: messageOf(inserted.get(m.messageId!) ?? recordOf(m)),
        conversationKind: m.conversationKind ?? 'direct',
        memberCount: m.memberCount ?? 2,
        traceId: m.traceId,
      }
      return { key: m.conversationId, value: encode(d) }
    })
    await bus.publish(dispatchTopic, dispatches)
    timer()
  }
}
