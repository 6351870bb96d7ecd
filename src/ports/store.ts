// The store port: what repo needs from its database. Three drivers implement it, MySQL/MariaDB
// (src/drivers/mysql/store.ts), SQLite (src/drivers/sqlite/store.ts) and in-memory (src/drivers/memory/store.ts); one contract suite
// (test/contract/store.contract.ts) runs against all.
//
// Every mutation takes the outbox records that announce it and writes them in the same transaction, so an
// event is never published for a rolled-back change nor lost for a committed one. Mutations that can turn out
// to change nothing (adding present members, a read cursor that would move back, …) write their outbox records
// only when something changed.
import { AppError } from '../core/errors.js'
import { isOperation, type Message, type MessageStatus, replyPreview } from '../domain/message.js'
import { applyOperation } from '../domain/operations.js'
import type { SearchPosition } from '../domain/search.js'
import type { Conversation, Member, MemberRole } from '../domain/conversation.js'
import type { AttachmentStore } from './attachments.js'
import type { InvitationStore } from './invitations.js'
import type { ModerationStore } from './moderation.js'
import type { OutboxRecord } from './outbox-record.js'
import type { RetentionStore } from './retention.js'

export type { OutboxRecord }
/** the store keeps conversations and members as the domain has them */
export type { Conversation, ConversationKind, Member, MemberRole } from '../domain/conversation.js'

/** An outbox row not yet published; ids grow in commit order of the rows of one conversation. */
export interface PendingOutboxRow extends OutboxRecord {
  id: number
  /** how long ago the row was committed, when read (the relay's lag metric); absent when the store cannot tell */
  ageMs?: number
}

export interface UserRow {
  userId: string
  /** null for guests */
  username: string | null
  displayName: string
  guest: boolean
  passwordHash: string
  /** epoch ms, as every time in this file */
  createdAt: number
  /** the user chose to be found by name prefix by anyone (people_search=exact); false for new users */
  discoverable: boolean
}

/** What a profile update may change; fields left out stay as they are. */
export interface UserChanges {
  displayName?: string
  discoverable?: boolean
  /** `gochat users erase`: the account becomes a tombstone: username freed (null), password unusable */
  erase?: true
}

/** the password hash of an erased account: no password verifies against it, and it marks the account erased */
export const ERASED_PASSWORD_HASH = '!erased'

/** `u` after `changes`, as every driver applies them */
export function changedUser(u: UserRow, changes: UserChanges): UserRow {
  const next = { ...u }
  if (changes.displayName !== undefined) next.displayName = changes.displayName
  if (changes.discoverable !== undefined) next.discoverable = changes.discoverable
  if (changes.erase) Object.assign(next, { username: null, passwordHash: ERASED_PASSWORD_HASH })
  return next
}

/**
 * A people search. Without `scope` every user whose username or display name starts with `prefix` matches
 * (people_search=open); with it, only the caller and their contacts (users sharing a conversation with them), the
 * discoverable users if `discoverable`, and the one user whose normalized username is `exactUsername`.
 */
export interface UserSearch {
  prefix: string
  afterUserId: string
  limit: number
  scope?: { contactsOf: string; discoverable: boolean; exactUsername: string | null }
}

/** A username that normalizes (normalizeUsername) to one already held: the migration that added the normalized
 *  column leaves it without one (login still finds it by its exact name) and reports it for an operator. */
export interface UsernameCollision {
  userId: string
  username: string
  normalized: string
  /** the user who holds the normalized name (the older account) */
  heldBy: string
}

/** memberCount follows from the members a conversation is created with */
export type NewConversation = Omit<Conversation, 'memberCount'>

/** A conversation with the highest seq stored in it (0: no messages yet). */
export interface ConversationWithSeq extends Conversation {
  lastSeq: number
}

export interface UserConversation {
  conversation: ConversationWithSeq
  readSeq: number
  /** direct conversations only: the other member */
  peer?: { userId: string; readSeq: number }
  /** the user's role in the conversation */
  role: MemberRole
}

export type { MessageStatus }

/** the domain Message as stored: with the idempotency key of its send */
export interface MessageRow extends Message {
  /** '' when the sender gave none (then the message is never matched as a duplicate) */
  idempotencyKey: string
}

export type MessageDraft = Omit<MessageRow, 'seq'>

export interface StoreMessageHooks {
  /** the outbox records announcing the stored message (its DispatchMessage) */
  outbox(message: MessageRow, conversation: Conversation): OutboxRecord[]
}

