// The in-memory store (`gochat up`, unit tests): the MySQL driver's behaviour for one process. Every mutation
// validates everything before it changes anything, which is how it stays all-or-nothing like a transaction.
// Nothing awaits inside a mutation, so each runs alone, as under MySQL's row lock: storeMessage's MAX(seq) + 1 is
// exact.
import { AppError } from '../../core/errors.js'
import {
  applyStatusChange,
  checkOutbox,
  checkRevocation,
  type ConversationRow,
  type GuestSweep,
  type ConversationWithSeq,
  type MemberRow,
  type MessageDraft,
  type MessageRow,
  type NewConversation,
  type OutboxLease,
  type OutboxRecord,
  type PendingOutboxRow,
  type RevocationRow,
  type StatusChange,
  type Store,
  type StoredMessage,
  type StoreMessageHooks,
  type UserConversation,
  type UserChanges,
  type UserRow,
  type UserSearch,
} from '../../ports/store.js'
import { normalizeUsername } from '../../contracts/names.js'
import { noAdminLeft, oldestMember, promotionAfterRemoval } from '../../ports/last-admin.js'
import { MemoryInvitations } from './invitations.js'

interface Members {
  byUser: Map<string, MemberRow>
  /** user ids in ascending order, for cursor pages */
  sorted: string[]
}

interface Messages {
  bySeq: Map<number, MessageRow>
  /** ascending seq */
  sorted: MessageRow[]
}

/** index of the first element of `sorted` that is greater than `value` */
function upperBound<T, V>(sorted: T[], value: V, of: (t: T) => V): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (of(sorted[mid]!) <= value) lo = mid + 1
    else hi = mid
  }
  return lo
}

const pair = (a: string, b: string) => `${a}\u0000${b}`
/** an idempotency key is scoped to (conversation, sender): the same key in another conversation is another send */
const idemKey = (m: { conversationId: string; senderId: string; idempotencyKey: string }) =>
  pair(m.conversationId, pair(m.senderId, m.idempotencyKey))
const MAX_PUBLISHED_KEPT = 100_000

export class MemoryStore implements Store {
  readonly kind = 'memory' as const
  private readonly users = new Map<string, UserRow>()
  /** by normalized username (normalizeUsername) */
  private readonly userIdByName = new Map<string, string>()
  private readonly conversations = new Map<string, ConversationRow>()
  private readonly seqReserved = new Map<string, number>()
  private readonly members = new Map<string, Members>()
  private readonly conversationsOfUser = new Map<string, Set<string>>()
  private readonly messages = new Map<string, Messages>()
  private readonly messageById = new Map<string, MessageRow>()
  private readonly messageIdByKey = new Map<string, string>()
  private readonly readCursors = new Map<string, number>()
  private readonly friendRequests = new Map<string, 'pending' | 'accepted'>()
  private readonly pending = new Map<number, PendingOutboxRow>()
  /** outbox id → when it was appended (epoch ms) */
  private readonly committedAt = new Map<number, number>()
  /** id → when published, oldest first; bounded, since in memory nobody can inspect published rows anyway */
  private readonly published = new Map<number, number>()
  /** revoked token id → expiry (epoch ms) */
  private readonly revocations = new Map<string, number>()
  private nextOutboxId = 1
  private leaseHeld = false
  readonly invitations = new MemoryInvitations({
    conversation: (id) => this.conversations.get(id),
    isMember: (id, userId) => this.members.get(id)?.byUser.has(userId) === true,
    conversationsOf: (userId) => this.conversationsOfUser.get(userId) ?? [],
    addMember: (m) => this.putMembers(m.conversationId, [m]),
    append: (outbox) => this.append(outbox),
  })

  async ping(): Promise<void> {}
  async close(): Promise<void> {}

  async insertUsers(users: UserRow[], outbox: OutboxRecord[]): Promise<void> {
    const names = new Set<string>()
    for (const u of users) {
      if (u.username === null) continue
      const norm = normalizeUsername(u.username)
      if (this.userIdByName.has(norm) || names.has(norm))
        throw new AppError('username_taken', `username ${u.username} is taken`)
      names.add(norm)
    }
    checkOutbox(outbox)
    for (const u of users) {
      this.users.set(u.userId, { ...u })
      if (u.username !== null) this.userIdByName.set(normalizeUsername(u.username), u.userId)
    }
    this.append(outbox)
  }

