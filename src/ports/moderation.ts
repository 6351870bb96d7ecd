// Moderation, the store's side (src/ports/store.ts `moderation`, issue 28): blocks between users, a user's muted
// conversations, members muted by a group admin until a time, and bans from a group. Each driver keeps it in a
// file of its own (src/drivers/*/moderation.ts); test/contract/moderation.contract.ts covers all three.
import type { OutboxRecord } from './outbox-record.js'

export interface BlockRow {
  /** who blocks */
  userId: string
  blockedId: string
  /** epoch ms */
  createdAt: number
}

export interface BanRow {
  conversationId: string
  userId: string
  bannedBy: string
  /** epoch ms */
  createdAt: number
}

export interface ModerationStore {
  /** false when `userId` blocks `blockedId` already */
  block(row: BlockRow): Promise<boolean>
  /** false when there was no such block */
  unblock(userId: string, blockedId: string): Promise<boolean>
  /** whom `userId` blocks, newest first, at most `limit` */
  listBlocks(userId: string, limit: number): Promise<BlockRow[]>
  /** which of `candidates` block `userId` or are blocked by them (blocks work both ways) */
  blockedAmong(userId: string, candidates: string[]): Promise<Set<string>>

  /** mutes or unmutes a conversation for one user; false when it was so already */
  setConversationMuted(userId: string, conversationId: string, muted: boolean): Promise<boolean>
  /** the conversations `userId` muted */
  mutedConversations(userId: string): Promise<Set<string>>
  /** which of `userIds` muted the conversation (offline push skips them) */
  mutedAmong(conversationId: string, userIds: string[]): Promise<Set<string>>

  /** a member may not send until `until` (epoch ms; a later call replaces it); false when not a member */
  muteMember(conversationId: string, userId: string, until: number, outbox: OutboxRecord[]): Promise<boolean>
  /** false when the member was not muted (nothing written) */
  unmuteMember(conversationId: string, userId: string, outbox: OutboxRecord[]): Promise<boolean>
  /** until when the member is muted (epoch ms, possibly past), 0 when never or unmuted */
  memberMutedUntil(conversationId: string, userId: string): Promise<number>

  /**
   * Bans a user from a group in one transaction: their membership, invitation and mute go, the ban stays.
   * false (nothing written) when banned already; `not_found` without the conversation.
   */
  ban(row: BanRow, outbox: OutboxRecord[]): Promise<boolean>
  /** false when there was no ban (nothing written) */
  unban(conversationId: string, userId: string, outbox: OutboxRecord[]): Promise<boolean>
  /** which of `userIds` are banned from the group */
  bannedAmong(conversationId: string, userIds: string[]): Promise<Set<string>>
  /** the group's bans, newest first, at most `limit` */
  listBans(conversationId: string, limit: number): Promise<BanRow[]>
}
