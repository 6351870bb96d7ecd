// The statements of moderation that read the same in MySQL and SQLite (src/drivers/*/moderation.ts).
import type { BanRow, BlockRow } from '../../ports/moderation.js'
import type { Row } from './rows.js'

export const toBlock = (r: Row): BlockRow => ({
  userId: r.user_id as string,
  blockedId: r.blocked_id as string,
  createdAt: Number(r.created_at),
})

export const toBan = (r: Row): BanRow => ({
  conversationId: r.conversation_id as string,
  userId: r.user_id as string,
  bannedBy: r.banned_by as string,
  createdAt: Number(r.created_at),
})

export const LIST_BLOCKS =
  'SELECT user_id, blocked_id, created_at FROM user_blocks WHERE user_id = ? ORDER BY created_at DESC, blocked_id'
export const LIST_BANS =
  'SELECT conversation_id, user_id, banned_by, created_at FROM group_bans WHERE conversation_id = ? ORDER BY created_at DESC, user_id'

/** the candidates (placeholders `p`, twice) blocked by or blocking the user (the first and third parameter) */
export const blockedAmong = (p: string) =>
  `SELECT blocked_id AS id FROM user_blocks WHERE user_id = ? AND blocked_id IN (${p})
   UNION SELECT user_id AS id FROM user_blocks WHERE blocked_id = ? AND user_id IN (${p})`

/** tables whose rows are one user's moderation state by `user_id` (a swept guest's go with it; user_blocks has
 *  two user columns and is deleted either way by the sweeps themselves) */
export const USER_MODERATION_TABLES = ['conversation_mutes', 'member_mutes', 'group_bans'] as const

/** everything kept per conversation that a swept guest's conversation takes with it */
export const CONVERSATION_TABLES = [
  'members',
  'messages',
  'read_cursors',
  'conversation_mutes',
  'member_mutes',
  'group_bans',
  'conversations',
] as const