  /** by username: normalized names are unique here from the start, so the exact name is found by its form too */
  async getUser(by: { userId: string } | { username: string }): Promise<UserRow | null> {
    const id = 'userId' in by ? by.userId : this.userIdByName.get(normalizeUsername(by.username))
    const u = id === undefined ? undefined : this.users.get(id)
    return u ? { ...u } : null
  }

  async existingUserIds(userIds: string[]): Promise<Set<string>> {
    return new Set(userIds.filter((id) => this.users.has(id)))
  }

  async updateUser(userId: string, changes: UserChanges, outbox: OutboxRecord[]): Promise<UserRow | null> {
    const u = this.users.get(userId)
    if (!u) return null
    checkOutbox(outbox)
    if (changes.displayName !== undefined) u.displayName = changes.displayName
    if (changes.discoverable !== undefined) u.discoverable = changes.discoverable
    this.append(outbox)
    return { ...u }
  }

  async directPeers(userId: string, limit: number): Promise<string[]> {
    const peers = [...(this.conversationsOfUser.get(userId) ?? [])]
      .filter((id) => this.conversations.get(id)!.kind === 'direct')
      .flatMap((id) => [...this.members.get(id)!.byUser.keys()].filter((u) => u !== userId))
    return [...new Set(peers)].sort().slice(0, limit)
  }

  async getUsers(userIds: string[]): Promise<UserRow[]> {
    return [...new Set(userIds)].sort().flatMap((id) => {
      const u = this.users.get(id)
      return u ? [{ ...u }] : []
    })
  }

  async searchUsers({ prefix, afterUserId, limit, scope }: UserSearch): Promise<UserRow[]> {
    const p = prefix.toLowerCase()
    const hit = (u: UserRow) =>
      u.displayName.toLowerCase().startsWith(p) || (u.username?.toLowerCase().startsWith(p) ?? false)
    // the caller and everyone sharing a conversation with them
    const contacts = scope
      ? new Set([
          scope.contactsOf,
          ...[...(this.conversationsOfUser.get(scope.contactsOf) ?? [])].flatMap((id) => [
            ...this.members.get(id)!.byUser.keys(),
          ]),
        ])
      : undefined
    const exact = scope?.exactUsername ? this.userIdByName.get(scope.exactUsername) : undefined
    const found = (u: UserRow) =>
      !scope || u.userId === exact || (hit(u) && ((scope.discoverable && u.discoverable) || contacts!.has(u.userId)))
    return [...this.users.values()]
      .filter((u) => u.userId > afterUserId && (scope ? found(u) : hit(u)))
      .sort((a, b) => (a.userId < b.userId ? -1 : 1))
      .slice(0, limit)
      .map((u) => ({ ...u }))
  }

  async createConversation(
    conversation: NewConversation,
    members: MemberRow[],
    outbox: OutboxRecord[],
  ): Promise<boolean> {
    if (this.conversations.has(conversation.conversationId)) return false
    checkOutbox(outbox)
    this.conversations.set(conversation.conversationId, { ...conversation, memberCount: 0 })
    this.members.set(conversation.conversationId, { byUser: new Map(), sorted: [] })
    this.putMembers(conversation.conversationId, members)
    this.append(outbox)
    return true
  }

  async getConversation(conversationId: string): Promise<ConversationWithSeq | null> {
    const c = this.conversations.get(conversationId)
    return c ? this.withSeq(c) : null
  }

  async setAnnouncement(
    conversationId: string,
    text: string,
    outbox: OutboxRecord[],
  ): Promise<ConversationWithSeq | null> {
    const c = this.conversations.get(conversationId)
    if (!c) return null
    if (c.announcement === text) return this.withSeq(c) // unchanged: no outbox, nobody is told
    checkOutbox(outbox)
    c.announcement = text
    this.append(outbox)
    return this.withSeq(c)
  }

