// Retention (issue 28): how long a conversation's history is kept, and the sweep that removes what is older.
//
// A record's age limit is the shortest of those that are set (0: not set): the deployment's retention_days, the
// conversation's retentionDays, and its ttlSeconds (disappearing messages). A conversation can shorten what the
// deployment keeps, never lengthen it. A record older than its limit (sentAt <= now - limit) becomes a tombstone:
// kind 'expired'; content, attachment, mentions, reply and what operations made of it (reactions, pin, edits) gone;
// seq, message id, sender, time and status stay, so sync stays gap-free and shows where history was removed
// (docs/protocol.md "Retention").
import { AppError } from '../core/errors.js'
import type { OutboxRecord } from './outbox-record.js'
import { freshState, type Message } from '../domain/message.js'

export const DAY_MS = 86_400_000
/** what a conversation may ask for: up to ten years, and a ttl of up to a year */
export const MAX_RETENTION_DAYS = 3650
export const MAX_TTL_SECONDS = 365 * 86_400

export interface RetentionSettings {
  /** 0: the deployment's */
  retentionDays: number
  /** disappearing messages: 0 off */
  ttlSeconds: number
}

export const NO_RETENTION: RetentionSettings = { retentionDays: 0, ttlSeconds: 0 }

export interface ExpiryPolicy {
  nowMs: number
  /** the deployment's retention_days (0: keep forever) */
  defaultRetentionDays: number
}

/** a record the sweep turned into a tombstone, with what must go with it */
export interface ExpiredRecord {
  conversationId: string
  messageId: string
  seq: number
  /** the attachment it carried, when no record carries it any more ('' otherwise: none, or it was sent again
   *  elsewhere): its bytes go through the blob port (src/ports/blobs.ts) and its row from the attachment store */
  attachmentId: string
}

export interface RetentionStore {
  /** null without the conversation */
  getRetention(conversationId: string): Promise<RetentionSettings | null>
  /** null without the conversation; the same settings again write nothing, not even the outbox */
  setRetention(
    conversationId: string,
    settings: RetentionSettings,
    outbox: OutboxRecord[],
  ): Promise<RetentionSettings | null>
  /**
   * Turns at most `limit` expired records into tombstones, in one transaction, and returns them. First those past
   * the deployment's limit, then those of conversations with settings of their own. No outbox: clients learn it by
   * sync (the tombstone) and the sweep is counted and logged by its caller.
   */
  expireMessages(policy: ExpiryPolicy, limit: number): Promise<ExpiredRecord[]>
  /**
   * The records a user sent, every status and kind, in (conversation id, seq) order after `after`, at most `limit`
   * (gochat users export and erase; index ix_messages_sender). No reply previews.
   */
  sentBy(senderId: string, after: SentCursor, limit: number): Promise<Array<Message & { idempotencyKey: string }>>
  /**
   * `gochat users erase`: turns these records of `senderId` into tombstones as the sweep does (records of another
   * sender, missing ones and tombstones already made are left as they are), in one transaction, and returns those
   * it changed, with the attachments no record carries any more.
   */
  eraseSent(senderId: string, records: SentCursor[]): Promise<ExpiredRecord[]>
}

/** where a page of sentBy ends: the next page starts after it ({conversationId: '', seq: 0} for the first) */
export interface SentCursor {
  conversationId: string
  seq: number
}

/** the age limit in ms of a conversation's records, 0: kept forever */
export function ageLimitMs(settings: RetentionSettings, defaultRetentionDays: number): number {
  const limits = [defaultRetentionDays * DAY_MS, settings.retentionDays * DAY_MS, settings.ttlSeconds * 1000]
  const set = limits.filter((l) => l > 0)
  return set.length ? Math.min(...set) : 0
}

/** records sent at or before this have expired (0 limit: none) */
export const expiryCutoff = (limitMs: number, nowMs: number): number => (limitMs > 0 ? nowMs - limitMs : -1)

/** Every driver refuses the same settings. */
export function checkRetention(s: RetentionSettings): void {
  if (!Number.isSafeInteger(s.retentionDays) || s.retentionDays < 0 || s.retentionDays > MAX_RETENTION_DAYS)
    throw new AppError('bad_request', `retentionDays must be 0 to ${MAX_RETENTION_DAYS}`)
  if (!Number.isSafeInteger(s.ttlSeconds) || s.ttlSeconds < 0 || s.ttlSeconds > MAX_TTL_SECONDS)
    throw new AppError('bad_request', `ttlSeconds must be 0 to ${MAX_TTL_SECONDS}`)
}

/** a message's reactions without those of `userId` (erase: the user's reactions on other people's messages) */
export function withoutReactor<R extends { emoji: string; userIds: string[] }>(reactions: R[], userId: string): R[] {
  return reactions
    .map((r) => ({ ...r, userIds: r.userIds.filter((u) => u !== userId) }))
    .filter((r) => r.userIds.length > 0)
}

/** what a record keeps as a tombstone: no operation state either (the SQL stores' TOMBSTONE: op_state NULL) */
export function tombstone<T extends Message>(m: T): T {
  const { attachment: _a, reply: _r, ...rest } = m as T & { attachment?: unknown; reply?: unknown }
  return {
    ...(rest as T),
    ...freshState,
    kind: 'expired',
    content: '',
    mentions: [],
    replyTo: '',
    targetId: '',
  }
}
