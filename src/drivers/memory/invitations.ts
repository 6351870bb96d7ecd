// Group invitations in memory (src/ports/invitations.ts): a map by (conversation, invitee) beside the store's
// members, which it reads and adds to through the accessors the store hands it. Nothing awaits inside a mutation,
// so each runs alone, as the store's own do.
import { checkOutbox, type ConversationRow, type MemberRow, type OutboxRecord } from '../../ports/store.js'
import type { InvitationRow, InvitationStore, InvitationView } from '../../ports/invitations.js'
import { AppError } from '../../core/errors.js'

/** what the store lets its invitations see and do */
export interface MemoryMembership {
  conversation(conversationId: string): ConversationRow | undefined
  isMember(conversationId: string, userId: string): boolean
  conversationsOf(userId: string): Iterable<string>
  addMember(member: MemberRow): void
  append(outbox: OutboxRecord[]): void
}

const key = (conversationId: string, inviteeId: string) => `${conversationId}\u0000${inviteeId}`

export class MemoryInvitations implements InvitationStore {
  private readonly rows = new Map<string, InvitationRow>()

  constructor(private readonly m: MemoryMembership) {}

  async contactsAmong(userId: string, candidates: string[]): Promise<Set<string>> {
    const mine = [...this.m.conversationsOf(userId)]
    return new Set(candidates.filter((c) => mine.some((id) => this.m.isMember(id, c))))
  }

  async invite(
    conversationId: string,
    invitations: InvitationRow[],
    outboxFor: (invited: string[]) => OutboxRecord[],
  ): Promise<string[]> {
    if (!this.m.conversation(conversationId))
      throw new AppError('not_found', `conversation ${conversationId} not found`)
    const seen = new Set<string>()
    const fresh = invitations.filter(
      (i) =>
        !seen.has(i.inviteeId) &&
        seen.add(i.inviteeId) &&
        !this.m.isMember(conversationId, i.inviteeId) &&
        !this.rows.has(key(conversationId, i.inviteeId)),
    )
    if (fresh.length === 0) return []
    const invited = fresh.map((i) => i.inviteeId)
    const outbox = outboxFor(invited)
    checkOutbox(outbox)
    for (const i of fresh) this.rows.set(key(conversationId, i.inviteeId), { ...i, conversationId })
    this.m.append(outbox)
    return invited
  }

  async getInvitation(conversationId: string, inviteeId: string): Promise<InvitationView | null> {
    const row = this.rows.get(key(conversationId, inviteeId))
    return row ? this.view(row) : null
  }

  async listInvitations(inviteeId: string, limit: number): Promise<InvitationView[]> {
    return [...this.rows.values()]
      .filter((r) => r.inviteeId === inviteeId)
      .flatMap((r) => this.view(r) ?? [])
      .sort((a, b) => b.createdAt - a.createdAt || (a.conversationId < b.conversationId ? -1 : 1))
      .slice(0, limit)
  }

  async acceptInvitation(conversationId: string, inviteeId: string, at: number, outbox: OutboxRecord[]) {
    const row = this.rows.get(key(conversationId, inviteeId))
    if (!row || !this.m.conversation(conversationId)) return false
    checkOutbox(outbox)
    this.rows.delete(key(conversationId, inviteeId))
    if (!this.m.isMember(conversationId, inviteeId))
      this.m.addMember({ conversationId, userId: inviteeId, role: 'member', joinedAt: at })
    this.m.append(outbox)
    return true
  }

  async declineInvitation(conversationId: string, inviteeId: string, outbox: OutboxRecord[]) {
    if (!this.rows.has(key(conversationId, inviteeId))) return false
    checkOutbox(outbox)
    this.rows.delete(key(conversationId, inviteeId))
    this.m.append(outbox)
    return true
  }

  /** withdraws an invitation, if any (a ban) */
  drop(conversationId: string, inviteeId: string): void {
    this.rows.delete(key(conversationId, inviteeId))
  }

  /** a swept user's invitations, sent and received */
  forget(userId: string): void {
    for (const [k, r] of this.rows) if (r.inviteeId === userId || r.inviterId === userId) this.rows.delete(k)
  }

  private view(row: InvitationRow): InvitationView | null {
    const c = this.m.conversation(row.conversationId)
    return c ? { ...row, conversationName: c.name } : null
  }
}