export interface StoredMessage {
  message: MessageRow
  /** (conversation, sender, idempotency key) was seen before: `message` is the first one and nothing was written */
  duplicate: boolean
}

export interface StatusChange {
  status: 'recalled' | 'deleted'
  /** with "deleted": erase the content for good */
  hard: boolean
}

/** A history search (src/domain/search.ts): messages a user sees that hold every term, newest first. */
export interface MessageSearch {
  /** only conversations this user is a member of */
  userId: string
  /** queryTerms(query): encoded, 1 to SEARCH_TERMS_MAX; each must be among the message's indexTokens */
  terms: string[]
  /** within this conversation only */
  conversationId?: string
  /** the last hit of the page before (hits after it in newest-first order) */
  before?: SearchPosition
  limit: number
}

/**
 * Held by the one outbox relay of a database; another instance's relay waits until it is released or lost.
 * The relay reads and marks rows through the lease (MySQL: on the session that holds the lock), so it cannot
 * go on relaying once the lease is lost: those calls fail instead.
 */
export interface OutboxLease {
  /** unpublished rows, lowest id first */
  pending(limit: number): Promise<PendingOutboxRow[]>
  markPublished(ids: number[]): Promise<void>
  /** deletes rows published more than `olderThanMs` ago; returns how many */
  purgePublished(olderThanMs: number): Promise<number>
  /** how many rows are unpublished (the backlog metric) */
  countPending?(): Promise<number>
  release(): Promise<void>
}

/** A revoked access token (logout), kept until the token would be refused for its expiry anyway. */
export interface RevocationRow {
  /** the token's id (jti), 1 to 64 characters */
  jti: string
  /** epoch ms: the token's exp plus the clock skew tolerated between hosts */
  expiresAt: number
}

/** What one sweep of expired guests removed (src/ports/store.ts sweepGuests). */
export interface GuestSweep {
  /** guest accounts deleted */
  users: number
  /** conversations deleted with them: their direct conversations, and groups left without members */
  conversations: number
}

export interface Store {
  readonly kind: 'mysql' | 'memory' | 'sqlite'
  ping(): Promise<void>
  close(): Promise<void>

  /** all or none; `username_taken` when a username exists (or repeats in `users`), compared normalized
   *  (normalizeUsername: "Alice" and "alice" are one name) */
  insertUsers(users: UserRow[], outbox: OutboxRecord[]): Promise<void>
  /** by username: the account of exactly that name, else the one whose normalized name matches */
  getUser(by: { userId: string } | { username: string }): Promise<UserRow | null>
  /** which of these ids name a user, compared exactly (MySQL's collation alone would match "u_x " to u_x) */
  existingUserIds(userIds: string[]): Promise<Set<string>>
  updateUser(userId: string, changes: UserChanges, outbox: OutboxRecord[]): Promise<UserRow | null>
  /** the users of these ids that exist, in user id order */
  getUsers(userIds: string[]): Promise<UserRow[]>
  /**
   * Users whose username or display name starts with `prefix`, compared case-insensitively (ASCII and Unicode
   * lower case), within the search's scope, with user_id > afterUserId, in user id order, at most `limit`.
   */
  searchUsers(search: UserSearch): Promise<UserRow[]>

  /** false when a conversation with this id exists: nothing is written (how a direct conversation stays unique) */
  createConversation(conversation: NewConversation, members: Member[], outbox: OutboxRecord[]): Promise<boolean>
  getConversation(conversationId: string): Promise<ConversationWithSeq | null>
  /** null without the conversation; the same text again writes nothing, not even the outbox */
  setAnnouncement(conversationId: string, text: string, outbox: OutboxRecord[]): Promise<ConversationWithSeq | null>
  /**
   * The user ids that were not members before; `not_found` without the conversation. `outboxFor` gets them inside
   * the transaction, so that events name exactly who was added even when two adds race.
   */
  addMembers(
    conversationId: string,
    members: Member[],
    outboxFor: (added: string[]) => OutboxRecord[],
  ): Promise<string[]>
  /**
   * False when the user was no member. When the user was an admin of a group and no admin would remain among the
   * members left, `promote` (one of them) becomes admin in the same transaction; without it, or when it names no
   * remaining member, `conflict` and nothing changes: a group never has members and no admin
   * (logic names the oldest remaining member).
   */
  removeMember(conversationId: string, userId: string, outbox: OutboxRecord[], promote?: string): Promise<boolean>
  getMember(conversationId: string, userId: string): Promise<Member | null>
  /** members with user_id > afterUserId, ordered by user_id */
  listMembers(conversationId: string, afterUserId: string, limit: number): Promise<Member[]>
  /** ordered by conversation id; direct conversations name the other member and their read cursor */
  listUserConversations(userId: string): Promise<UserConversation[]>
  /** the other members of the user's direct conversations, at most `limit`, in user id order */
  directPeers(userId: string, limit: number): Promise<string[]>

