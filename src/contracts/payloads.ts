// The internal Kafka payloads, one schema module shared by producers and consumers (JSON on the wire, so any
// Kafka client can read them). Consumers validate with `decode`, which throws on anything malformed; the
// consumer runner dead-letters such records instead of crashing.
// zod's v4 API (in the same package): it compiles an object schema into one function, which parses a record in
// about half of v3's time, and every record a task or gateway consumes goes through here
import { z } from 'zod/v4'
import { type Message as DomainMessage, messageKinds, messageStatuses } from '../domain/message.js'

/** the attachment of an image, file or voice message (src/domain/message.ts MessageAttachment) */
export const MessageAttachment = z.object({
  attachmentId: z.string().min(1),
  mime: z.string(),
  size: z.number().int().nonnegative(),
  name: z.string(),
  sha256: z.string(),
  width: z.number().int().default(0),
  height: z.number().int().default(0),
  durationMs: z.number().int().default(0),
  thumbnail: z
    .object({
      width: z.number().int(),
      height: z.number().int(),
      size: z.number().int().positive(),
      mime: z.string(),
    })
    .optional(),
})

/** A stored message as clients see it (docs/protocol.md `Message`): the domain Message, as JSON. */
export const Message = z.object({
  messageId: z.string().min(1),
  conversationId: z.string().min(1),
  seq: z.number().int().positive(),
  senderId: z.string().min(1),
  content: z.string(),
  sentAt: z.number().int(),
  status: z.enum(messageStatuses),
  // defaults: records written before message kinds (still on a topic during an upgrade) are plain text
  kind: z.enum(messageKinds).default('text'),
  targetId: z.string().default(''),
  replyTo: z.string().default(''),
  mentions: z.array(z.string()).default([]),
  editedAt: z.number().int().default(0),
  editCount: z.number().int().default(0),
  editSeq: z.number().int().default(0),
  reactions: z.array(z.object({ emoji: z.string(), userIds: z.array(z.string()) })).default([]),
  pinnedAt: z.number().int().default(0),
  reply: z
    .object({ messageId: z.string(), senderId: z.string(), snippet: z.string(), status: z.enum(messageStatuses) })
    .optional(),
  // absent on records written before attachments, and on every kind but image, file and voice
  attachment: MessageAttachment.optional(),
}) satisfies z.ZodType<DomainMessage, unknown>
export type Message = DomainMessage

/** gochat.messages.dispatch: a committed message, published by repo's outbox relay (or the persist consumer). */
export const DispatchMessage = z.object({
  message: Message,
  conversationKind: z.enum(['direct', 'group']),
  memberCount: z.number().int().nonnegative(),
  traceId: z.string().optional(),
})
export type DispatchMessage = z.infer<typeof DispatchMessage>

/**
 * gochat.messages.downstream.<instance>: one record per gateway carrying the client frame already serialized
 * (the gateway writes `frame` as-is to every live connection of every user in `userIds`).
 */
export const DownstreamMessage = z.object({
  conversationId: z.string(),
  seq: z.number().int().nonnegative().optional(),
  userIds: z.array(z.string()).min(1),
  frame: z.string().min(2),
  /** only this connection of the (single) listed user: answers to one device, e.g. acks in upstream: kafka mode */
  connectionId: z.string().optional(),
  traceId: z.string().optional(),
  /**
   * a revoked token id, or user:<id> for every token of the user: after the frame, the gateway closes the listed
   * users' connections opened with it (1008 token revoked)
   */
  closeRevoked: z.string().optional(),
})
export type DownstreamMessage = z.infer<typeof DownstreamMessage>

/** gochat.tasks.fanout: one shard of a large group's member list, paged from repo by cursor. */
export const FanoutTask = z.object({
  taskId: z.string(),
  message: Message,
  shard: z.number().int().nonnegative(),
  shards: z.number().int().positive(),
  /** members with user id > afterUserId (exclusive; '' = from the start) … */
  afterUserId: z.string(),
  /** … up to and including this user id ('' = to the end) */
  untilUserId: z.string(),
  traceId: z.string().optional(),
})
export type FanoutTask = z.infer<typeof FanoutTask>

