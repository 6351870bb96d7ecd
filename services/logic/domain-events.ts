// Domain events travel with the repo mutation that causes them (the `events` field): repo writes them to its
// outbox in the same transaction, so an event is published exactly for the changes that committed.
import { eventKey, type EventEnvelope } from '../../src/contracts/events.js'
import type { OutboxEvent } from '../../src/contracts/generated/gochat/repo/v1/OutboxEvent.js'
import type { topics } from '../../src/contracts/topics.js'

export type EventTopics = Pick<ReturnType<typeof topics>, 'userEvents' | 'messageEvents' | 'notifications' | 'audit'>

/**
 * An outbox row for an envelope, keyed as the topic table of docs/architecture.md says (user-events by user id, message-events
 * by conversation id, notifications by target user id — eventKey picks the envelope's subject field). The value
 * is a Buffer because protobuf `bytes` would read a string as base64.
 */
export function outboxEvent(topic: string, event: EventEnvelope): OutboxEvent {
  return {
    topic,
    key: eventKey(event),
    value: Buffer.from(JSON.stringify(event)),
    headers: { 'gochat-event-type': event.event_type },
  }
}
