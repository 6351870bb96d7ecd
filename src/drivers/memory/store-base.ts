// What every concern of the in-memory store shares: the maps (rows and their indexes) and the helpers that keep
// the indexes in step when a row is added or dropped.
import type {
  Conversation,
  ConversationWithSeq,
  Member,
  MessageRow,
  OutboxRecord,
  PendingOutboxRow,
  UserRow,
} from '../../ports/store.js'

interface Members {
  byUser: Map<string, Member>
  /** user ids in ascending order, for cursor pages */
  sorted: string[]
}

interface Messages {
  bySeq: Map<number, MessageRow>
  /** ascending seq */
  sorted: MessageRow[]
}

/** index of the first element of `sorted` that is greater than `value` */
export function upperBound<T, V>(sorted: T[], value: V, of: (t: T) => V): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (of(sorted[mid]!) <= value) lo = mid + 1
    else hi = mid
  }
  return lo
}

export const pair = (a: string, b: string) => `${a}\u0000${b}`
/** an idempotency key is scoped to (conversation, sender): the same key in another conversation is another send */
export const idemKey = (m: { conversationId: string; senderId: string; idempotencyKey: string }) =>
  pair(m.conversationId, pair(m.senderId, m.idempotencyKey))

export abstract class MemoryStoreBase {
  readonly kind = 'memory' as const
  protected readonly users = new Map<string, UserRow>()
  /** by normalized username (normalizeUsername) */
  protected readonly userIdByName = new Map<string, string>()
  protected readonly conversations = new Map<string, Conversation>()
  protected readonly seqReserved = new Map<string, number>()
  protected readonly members = new Map<string, Members>()
  protected readonly conversationsOfUser = new Map<string, Set<string>>()
  protected readonly messages = new Map<string, Messages>()
  protected readonly messageById = new Map<string, MessageRow>()
  protected readonly messageIdByKey = new Map<string, string>()
  protected readonly readCursors = new Map<string, number>()
  protected readonly friendRequests = new Map<string, 'pending' | 'accepted'>()
  protected readonly pending = new Map<number, PendingOutboxRow>()
  /** outbox id → when it was appended (epoch ms) */
  protected readonly committedAt = new Map<number, number>()
  /** id → when published, oldest first; bounded, since in memory nobody can inspect published rows anyway */
  protected readonly published = new Map<number, number>()
  /** revoked token id → expiry (epoch ms) */
  protected readonly revocations = new Map<string, number>()
  protected nextOutboxId = 1
  protected leaseHeld = false

  async ping(): Promise<void> {}
  async close(): Promise<void> {}

  protected append(outbox: OutboxRecord[]): void {
    for (const r of outbox) {
      const id = this.nextOutboxId++
      this.pending.set(id, { id, topic: r.topic, key: r.key, value: Buffer.from(r.value), headers: { ...r.headers } })
      this.committedAt.set(id, Date.now())
    }
  }

  protected putMembers(conversationId: string, members: Member[]): void {
    const group = this.members.get(conversationId)!
    for (const m of members) {
      if (group.byUser.has(m.userId)) continue
      group.byUser.set(m.userId, { ...m, conversationId })
      group.sorted.splice(
        upperBound(group.sorted, m.userId, (u) => u),
        0,
        m.userId,
      )
      let mine = this.conversationsOfUser.get(m.userId)
      if (!mine) this.conversationsOfUser.set(m.userId, (mine = new Set()))
      mine.add(conversationId)
      this.conversations.get(conversationId)!.memberCount++
    }
  }

  /** a swept user's group invitations (the store's invitations part overrides it) */
  protected forgetInvitations(_userId: string): void {}

  protected dropMember(conversationId: string, userId: string): void {
    const group = this.members.get(conversationId)!
    group.byUser.delete(userId)
    group.sorted.splice(upperBound(group.sorted, userId, (u) => u) - 1, 1)
    this.conversationsOfUser.get(userId)?.delete(conversationId)
    this.conversations.get(conversationId)!.memberCount--
  }

  /** a conversation with its members, messages and read cursors */
  protected dropConversation(id: string): void {
    for (const userId of this.members.get(id)?.byUser.keys() ?? []) this.conversationsOfUser.get(userId)?.delete(id)
    for (const m of this.messages.get(id)?.sorted ?? []) {
      this.messageById.delete(m.messageId)
      if (m.idempotencyKey !== '') this.messageIdByKey.delete(idemKey(m))
    }
    for (const key of this.readCursors.keys()) if (key.startsWith(pair(id, ''))) this.readCursors.delete(key)
    this.members.delete(id)
    this.messages.delete(id)
    this.seqReserved.delete(id)
    this.conversations.delete(id)
  }

  protected putMessage(m: MessageRow): void {
    let list = this.messages.get(m.conversationId)
    if (!list) this.messages.set(m.conversationId, (list = { bySeq: new Map(), sorted: [] }))
    list.bySeq.set(m.seq, m)
    list.sorted.splice(
      upperBound(list.sorted, m.seq, (x) => x.seq),
      0,
      m,
    )
    this.messageById.set(m.messageId, m)
    if (m.idempotencyKey !== '') this.messageIdByKey.set(idemKey(m), m.messageId)
  }

  protected maxSeqOf(conversationId: string): number {
    return this.messages.get(conversationId)?.sorted.at(-1)?.seq ?? 0
  }

  protected withSeq(c: Conversation): ConversationWithSeq {
    return { ...c, lastSeq: this.maxSeqOf(c.conversationId) }
  }
}