  async addMembers(
    conversationId: string,
    members: MemberRow[],
    outboxFor: (added: string[]) => OutboxRecord[],
  ): Promise<string[]> {
    const group = this.members.get(conversationId)
    if (!group) throw new AppError('not_found', `conversation ${conversationId} not found`)
    const seen = new Set<string>()
    const fresh = members.filter((m) => !group.byUser.has(m.userId) && !seen.has(m.userId) && seen.add(m.userId))
    if (fresh.length === 0) return []
    const outbox = outboxFor(fresh.map((m) => m.userId))
    checkOutbox(outbox)
    this.putMembers(conversationId, fresh)
    this.append(outbox)
    return fresh.map((m) => m.userId)
  }

  async removeMember(conversationId: string, userId: string, outbox: OutboxRecord[], promote?: string) {
    const group = this.members.get(conversationId)
    const removed = group?.byUser.get(userId)
    if (!group || !removed) return false
    const left = [...group.byUser.values()].filter((m) => m.userId !== userId)
    const promoted = promotionAfterRemoval({
      removedRole: removed.role,
      adminsLeft: left.filter((m) => m.role === 'admin').length,
      membersLeft: left.length,
      promote,
    })
    if (promoted !== null && (promoted === userId || !group.byUser.has(promoted))) throw noAdminLeft()
    checkOutbox(outbox)
    this.dropMember(conversationId, userId)
    if (promoted !== null) group.byUser.get(promoted)!.role = 'admin'
    this.append(outbox)
    return true
  }

  async getMember(conversationId: string, userId: string): Promise<MemberRow | null> {
    const m = this.members.get(conversationId)?.byUser.get(userId)
    return m ? { ...m } : null
  }

  async listMembers(conversationId: string, afterUserId: string, limit: number): Promise<MemberRow[]> {
    const group = this.members.get(conversationId)
    if (!group) return []
    const from = upperBound(group.sorted, afterUserId, (u) => u)
    return group.sorted.slice(from, from + limit).map((u) => ({ ...group.byUser.get(u)! }))
  }

  async listUserConversations(userId: string): Promise<UserConversation[]> {
    return [...(this.conversationsOfUser.get(userId) ?? [])].sort().map((id) => {
      const conversation = this.withSeq(this.conversations.get(id)!)
      const byUser = this.members.get(id)!.byUser
      const peerId = conversation.kind === 'direct' ? [...byUser.keys()].find((u) => u !== userId) : undefined
      return {
        conversation,
        readSeq: this.readCursors.get(pair(id, userId)) ?? 0,
        role: byUser.get(userId)!.role,
        ...(peerId ? { peer: { userId: peerId, readSeq: this.readCursors.get(pair(id, peerId)) ?? 0 } } : {}),
      }
    })
  }

  async storeMessage(draft: MessageDraft, hooks: StoreMessageHooks): Promise<StoredMessage> {
    const id = draft.conversationId
    const conversation = this.conversations.get(id)
    if (!conversation) throw new AppError('not_found', `conversation ${id} not found`)
    const before = draft.idempotencyKey ? this.messageIdByKey.get(idemKey(draft)) : undefined
    if (before) return { message: { ...this.messageById.get(before)! }, duplicate: true }
    const seq = Math.max(this.maxSeqOf(id), this.seqReserved.get(id) ?? 0) + 1
    const message: MessageRow = { ...draft, seq }
    const outbox = hooks.outbox({ ...message }, { ...conversation })
    checkOutbox(outbox)
    this.putMessage(message)
    this.append(outbox)
    return { message: { ...message }, duplicate: false }
  }

  async insertMessages(messages: MessageRow[]): Promise<MessageRow[]> {
    const inserted: MessageRow[] = []
    for (const m of messages) {
      const taken =
        this.messages.get(m.conversationId)?.bySeq.has(m.seq) ||
        this.messageById.has(m.messageId) ||
        (m.idempotencyKey !== '' && this.messageIdByKey.has(idemKey(m)))
      if (taken) continue
      this.putMessage({ ...m })
      inserted.push({ ...m })
    }
    return inserted
  }

