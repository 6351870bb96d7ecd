// Between the RepoService messages and the store's rows (a message's codec is src/contracts/codecs/repo-message.ts). Requests arrive in the generated *input* shapes:
// over gRPC every field is filled in, but in process (--role=all) fields may be missing and int64s may be
// strings or Longs — so every read of a request goes through these helpers. Responses are complete *output*
// shapes either way.
import { AppError } from '../../src/core/errors.js'
import type { Conversation__Output } from '../../src/contracts/generated/gochat/repo/v1/Conversation.js'
import type { Member__Output } from '../../src/contracts/generated/gochat/repo/v1/Member.js'
import type { OutboxEvent } from '../../src/contracts/generated/gochat/repo/v1/OutboxEvent.js'
import type { User__Output } from '../../src/contracts/generated/gochat/repo/v1/User.js'
import type { ConversationWithSeq, Member, OutboxRecord, UserRow } from '../../src/ports/store.js'
import { traceHeaders, tracingEnabled } from '../../src/observability/tracing.js'

type Int64 = number | string | { toNumber(): number } | null | undefined

export const str = (v: string | null | undefined): string => v ?? ''

export function int(v: Int64): number {
  if (v === null || v === undefined) return 0
  if (typeof v === 'object') return v.toNumber()
  const n = Number(v)
  if (!Number.isSafeInteger(n)) throw new AppError('bad_request', `not an integer: ${String(v)}`)
  return n
}

/** a field that must be present and non-empty */
export function required(v: string | null | undefined, name: string): string {
  if (!v) throw new AppError('bad_request', `${name} is required`)
  return v
}

/**
 * Outbox records from request events. A string value is base64, as protobuf's `bytes` reads it over gRPC, so
 * an in-process call behaves the same as a remote one.
 */
export function outboxOf(events: OutboxEvent[] | null | undefined): OutboxRecord[] {
  if (!events?.length) return []
  // with tracing on, the rows continue the trace of the call that wrote them (the relay's span is their child)
  const trace = tracingEnabled() ? traceHeaders() : undefined
  return events.map((e) => ({
    topic: required(e.topic, 'events[].topic'),
    key: e.key || null,
    value: typeof e.value === 'string' ? Buffer.from(e.value, 'base64') : Buffer.from(e.value ?? []),
    headers: { ...trace, ...(e.headers ?? {}) },
  }))
}

export const userOut = (u: UserRow): User__Output => ({
  user_id: u.userId,
  username: u.username ?? '',
  display_name: u.displayName,
  guest: u.guest,
  password_hash: u.passwordHash,
  created_at: u.createdAt,
  discoverable: u.discoverable,
})

export const conversationOut = (c: ConversationWithSeq): Conversation__Output => ({
  conversation_id: c.conversationId,
  kind: c.kind,
  name: c.name,
  announcement: c.announcement,
  last_seq: c.lastSeq,
  member_count: c.memberCount,
  created_at: c.createdAt,
})

export const memberOut = (m: Member): Member__Output => ({
  conversation_id: m.conversationId,
  user_id: m.userId,
  role: m.role,
  joined_at: m.joinedAt,
})
