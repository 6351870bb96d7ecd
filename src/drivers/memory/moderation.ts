// Moderation in memory (src/ports/moderation.ts): maps beside the store's members, which it reads and removes from
// through the accessors the store hands it. Nothing awaits inside a mutation, so each runs alone.
import { AppError } from '../../core/errors.js'
import type { BanRow, BlockRow, ModerationStore } from '../../ports/moderation.js'
import { checkOutbox, type Conversation, type OutboxRecord } from '../../ports/store.js'

/** what the store lets its moderation see and do */
export interface MemoryMembers {
  conversation(conversationId: string): Conversation | undefined
  isMember(conversationId: string, userId: string): boolean
  /** removes the membership and any invitation */
  expel(conversationId: string, userId: string): void
  append(outbox: OutboxRecord[]): void
}

const pair = (a: string, b: string) => `${a}\u0000${b}`
const newestFirst = <T extends { createdAt: number }>(a: T, b: T) => b.createdAt - a.createdAt

export class MemoryModeration implements ModerationStore {
  /** by (blocker, blocked) */
  private readonly blocks = new Map<string, BlockRow>()
  /** by (user, conversation) */
  private readonly muted = new Set<string>()
  /** until, by (conversation, member) */
  private readonly memberMutes = new Map<string, number>()
  /** by (conversation, user) */
  private readonly bans = new Map<string, BanRow>()

  constructor(private readonly m: MemoryMembers) {}

  async block(row: BlockRow): Promise<boolean> {
    const k = pair(row.userId, row.blockedId)
    if (this.blocks.has(k)) return false
    this.blocks.set(k, { ...row })
    return true
  }

  async unblock(userId: string, blockedId: string): Promise<boolean> {
    return this.blocks.delete(pair(userId, blockedId))
  }

  async listBlocks(userId: string, limit: number): Promise<BlockRow[]> {
    return [...this.blocks.values()]
      .filter((b) => b.userId === userId)
      .sort(newestFirst)
      .slice(0, limit)
  }

  async blockedAmong(userId: string, candidates: string[]): Promise<Set<string>> {
    return new Set(candidates.filter((c) => this.blocks.has(pair(userId, c)) || this.blocks.has(pair(c, userId))))
  }

  async setConversationMuted(userId: string, conversationId: string, muted: boolean): Promise<boolean> {
    const k = pair(userId, conversationId)
    if (this.muted.has(k) === muted) return false
    if (muted) this.muted.add(k)
    else this.muted.delete(k)
    return true
  }

  async mutedConversations(userId: string): Promise<Set<string>> {
    const prefix = pair(userId, '')
    return new Set([...this.muted].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)))
  }

  async mutedAmong(conversationId: string, userIds: string[]): Promise<Set<string>> {
    return new Set(userIds.filter((u) => this.muted.has(pair(u, conversationId))))
  }

  async muteMember(conversationId: string, userId: string, until: number, outbox: OutboxRecord[]) {
    if (!this.m.isMember(conversationId, userId)) return false
    checkOutbox(outbox)
    this.memberMutes.set(pair(conversationId, userId), until)
    this.m.append(outbox)
    return true
  }

  async unmuteMember(conversationId: string, userId: string, outbox: OutboxRecord[]) {
    if (!this.memberMutes.has(pair(conversationId, userId))) return false
    checkOutbox(outbox)
    this.memberMutes.delete(pair(conversationId, userId))
    this.m.append(outbox)
    return true
  }

  async memberMutedUntil(conversationId: string, userId: string): Promise<number> {
    return this.memberMutes.get(pair(conversationId, userId)) ?? 0
  }

  async ban(row: BanRow, outbox: OutboxRecord[]): Promise<boolean> {
    if (!this.m.conversation(row.conversationId))
      throw new AppError('not_found', `conversation ${row.conversationId} not found`)
    const k = pair(row.conversationId, row.userId)
    if (this.bans.has(k)) return false
    checkOutbox(outbox)
    this.m.expel(row.conversationId, row.userId)
    this.memberMutes.delete(k)
    this.bans.set(k, { ...row })
    this.m.append(outbox)
    return true
  }

  async unban(conversationId: string, userId: string, outbox: OutboxRecord[]): Promise<boolean> {
    const k = pair(conversationId, userId)
    if (!this.bans.has(k)) return false
    checkOutbox(outbox)
    this.bans.delete(k)
    this.m.append(outbox)
    return true
  }

  async bannedAmong(conversationId: string, userIds: string[]): Promise<Set<string>> {
    return new Set(userIds.filter((u) => this.bans.has(pair(conversationId, u))))
  }

  async listBans(conversationId: string, limit: number): Promise<BanRow[]> {
    return [...this.bans.values()]
      .filter((b) => b.conversationId === conversationId)
      .sort(newestFirst)
      .slice(0, limit)
  }

  /** a swept user's blocks (either way), mutes (theirs and of them) and bans */
  forget(userId: string): void {
    for (const [k, b] of this.blocks) if (b.userId === userId || b.blockedId === userId) this.blocks.delete(k)
    const prefix = pair(userId, '')
    for (const k of this.muted) if (k.startsWith(prefix)) this.muted.delete(k)
    for (const [k, b] of this.bans) if (b.userId === userId) this.bans.delete(k)
    const suffix = `\u0000${userId}`
    for (const k of this.memberMutes.keys()) if (k.endsWith(suffix)) this.memberMutes.delete(k)
  }
}