  /**
   * Stores a message and its outbox records in one transaction, `not_found` without the conversation. The store
   * allocates the seq inside that transaction, under the conversation's lock: one above both MAX(seq) and the
   * conversation's seq reservation (0 unless async persistence ran; then its seqs in flight, handed out but not
   * stored yet, are at or below it). So seqs are gap-free under sync persistence, and a store that does not
   * commit (rolled back, killed, the database gone) spends no seq. Messages are never deleted (only their
   * status changes), so MAX(seq) never goes back.
   */
  storeMessage(draft: MessageDraft, hooks: StoreMessageHooks): Promise<StoredMessage>
  // An operation (draft.kind: edit, reaction, …) is stored the same way and, in the same transaction, applied to
  // its target (applyOperation): `not_found` without the target in the conversation, the refusal's code when it
  // refuses, and then nothing is written. A draft with replyTo needs that message in the conversation
  // (`not_found`). The stored record and every read carry `reply`, the replied message as it is now.
  /** messages with seqs allocated elsewhere (async persistence); returns those stored, leaving out any whose
   * (conversation, seq) or (conversation, sender, idempotency key) exists. Operations among them are applied to
   * their targets when applyOperation allows it (the checks were made before the seq was handed out; what the
   * target's state refuses by now leaves the target as it is, the record stored all the same). */
  insertMessages(messages: MessageRow[]): Promise<MessageRow[]>
  maxSeq(conversationId: string): Promise<number>
  /**
   * Raises the conversation's seq reservation to at least `atLeast` (0: just reads it) and returns it; 0 without
   * the conversation. Async persistence keeps every seq it hands out at or below it (see AllocateSeq).
   */
  reserveSeq(conversationId: string, atLeast: number): Promise<number>
  getMessage(conversationId: string, messageId: string): Promise<MessageRow | null>
  /** messages with seq > afterSeq in seq order, deleted ones left out */
  listMessages(conversationId: string, afterSeq: number, limit: number): Promise<MessageRow[]>
  /** the pinned messages of a conversation (pinnedAt > 0, not deleted), in seq order, at most `limit` */
  listPins(conversationId: string, limit: number): Promise<MessageRow[]>
  /**
   * Text messages neither recalled nor deleted, by their current content (edits applied), holding every term, in
   * the search's user's conversations; newest first (sentAt, then conversation id, then seq, all descending).
   * Each SQL store keeps a full-text index of its own for it, written in the transaction that writes the message.
   */
  searchMessages(search: MessageSearch): Promise<MessageRow[]>
  /** null when there is no such message; the outbox records are written only when the message changed */
  updateMessageStatus(
    conversationId: string,
    messageId: string,
    change: StatusChange,
    outbox: OutboxRecord[],
  ): Promise<MessageRow | null>
  /** moves the cursor to max(current, seq) */
  setReadSeq(
    conversationId: string,
    userId: string,
    seq: number,
    outbox: OutboxRecord[],
  ): Promise<{ readSeq: number; advanced: boolean }>

  /** `already_exists` when from → to exists, or the two are friends already */
  createFriendRequest(fromUserId: string, toUserId: string, at: number, outbox: OutboxRecord[]): Promise<void>
  /** `not_found` without a pending request from → to */
  acceptFriendRequest(fromUserId: string, toUserId: string, at: number, outbox: OutboxRecord[]): Promise<void>

  /** records a revoked token; revoking it again keeps the later expiry */
  revokeToken(revocation: RevocationRow): Promise<void>
  /** which of these token ids are revoked and not expired at `now` */
  revokedTokenIds(jtis: string[], now: number): Promise<Set<string>>
  /** revocations not expired at `now` with jti > afterJti, in jti order, at most `limit` (to reload a cache) */
  listRevocations(now: number, afterJti: string, limit: number): Promise<RevocationRow[]>
  /** deletes the revocations expired at `now`; returns how many */
  pruneRevocations(now: number): Promise<number>

