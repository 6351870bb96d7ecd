// Group consent, the store's side (src/ports/store.ts `invitations`): who shares a conversation with whom, and
// invitations to groups that the invitee accepts (becoming a member) or declines. Each driver keeps it in a file
// of its own (src/drivers/*/invitations.ts); the store contract suite covers all three.
import type { OutboxRecord } from './outbox-record.js'

export interface InvitationRow {
  conversationId: string
  inviteeId: string
  inviterId: string
  /** epoch ms */
  createdAt: number
}

/** An invitation with the name its group has now. */
export interface InvitationView extends InvitationRow {
  conversationName: string
}

export interface InvitationStore {
  /** which of `candidates` share a conversation (direct or group) with `userId` */
  contactsAmong(userId: string, candidates: string[]): Promise<Set<string>>
  /**
   * Invites the users who are neither members nor invited yet and returns their ids; `not_found` without the
   * conversation. `outboxFor` gets them inside the transaction, as addMembers' does.
   */
  invite(
    conversationId: string,
    invitations: InvitationRow[],
    outboxFor: (invited: string[]) => OutboxRecord[],
  ): Promise<string[]>
  getInvitation(conversationId: string, inviteeId: string): Promise<InvitationView | null>
  /** the invitee's invitations to groups that still exist, newest first, at most `limit` */
  listInvitations(inviteeId: string, limit: number): Promise<InvitationView[]>
  /** the invitation becomes a membership (role member, joined `at`) in one transaction; false without it */
  acceptInvitation(conversationId: string, inviteeId: string, at: number, outbox: OutboxRecord[]): Promise<boolean>
  /** deletes the invitation; false without it */
  declineInvitation(conversationId: string, inviteeId: string, outbox: OutboxRecord[]): Promise<boolean>
}