  async maxSeq(conversationId: string): Promise<number> {
    return this.maxSeqOf(conversationId)
  }

  async reserveSeq(conversationId: string, atLeast: number): Promise<number> {
    if (!this.conversations.has(conversationId)) return 0
    const reserved = Math.max(this.seqReserved.get(conversationId) ?? 0, atLeast)
    this.seqReserved.set(conversationId, reserved)
    return reserved
  }

  async getMessage(conversationId: string, messageId: string): Promise<MessageRow | null> {
    const m = this.messageById.get(messageId)
    return m && m.conversationId === conversationId ? { ...m } : null
  }

  async listMessages(conversationId: string, afterSeq: number, limit: number): Promise<MessageRow[]> {
    const sorted = this.messages.get(conversationId)?.sorted ?? []
    const out: MessageRow[] = []
    for (let i = upperBound(sorted, afterSeq, (m) => m.seq); i < sorted.length && out.length < limit; i++) {
      if (sorted[i]!.status !== 'deleted') out.push({ ...sorted[i]! })
    }
    return out
  }

  async updateMessageStatus(
    conversationId: string,
    messageId: string,
    change: StatusChange,
    outbox: OutboxRecord[],
  ): Promise<MessageRow | null> {
    const m = this.messageById.get(messageId)
    if (!m || m.conversationId !== conversationId) return null
    const next = applyStatusChange(m, change)
    if (!next) return { ...m }
    checkOutbox(outbox)
    m.status = next.status
    m.content = next.content
    this.append(outbox)
    return { ...m }
  }

  async setReadSeq(
    conversationId: string,
    userId: string,
    seq: number,
    outbox: OutboxRecord[],
  ): Promise<{ readSeq: number; advanced: boolean }> {
    const key = pair(conversationId, userId)
    const current = this.readCursors.get(key) ?? 0
    if (seq <= current) return { readSeq: current, advanced: false }
    checkOutbox(outbox)
    this.readCursors.set(key, seq)
    this.append(outbox)
    return { readSeq: seq, advanced: true }
  }

  async createFriendRequest(fromUserId: string, toUserId: string, _at: number, outbox: OutboxRecord[]): Promise<void> {
    if (
      this.friendRequests.has(pair(fromUserId, toUserId)) ||
      this.friendRequests.get(pair(toUserId, fromUserId)) === 'accepted'
    ) {
      throw new AppError('already_exists', `${fromUserId} already asked ${toUserId}, or they are friends`)
    }
    checkOutbox(outbox)
    this.friendRequests.set(pair(fromUserId, toUserId), 'pending')
    this.append(outbox)
  }

  async acceptFriendRequest(fromUserId: string, toUserId: string, _at: number, outbox: OutboxRecord[]): Promise<void> {
    if (this.friendRequests.get(pair(fromUserId, toUserId)) !== 'pending') {
      throw new AppError('not_found', `no pending friend request from ${fromUserId} to ${toUserId}`)
    }
    checkOutbox(outbox)
    this.friendRequests.set(pair(fromUserId, toUserId), 'accepted')
    this.append(outbox)
  }

  async revokeToken(r: RevocationRow): Promise<void> {
    checkRevocation(r)
    this.revocations.set(r.jti, Math.max(this.revocations.get(r.jti) ?? 0, r.expiresAt))
  }

  async revokedTokenIds(jtis: string[], now: number): Promise<Set<string>> {
    return new Set(jtis.filter((jti) => (this.revocations.get(jti) ?? 0) > now))
  }

  async listRevocations(now: number, afterJti: string, limit: number): Promise<RevocationRow[]> {
    return [...this.revocations]
      .filter(([jti, expiresAt]) => jti > afterJti && expiresAt > now)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .slice(0, limit)
      .map(([jti, expiresAt]) => ({ jti, expiresAt }))
  }

  async pruneRevocations(now: number): Promise<number> {
    let n = 0
    for (const [jti, expiresAt] of this.revocations) if (expiresAt <= now && this.revocations.delete(jti)) n++
    return n
  }

