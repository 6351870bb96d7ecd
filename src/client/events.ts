// The typed events an app listens to (client.on('message', …)), and how a socket envelope becomes one. One table
// (`decoders`) maps each event_type of docs/protocol.md to its typed event: a new event type of the protocol is
// one entry there and one line in ClientEvents. Unknown types still reach the app raw (`event`).
import type { OutboxEntry } from './outbox-store.js'
import type { Delivery } from './timeline.js'
import type { ConnectionState, Conversation, Envelope, GochatError, Message, ServerFrame } from './types.js'

export interface MessageChange {
  conversationId: string
  seq: number
  messageId: string
  operatorId: string
}

/** Every event the client emits, by name, with its argument. */
export interface ClientEvents {
  /** a message, once per (conversation, seq), in seq order per conversation; `source` says live push or sync */
  message: Delivery
  recalled: MessageChange
  deleted: MessageChange & { hard: boolean }
  /** a read cursor moved: yours (another device) or another member's */
  read: { conversationId: string; userId: string; seq: number; messageId: string }
  typing: { conversationId: string; userId: string }
  presence: { userId: string; online: boolean; lastSeen?: number }
  profile: { userId: string; displayName: string }
  /** conversation and group changes: added, invited, invitation answered, admin promoted, announcement */
  conversation: ConversationEvent
  friend: { kind: 'requested' | 'accepted'; userId: string; displayName: string }
  /** the conversation list, as read on every (re)connect */
  conversations: Conversation[]
  /** operations, as they are delivered in their conversation's seq stream (after their `message`), live or synced */
  edit: MessageOperation & { content: string }
  reaction: MessageOperation & { emoji: string; added: boolean }
  pin: MessageOperation & { pinned: boolean }
  /** any envelope, the known ones included (for types this version does not know) */
  event: Envelope
  /** every server frame that answers no request, as it came (before de-duplication; for diagnostics) */
  frame: ServerFrame
  /** the server asked for a resync; the client is catching up */
  resync: undefined
  /** connection state; `retryInMs` while offline, `error` when it went down or closed on a failure */
  state: { state: ConnectionState; retryInMs?: number; error?: GochatError }
  /** caught up: every conversation synced after a (re)connect or resync */
  synced: { conversations: number; messages: number }
  /** an outbox entry changed: pending, sent (with its seq) or failed (with its error code) */
  outbox: OutboxEntry
  /** a new token (refresh) or none (signed out, expired without a way to refresh) */
  session: { userId: string; token: string } | null
  /** something failed in the background (a sync, a refresh); the client goes on */
  error: GochatError
}

/** an operation record: who (`userId`) did it to which message (`targetId`), at which seq of the conversation */
export interface MessageOperation {
  conversationId: string
  seq: number
  targetId: string
  userId: string
  sentAt: number
}

export type ConversationEvent =
  | { kind: 'added'; conversationId: string; name: string; by: string }
  | { kind: 'invited'; conversationId: string; name: string; by: string }
  | { kind: 'invitation.accepted' | 'invitation.declined'; conversationId: string; name: string; userId: string }
  | { kind: 'admin.promoted'; conversationId: string; userId: string; previousAdminId: string }
  | { kind: 'announcement'; conversationId: string; text: string; by: string }

type Emit = <K extends keyof ClientEvents>(type: K, arg: ClientEvents[K]) => void

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v))
const num = (v: unknown): number => Number(v) || 0

function change(e: Envelope): MessageChange {
  return {
    conversationId: str(e.conversation_id),
    seq: num(e.payload?.seq_id),
    messageId: str(e.payload?.message_id),
    operatorId: str(e.operator_id),
  }
}

/** event_type → what the app gets. Message edits, reactions, replies and pins go here when the protocol has them. */
const decoders: Record<string, (e: Envelope, emit: Emit) => void> = {
  'message.recalled': (e, emit) => emit('recalled', change(e)),
  'message.deleted': (e, emit) => emit('deleted', { ...change(e), hard: e.payload?.hard === true }),
  'message.read': (e, emit) => {
    const c = change(e)
    emit('read', { conversationId: c.conversationId, userId: c.operatorId, seq: c.seq, messageId: c.messageId })
  },
  typing: (e, emit) => emit('typing', { conversationId: str(e.conversation_id), userId: str(e.operator_id) }),
  'user.online': (e, emit) =>
    emit('presence', { userId: str(e.user_id), online: true, lastSeen: num(e.payload?.last_seen) || undefined }),
  'user.offline': (e, emit) =>
    emit('presence', { userId: str(e.user_id), online: false, lastSeen: num(e.payload?.last_seen) || undefined }),
  'user.profile.updated': (e, emit) =>
    emit('profile', { userId: str(e.user_id), displayName: str(e.payload?.display_name) }),
  'group.invited': (e, emit) => emit('conversation', { kind: 'added', ...group(e), by: str(e.payload?.inviter_id) }),
  'group.invitation.created': (e, emit) =>
    emit('conversation', { kind: 'invited', ...group(e), by: str(e.payload?.inviter_id) }),
  'group.invitation.accepted': (e, emit) =>
    emit('conversation', { kind: 'invitation.accepted', ...group(e), userId: str(e.payload?.user_id) }),
  'group.invitation.declined': (e, emit) =>
    emit('conversation', { kind: 'invitation.declined', ...group(e), userId: str(e.payload?.user_id) }),
  'group.admin.promoted': (e, emit) =>
    emit('conversation', {
      kind: 'admin.promoted',
      conversationId: str(e.conversation_id),
      userId: str(e.payload?.user_id),
      previousAdminId: str(e.payload?.previous_admin_id),
    }),
  'group.announcement.updated': (e, emit) =>
    emit('conversation', {
      kind: 'announcement',
      conversationId: str(e.payload?.conversation_id),
      text: str(e.payload?.text),
      by: str(e.payload?.operator_id),
    }),
  'friend.requested': (e, emit) =>
    emit('friend', {
      kind: 'requested',
      userId: str(e.payload?.from_user_id),
      displayName: str(e.payload?.display_name),
    }),
  'friend.accepted': (e, emit) =>
    emit('friend', { kind: 'accepted', userId: str(e.payload?.user_id), displayName: str(e.payload?.display_name) }),
}

function group(e: Envelope): { conversationId: string; name: string } {
  return { conversationId: str(e.payload?.conversation_id), name: str(e.payload?.name) }
}

/** Emits the typed event of an envelope (if its type is known) and then the raw one. */
export function dispatchEvent(e: Envelope, emit: Emit): void {
  decoders[e.event_type]?.(e, emit)
  emit('event', e)
}

/** Emits the typed event of an operation record (edit, reaction, pin); a text message has none beside `message`. */
export function dispatchRecord(m: Message, emit: Emit): void {
  const op = {
    conversationId: m.conversationId,
    seq: m.seq,
    targetId: m.targetId,
    userId: m.senderId,
    sentAt: m.sentAt,
  }
  if (m.kind === 'edit') emit('edit', { ...op, content: m.content })
  else if (m.kind === 'reaction' || m.kind === 'unreaction')
    emit('reaction', { ...op, emoji: m.content, added: m.kind === 'reaction' })
  else if (m.kind === 'pin' || m.kind === 'unpin') emit('pin', { ...op, pinned: m.kind === 'pin' })
}
