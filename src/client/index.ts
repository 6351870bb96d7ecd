// `gochat/client` for browsers (and any runtime with a global WebSocket): the library's public surface. The
// browser bundle (/client.js on every gateway) is built from this file; Node takes node.ts, which adds `ws` and
// a file outbox. docs/client.md documents all of it.
export { Backoff, type BackoffOptions, parseRetryAfter } from './backoff.js'
export type { Page } from './catch-up.js'
export type { ClientEvents, ConversationEvent, MessageChange, MessageOperation } from './events.js'
export { GochatClient, type GochatClientOptions, type SendHandle } from './gochat-client.js'
export { httpRequest } from './http.js'
export type { Ack } from './outbox.js'
export { IndexedDbOutbox } from './outbox-idb.js'
export { MemoryOutbox, newKey, type OutboxEntry, type OutboxState, type OutboxStore } from './outbox-store.js'
export { tokenExpiry } from './session.js'
export type { Delivery, Source } from './timeline.js'
export { browserTransport, type CloseInfo, type Transport, type TransportFactory } from './transport.js'
export {
  type ConnectionState,
  type Conversation,
  type Envelope,
  GochatError,
  type Message,
  type MessageAttachment,
  type MessageKind,
  type RecordFields,
  type ServerFrame,
  type Session,
} from './types.js'
