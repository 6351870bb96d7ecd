// The domain event envelope (docs/architecture.md, "Domain events"): plain JSON on gochat.user-events,
// gochat.message-events and gochat.notifications. Consumers ignore unknown fields and event types.
import { randomUUID } from 'node:crypto'
import { z } from 'zod/v4'
import { operationEvents } from '../domain/operations.js'

export const userEventTypes = [
  'user.online',
  'user.offline',
  'user.profile.updated',
  // every token of the user (or one token) revoked out of band (`gochat users erase`): the gateways close the
  // sockets opened with it at once (payload: revocation_id, a token id or user:<id>; reason)
  'user.tokens.revoked',
] as const
export const messageEventTypes = [
  'message.read',
  'message.recalled',
  'message.deleted',
  // operations in the seq stream, each written with its record (payload: the target's message_id and seq_id):
  // message.edited, message.reacted, message.unreacted, message.pinned, message.unpinned (src/domain/operations.ts)
  ...operationEvents,
] as const
/** events of a group that concern all its members: on gochat.message-events, keyed by conversation id */
export const groupEventTypes = [
  'group.admin.promoted',
  // moderation by a group admin (services/logic/moderation.ts); payload: user_id (the member), until (mutes)
  'group.member.banned',
  'group.member.unbanned',
  'group.member.muted',
  'group.member.unmuted',
] as const
export const notificationTypes = [
  // "added to a group" (the name predates invitations; kept for compatibility)
  'group.invited',
  'group.invitation.created',
  'group.invitation.accepted',
  'group.invitation.declined',
  'friend.requested',
  'friend.accepted',
  'group.announcement.updated',
  // a conversation's retention or disappearing-messages setting changed (every member)
  'conversation.retention.updated',
  // a record naming the target user (or, without one, every member: @all) among its mentions
  'message.mentioned',
] as const
/** published straight to the bus, never stored (services/logic/typing.ts) */
export const ephemeralEventTypes = ['typing'] as const
export type EventType =
  | (typeof userEventTypes)[number]
  | (typeof messageEventTypes)[number]
  | (typeof groupEventTypes)[number]
  | (typeof notificationTypes)[number]
  | (typeof ephemeralEventTypes)[number]

export const EventEnvelope = z
  .object({
    // any 8-4-4-4-12 hex id, as v3's uuid() took (v4's uuid() insists on an RFC 9562 version)
    event_id: z.guid(),
    event_type: z.string().min(1),
    timestamp: z.number().int(),
    user_id: z.string().optional(),
    conversation_id: z.string().optional(),
    operator_id: z.string().optional(),
    target_user_id: z.string().optional(),
    payload: z.record(z.string(), z.unknown()),
  })
  .loose()
export type EventEnvelope = z.infer<typeof EventEnvelope>

const now = () => Math.floor(Date.now() / 1000)

export function userEvent(
  type: (typeof userEventTypes)[number],
  userId: string,
  payload: Record<string, unknown>,
): EventEnvelope {
  return { event_id: randomUUID(), event_type: type, timestamp: now(), user_id: userId, payload }
}

export function messageEvent(
  type: (typeof messageEventTypes)[number],
  conversationId: string,
  operatorId: string,
  payload: { message_id: string; seq_id: number } & Record<string, unknown>,
): EventEnvelope {
  return {
    event_id: randomUUID(),
    event_type: type,
    timestamp: now(),
    conversation_id: conversationId,
    operator_id: operatorId,
    payload,
  }
}

export function groupEvent(
  type: (typeof groupEventTypes)[number],
  conversationId: string,
  operatorId: string,
  payload: Record<string, unknown>,
): EventEnvelope {
  return {
    event_id: randomUUID(),
    event_type: type,
    timestamp: now(),
    conversation_id: conversationId,
    operator_id: operatorId,
    payload,
  }
}

export function notification(
  type: (typeof notificationTypes)[number],
  targetUserId: string,
  payload: Record<string, unknown>,
): EventEnvelope {
  return { event_id: randomUUID(), event_type: type, timestamp: now(), target_user_id: targetUserId, payload }
}

/** A notification for every member of a conversation (@all): keyed and routed by the conversation. */
export function conversationNotification(
  type: (typeof notificationTypes)[number],
  conversationId: string,
  operatorId: string,
  payload: Record<string, unknown>,
): EventEnvelope {
  return {
    event_id: randomUUID(),
    event_type: type,
    timestamp: now(),
    conversation_id: conversationId,
    operator_id: operatorId,
    payload,
  }
}

/** The Kafka key of an envelope, as in the topic table of docs/architecture.md. */
export function eventKey(e: EventEnvelope): string {
  return e.user_id ?? e.conversation_id ?? e.target_user_id ?? e.event_id
}