  async sweepGuests(createdBefore: number, limit: number): Promise<GuestSweep> {
    const guests = [...this.users.values()]
      .filter((u) => u.guest && u.createdAt < createdBefore)
      .sort((a, b) => a.createdAt - b.createdAt || (a.userId < b.userId ? -1 : 1))
      .slice(0, limit)
    const gone = new Set(guests.map((u) => u.userId))
    let conversations = 0
    for (const userId of gone) {
      for (const id of [...(this.conversationsOfUser.get(userId) ?? [])]) {
        const c = this.conversations.get(id)!
        if (c.kind === 'group') {
          this.dropMember(id, userId)
          this.readCursors.delete(pair(id, userId))
          if (c.memberCount > 0) {
            // the last-admin rule (src/ports/last-admin.ts), without an event: sweeps write no outbox
            const left = [...this.members.get(id)!.byUser.values()]
            if (!left.some((m) => m.role === 'admin')) oldestMember(left)!.role = 'admin'
            continue
          }
        }
        this.dropConversation(id)
        conversations++
      }
      this.conversationsOfUser.delete(userId)
      this.invitations.forget(userId)
      this.users.delete(userId)
    }
    for (const key of this.friendRequests.keys()) {
      const [from, to] = key.split('\u0000') as [string, string]
      if (gone.has(from) || gone.has(to)) this.friendRequests.delete(key)
    }
    return { users: gone.size, conversations }
  }

  async appendOutbox(outbox: OutboxRecord[]): Promise<void> {
    checkOutbox(outbox)
    this.append(outbox)
  }

  async acquireOutboxLease(): Promise<OutboxLease | null> {
    if (this.leaseHeld) return null
    this.leaseHeld = true
    let held = true
    const mine = () => {
      if (!held) throw new Error('the outbox lease was released')
    }
    return {
      pending: async (limit) => {
        mine()
        const out: PendingOutboxRow[] = []
        const now = Date.now()
        for (const row of this.pending.values()) {
          if (out.length >= limit) break
          out.push({ ...row, headers: { ...row.headers }, ageMs: now - (this.committedAt.get(row.id) ?? now) })
        }
        return out
      },
      countPending: async () => {
        mine()
        return this.pending.size
      },
      markPublished: async (ids) => {
        mine()
        const now = Date.now()
        for (const id of ids)
          if (this.pending.delete(id)) {
            this.committedAt.delete(id)
            this.published.set(id, now)
          }
        for (const id of this.published.keys()) {
          if (this.published.size <= MAX_PUBLISHED_KEPT) break
          this.published.delete(id)
        }
      },
      purgePublished: async (olderThanMs) => {
        mine()
        const before = Date.now() - olderThanMs
        let n = 0
        for (const [id, at] of this.published) if (at < before && this.published.delete(id)) n++
        return n
      },
      release: async () => {
        if (held) this.leaseHeld = false
        held = false
      },
    }
  }

  private append(outbox: OutboxRecord[]): void {
    for (const r of outbox) {
      const id = this.nextOutboxId++
      this.pending.set(id, { id, topic: r.topic, key: r.key, value: Buffer.from(r.value), headers: { ...r.headers } })
      this.committedAt.set(id, Date.now())
    }
  }

  private putMembers(conversationId: string, members: MemberRow[]): void {
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

  private dropMember(conversationId: string, userId: string): void {
    const group = this.members.get(conversationId)!
    group.byUser.delete(userId)
    group.sorted.splice(upperBound(group.sorted, userId, (u) => u) - 1, 1)
    this.conversationsOfUser.get(userId)?.delete(conversationId)
    this.conversations.get(conversationId)!.memberCount--
  }

  /** a conversation with its members, messages and read cursors */
  private dropConversation(id: string): void {
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

  private putMessage(m: MessageRow): void {
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

  private maxSeqOf(conversationId: string): number {
    return this.messages.get(conversationId)?.sorted.at(-1)?.seq ?? 0
  }

  private withSeq(c: ConversationRow): ConversationWithSeq {
    return { ...c, lastSeq: this.maxSeqOf(c.conversationId) }
  }
}