/** gochat.notifications.push: offline members of one message, batched. */
export const OfflinePush = z.object({
  pushId: z.string(),
  userIds: z.array(z.string()).min(1),
  conversationId: z.string(),
  messageId: z.string(),
  seq: z.number().int().positive(),
  senderId: z.string(),
  preview: z.string(),
  sentAt: z.number().int(),
  /** the users of this batch were mentioned (pushed even for records that push nobody else) */
  mentioned: z.boolean().optional(),
})
export type OfflinePush = z.infer<typeof OfflinePush>

/** gochat.tasks.retry and gochat.tasks.dlq: a failed task with its attempt count and when to try again. */
export const TaskMessage = z.object({
  taskId: z.string(),
  taskType: z.enum([
    'dispatch',
    'fanout',
    'push',
    'persist',
    'upstream',
    'event',
    'retry',
    'downstream',
    'undecodable',
  ]),
  /** the topic the payload came from and goes back to on retry or replay */
  originalTopic: z.string(),
  key: z.string().nullable(),
  attempt: z.number().int().nonnegative(),
  notBefore: z.number().int(),
  /** the original record value as UTF-8 text (base64 when it was not valid UTF-8) */
  payload: z.string(),
  payloadEncoding: z.enum(['utf8', 'base64']).default('utf8'),
  lastError: z.string().optional(),
})
export type TaskMessage = z.infer<typeof TaskMessage>

/** what a send names beside its text: the kind of record, what it targets, answers and mentions (absent: text) */
const sendRefs = {
  kind: z.enum(messageKinds).optional(),
  targetId: z.string().optional(),
  replyTo: z.string().optional(),
  mentions: z.array(z.string()).optional(),
}

/** gochat.messages.upstream (upstream: kafka mode): a client's send, from its gateway to logic, not yet checked. */
export const UpstreamMessage = z.object({
  traceId: z.string(),
  userId: z.string(),
  conversationId: z.string(),
  content: z.string(),
  idempotencyKey: z.string(),
  /** where the answer goes: the sender's gateway (an instance id: it names a topic), connection and the frame's ref */
  gatewayId: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'not a gateway instance id'),
  connectionId: z.string().min(1),
  ref: z.union([z.string(), z.number()]).optional(),
  ...sendRefs,
  /** image, file, voice: the attachment the client names */
  attachmentId: z.string().optional(),
})
export type UpstreamMessage = z.infer<typeof UpstreamMessage>

/**
 * gochat.messages.persist (persistence: async): a record logic has checked, given its seq and acked; task stores it
 * as it is. The field names are the ones these records always had (the topic keeps them 7 days).
 */
export const PersistMessage = z.object({
  traceId: z.string(),
  userId: z.string(),
  conversationId: z.string(),
  content: z.string(),
  idempotencyKey: z.string(),
  messageId: z.string().min(1),
  seq: z.number().int().positive(),
  sentAt: z.number().int(),
  conversationKind: z.enum(['direct', 'group']).optional(),
  memberCount: z.number().int().nonnegative().optional(),
  ...sendRefs,
  /** image, file, voice: the attachment as logic read it from the attachment store */
  attachment: MessageAttachment.optional(),
})
export type PersistMessage = z.infer<typeof PersistMessage>

export class DecodeError extends Error {
  override name = 'DecodeError'
}

/** Parses and validates a record value; throws DecodeError naming what is wrong. */
export function decode<T>(schema: z.ZodType<T>, value: Buffer | string, what: string): T {
  let json: unknown
  try {
    json = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'))
  } catch (err) {
    throw new DecodeError(`${what}: not JSON (${(err as Error).message})`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new DecodeError(`${what}: ${issue?.path.join('.') || 'value'} ${issue?.message ?? 'is invalid'}`)
  }
  return parsed.data
}

export const encode = (value: unknown): string => JSON.stringify(value)