  /**
   * Deletes up to `limit` guest accounts created before `createdBefore` (oldest first), in one transaction, with
   * what is theirs alone: their memberships and read cursors, their friend requests, their direct conversations
   * whole (both members, messages, cursors), and the groups they leave without members (with their messages).
   * Their messages in groups that still have members stay, naming a sender that no longer exists. No outbox.
   */
  sweepGuests(createdBefore: number, limit: number): Promise<GuestSweep>

  /** group invitations and who shares a conversation with whom (src/ports/invitations.ts) */
  readonly invitations: InvitationStore
  /** attachments: upload slots and what their bytes turned out to be (src/ports/attachments.ts) */
  readonly attachments: AttachmentStore
  /** blocks, conversation mutes, member mutes and bans (src/ports/moderation.ts) */
  readonly moderation: ModerationStore
  /** how long history is kept, and the sweep of what expired (src/ports/retention.ts) */
  readonly retention: RetentionStore

  appendOutbox(outbox: OutboxRecord[]): Promise<void>
  /** null when another relay holds it */
  acquireOutboxLease(): Promise<OutboxLease | null>
}

/**
 * What a status change does to a message; null when it changes nothing. "deleted" is final: a deleted message
 * is never recalled, though a soft-deleted one may still be hard-deleted.
 */
export function applyStatusChange(m: MessageRow, change: StatusChange): MessageRow | null {
  if (change.status === 'recalled') return m.status === 'normal' ? { ...m, status: 'recalled' } : null
  const content = change.hard ? '' : m.content
  if (m.status === 'deleted' && content === m.content) return null
  return { ...m, status: 'deleted', content }
}

/** a draft the store must read another message for: an operation's target, a reply's original */
export const needsTarget = (d: MessageDraft): boolean => isOperation(d.kind) || d.replyTo !== ''

/** The target after the operation `op`; throws what every driver refuses with (then nothing is written). */
export function operated(target: MessageRow | null | undefined, op: Message): MessageRow {
  if (!target) throw new AppError('not_found', `message ${op.targetId} not found in ${op.conversationId}`)
  const applied = applyOperation(target, op)
  if ('refused' in applied) throw new AppError(applied.refused.code, applied.refused.reason)
  return { ...applied.message, idempotencyKey: target.idempotencyKey }
}

/** insertMessages' rule: the target after `op`, or null when there is none or its state refuses it now */
export function operatedIfAllowed(target: MessageRow | null | undefined, op: Message): MessageRow | null {
  if (!target) return null
  const applied = applyOperation(target, op)
  return 'refused' in applied ? null : { ...applied.message, idempotencyKey: target.idempotencyKey }
}

/** A draft's reply must name a message of its conversation. */
export function requireReplied(replied: MessageRow | null | undefined, d: MessageDraft): MessageRow {
  if (!replied) throw new AppError('not_found', `replyTo: message ${d.replyTo} not found in ${d.conversationId}`)
  return replied
}

/** `m` with the preview of the message it replies to (left as it is when that one is gone) */
export const withReply = <T extends Message>(m: T, replied: Message | null | undefined): T =>
  replied ? { ...m, reply: replyPreview(replied) } : m

const MAX_TOPIC_OR_KEY = 255

/** Both drivers refuse the same outbox records (the MySQL driver inside the transaction, which then rolls back). */
export function checkOutbox(outbox: OutboxRecord[]): void {
  for (const r of outbox) {
    if (r.topic.length === 0 || r.topic.length > MAX_TOPIC_OR_KEY) {
      throw new AppError(
        'bad_request',
        `outbox topic must be 1 to ${MAX_TOPIC_OR_KEY} characters (got ${r.topic.length})`,
      )
    }
    if (r.key !== null && r.key.length > MAX_TOPIC_OR_KEY) {
      throw new AppError(
        'bad_request',
        `outbox key must be at most ${MAX_TOPIC_OR_KEY} characters (got ${r.key.length})`,
      )
    }
  }
}

const MAX_JTI = 64

/** Every driver refuses the same revocations. */
export function checkRevocation(r: RevocationRow): void {
  if (r.jti.length === 0 || r.jti.length > MAX_JTI)
    throw new AppError('bad_request', `token id must be 1 to ${MAX_JTI} characters (got ${r.jti.length})`)
  if (!Number.isSafeInteger(r.expiresAt)) throw new AppError('bad_request', 'revocation expiry must be epoch ms')
}
